/**
 * The writes waiting for a commit, grouped per workshop so each workshop's promises settle
 * together — and apart from every other workshop's. SQLite flushes its groups synchronously
 * (sqlite.ts); `WriteQueue` is the asynchronous form for a server database: one batch commits
 * at a time, and the batch being filled takes every write until the one before has committed
 * and the current event-loop turn has ended (group commit that widens under load).
 */
import type { WorkshopRecord, WorkshopStatus } from "./store";

export type Write =
  | { kind: "create"; record: WorkshopRecord; config: string }
  | { kind: "append"; seq: number; at: number; envelope: string }
  | { kind: "status"; status: WorkshopStatus };

/** One workshop's writes of this batch, settled together. */
export interface Group {
  writes: Write[];
  done: Promise<void>;
  settle: (error?: unknown) => void;
}

/** Groups by workshop code, in the order their first write came. */
export type Batch = Map<string, Group>;

export function newGroup(): Group {
  let settle: Group["settle"] = () => {};
  const done = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error));
  });
  // Nobody may be listening yet (a status write); the caller's own handlers still see it.
  done.catch(() => {});
  return { writes: [], done, settle };
}

export function addTo(batch: Batch, code: string, write: Write): Promise<void> {
  let group = batch.get(code);
  if (!group) {
    group = newGroup();
    batch.set(code, group);
  }
  group.writes.push(write);
  return group.done;
}

const hasCreate = (batch: Batch | null, code: string): boolean =>
  batch?.get(code)?.writes.some((w) => w.kind === "create") ?? false;

export class WriteQueue {
  private filling: Batch | null = null;
  private committing: Batch | null = null;
  /** Settles when the last batch handed to `commit` has settled; never rejects. */
  private tail: Promise<void> = Promise.resolve();

  /** `commit` settles every group of the batch (it should not throw; if it does, they fail). */
  constructor(private readonly commit: (batch: Batch) => Promise<void>) {}

  add(code: string, write: Write): Promise<void> {
    if (!this.filling) {
      const batch: Batch = new Map();
      this.filling = batch;
      const turnEnded = new Promise<void>((resolve) => setImmediate(resolve));
      this.tail = Promise.all([this.tail, turnEnded]).then(() => this.run(batch));
    }
    return addTo(this.filling, code, write);
  }

  private async run(batch: Batch): Promise<void> {
    if (this.filling === batch) this.filling = null;
    this.committing = batch;
    try {
      await this.commit(batch);
    } catch (error) {
      for (const group of batch.values()) group.settle(error);
    } finally {
      this.committing = null;
    }
  }

  /** Resolves once every write queued so far has settled (committed or failed). */
  settled(): Promise<void> {
    return this.tail;
  }

  /** Whether a record for `code` is queued but not yet settled. */
  creates(code: string): boolean {
    return hasCreate(this.filling, code) || hasCreate(this.committing, code);
  }
}
