/**
 * The embedded store as the server uses it: SQLite on a thread of its own. The rooms' event
 * loop only posts messages; the commit (and its fsync), the queries and the JSON of a long log
 * run on the store's thread (sqliteThread.ts), so no store write stalls the loop. Semantics are
 * SqliteStore's, unchanged: every write of one event-loop turn goes over in one message and
 * commits in one transaction (group commit), a write's promise settles once it is durable (or
 * refused, one workshop's failure staying its own), and a read sees every write sent before it.
 */
import { Worker } from "node:worker_threads";
import type { Envelope } from "../session/types";
import type { FromThread, ReadMethod, ThreadError, ToThread, WriteMethod } from "./sqliteProtocol";
import {
  CorruptRecordError,
  StoreOpenError,
  type CommitListener,
  type StoreHealth,
  type StoredWorkshop,
  type WorkshopRecord,
  type WorkshopStatus,
  type WorkshopStore,
  type WorkshopSummary,
} from "./store";

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface QueuedWrite extends Waiting {
  method: WriteMethod;
  args: unknown[];
}

/** The error as thrown in the store's thread: its class, message and code. */
function revive(error: ThreadError): Error {
  if (error.name === "CorruptRecordError" && error.workshop !== undefined) {
    const corrupt = new CorruptRecordError(error.workshop, "");
    corrupt.message = error.message;
    return corrupt;
  }
  const revived = new Error(error.message);
  revived.name = error.name;
  if (error.code !== undefined) (revived as Error & { code?: string }).code = error.code;
  return revived;
}

export class SqliteWorkerStore implements WorkshopStore {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting | QueuedWrite[]>();
  private queued: QueuedWrite[] | null = null;
  private state: StoreHealth = { ok: true, error: null, since: null };
  private readonly listeners: CommitListener[] = [];
  private closing: Promise<void> | null = null;
  private gone: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (message: FromThread) => this.receive(message));
    worker.on("error", (error) => this.lost(error));
    worker.on("exit", (code) => this.lost(new Error(`the store's thread stopped (exit ${code})`)));
  }

  /** Starts the thread and opens the file there; rejects with a `StoreOpenError` as SqliteStore does. */
  static open(file: string): Promise<SqliteWorkerStore> {
    const worker = new Worker(new URL("./sqliteThread.mjs", import.meta.url), {
      workerData: { file },
    });
    return new Promise((resolve, reject) => {
      const first = (message: FromThread) => {
        worker.off("message", first);
        worker.off("error", failed);
        if (message.kind === "ready") return resolve(new SqliteWorkerStore(worker));
        const error = message.kind === "failed" ? message.error : null;
        void worker.terminate();
        reject(
          error?.name === "StoreOpenError"
            ? new StoreOpenError(error.message)
            : new Error(error?.message ?? "the store's thread did not start"),
        );
      };
      const failed = (error: Error) => {
        worker.off("message", first);
        reject(error);
      };
      worker.on("message", first);
      worker.once("error", failed);
    });
  }

  private receive(message: FromThread): void {
    switch (message.kind) {
      case "commit":
        for (const listener of this.listeners) listener(message.ms, message.rows);
        return;
      case "written": {
        this.state = message.health;
        const writes = this.waiting.get(message.id) as QueuedWrite[] | undefined;
        this.waiting.delete(message.id);
        writes?.forEach((write, i) => {
          const result = message.results[i];
          if (result?.ok) write.resolve(undefined);
          else write.reject(revive(result?.error ?? { name: "Error", message: "no answer" }));
        });
        return;
      }
      case "answer": {
        this.state = message.health;
        const read = this.waiting.get(message.id) as Waiting | undefined;
        this.waiting.delete(message.id);
        if (message.ok) read?.resolve(message.value);
        else read?.reject(revive(message.error));
        return;
      }
      default:
        return;
    }
  }

  /** The thread died: everything waiting fails, and so does everything after. */
  private lost(error: Error): void {
    if (this.gone) return;
    this.gone = error;
    if (!this.closing) {
      this.state = { ok: false, error: error.message, since: this.state.since ?? Date.now() };
    }
    for (const waiting of this.waiting.values()) {
      for (const w of Array.isArray(waiting) ? waiting : [waiting]) w.reject(error);
    }
    this.waiting.clear();
  }

  private post(message: ToThread): void {
    this.worker.postMessage(message);
  }

  /** Queued in call order; the turn's writes leave together. */
  private write(method: WriteMethod, args: unknown[]): Promise<void> {
    if (this.gone) return Promise.reject(this.gone);
    return new Promise((resolve, reject) => {
      if (!this.queued) {
        this.queued = [];
        setImmediate(() => this.sendWrites());
      }
      this.queued.push({ method, args, resolve: () => resolve(), reject });
    });
  }

  private sendWrites(): void {
    const ops = this.queued;
    this.queued = null;
    if (!ops || ops.length === 0) return;
    if (this.gone) {
      for (const op of ops) op.reject(this.gone);
      return;
    }
    const id = this.nextId++;
    this.waiting.set(id, ops);
    this.post({ kind: "writes", id, ops: ops.map(({ method, args }) => ({ method, args })) });
  }

  private read<T>(method: ReadMethod, args: unknown[] = []): Promise<T> {
    this.sendWrites(); // a read sees every write made before it
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.post({ kind: "read", id, method, args });
    });
  }

  create(record: WorkshopRecord): Promise<void> {
    return this.write("create", [record]);
  }

  append(code: string, seq: number, envelope: Envelope): Promise<void> {
    return this.write("append", [code, seq, envelope]);
  }

  setStatus(code: string, status: WorkshopStatus): Promise<void> {
    return this.write("setStatus", [code, status]);
  }

  load(code: string): Promise<StoredWorkshop | undefined> {
    return this.read("load", [code]);
  }

  exists(code: string): Promise<boolean> {
    return this.read("exists", [code]);
  }

  unfinished(): Promise<string[]> {
    return this.read("unfinished");
  }

  listByFacilitator(facilitatorHash: string): Promise<WorkshopSummary[]> {
    return this.read("listByFacilitator", [facilitatorHash]);
  }

  quarantine(code: string, reason: string): Promise<void> {
    return this.read("quarantine", [code, reason]);
  }

  quarantineReason(code: string): Promise<string | null> {
    return this.read("quarantineReason", [code]);
  }

  quarantined(): Promise<{ code: string; reason: string }[]> {
    return this.read("quarantined");
  }

  ping(): Promise<void> {
    return this.read("ping");
  }

  health(): StoreHealth {
    return { ...this.state };
  }

  observeCommits(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  close(): Promise<void> {
    return (this.closing ??= (async () => {
      this.sendWrites();
      if (!this.gone) {
        const closed = new Promise<void>((resolve) => {
          const done = (message: FromThread) => {
            if (message.kind !== "closed") return;
            this.worker.off("message", done);
            resolve();
          };
          this.worker.on("message", done);
          this.worker.once("exit", () => resolve());
        });
        this.post({ kind: "close" });
        await closed;
      }
      await this.worker.terminate();
    })());
  }
}
