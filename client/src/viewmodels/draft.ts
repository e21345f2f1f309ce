/**
 * Editing the team's allocation on the board: one draft, the server's, reconciled by sequence.
 *
 * Each +/− is an operation (`allocation.adjust {bucket, delta}`) that the server applies to the
 * team's one draft, so teammates clicking at once all count — whole-draft writes used to
 * overwrite each other, and a time window decided whose copy won, which lost clicks in busy teams.
 *
 * The board answers at once: it shows the server's draft with this player's pending operations
 * (sent, not yet seen in it) re-applied on top, clamped as the server clamps. An operation stops
 * being pending once the synchronized `draftRev` reaches the revision its Ack returned, or when
 * it is refused. No clock is involved.
 *
 * The Ack and the state patch that includes an operation may arrive in either order. A server
 * draft received after an operation was sent may or may not include it, and only its Ack says
 * which; so while an operation awaits its Ack, the board builds on the last server draft received
 * before it was sent (`held`), which certainly does not include it. Teammates' edits received
 * meanwhile show as soon as the Acks are in (one round trip), and nothing is ever counted twice.
 */
import {
  BUCKET_IDS,
  allocationTotal,
  type Allocation,
  type BucketId,
} from "../../../shared/model/levers";

/** Adds (or removes) tokens on one bucket, never below 0 nor above the budget (as the server does). */
export function adjustDraft(
  draft: Allocation,
  bucket: BucketId,
  delta: number,
  budget: number,
): Allocation {
  const free = budget - allocationTotal(draft);
  const change = delta > 0 ? Math.min(delta, Math.max(0, free)) : Math.max(delta, -draft[bucket]);
  if (change === 0) return draft;
  return { ...draft, [bucket]: draft[bucket] + change };
}

export function sameAllocation(a: Allocation, b: Allocation): boolean {
  return BUCKET_IDS.every((id) => a[id] === b[id]);
}

/** The team's draft as last synchronized: `private.draft` and `private.draftRev`. */
export interface ServerDraft {
  draft: Allocation;
  rev: number;
}

export interface PendingEdit {
  id: number;
  bucket: BucketId;
  delta: number;
  /** The draft revision that includes this edit (its Ack's `draftRev`); null until acknowledged. */
  rev: number | null;
}

export class DraftEdits {
  private edits: PendingEdit[] = [];
  /** Set while an edit awaits its Ack: the last server draft received before it was sent. */
  private held: ServerDraft | null = null;
  private nextId = 1;

  /** Edits sent and not yet seen in the server's draft, oldest first. */
  get pending(): readonly PendingEdit[] {
    return this.edits;
  }

  private awaitingAck(): boolean {
    return this.edits.some((e) => e.rev === null);
  }

  /** Records an operation about to be sent, given the latest server draft; returns its id. */
  add(bucket: BucketId, delta: number, server: ServerDraft): number {
    if (!this.awaitingAck()) this.held = server;
    const id = this.nextId++;
    this.edits.push({ id, bucket, delta, rev: null });
    return id;
  }

  /**
   * The server accepted edit `id` into revision `rev`. An Ack without a revision (a server that
   * does not count them) leaves the server's next draft as the only truth.
   */
  ack(id: number, rev: number | undefined, server: ServerDraft): void {
    const edit = this.edits.find((e) => e.id === id);
    if (!edit) return;
    edit.rev = rev ?? 0;
    this.settle(server);
  }

  /** The server refused edit `id` (or never answered): it is rolled back. */
  refuse(id: number, server: ServerDraft): void {
    this.edits = this.edits.filter((e) => e.id !== id);
    this.settle(server);
  }

  /** A new server draft arrived: forget the edits it includes (once no Ack is outstanding). */
  settle(server: ServerDraft): void {
    if (this.awaitingAck()) return;
    this.held = null;
    this.edits = this.edits.filter((e) => (e.rev ?? 0) > server.rev);
  }

  /** A new quarter, or a new room whose revisions start again: nothing pending applies. */
  clear(): void {
    this.edits = [];
    this.held = null;
  }

  /** What the board shows: the server's draft with the pending edits re-applied, in order. */
  shown(server: ServerDraft, budget: number): Allocation {
    const base = this.held ?? server;
    let draft = base.draft;
    for (const e of this.edits) {
      if (e.rev === null || e.rev > base.rev) draft = adjustDraft(draft, e.bucket, e.delta, budget);
    }
    return draft;
  }
}

/** Cycles the keyboard selection through the seven buckets. */
export function nextBucket(current: BucketId, step: number): BucketId {
  const i = BUCKET_IDS.indexOf(current);
  const n = BUCKET_IDS.length;
  return BUCKET_IDS[(((i + step) % n) + n) % n] as BucketId;
}
