/**
 * Editing the team's allocation on the board. Edits are local first (the board answers at once).
 * The server's copy is only an echo when this player wrote it last, so it never overrides the
 * local draft (a slow echo would undo newer keystrokes); a teammate's draft is adopted once this
 * player has stopped touching theirs, so people editing together converge on the last writer.
 */
import {
  BUCKET_IDS,
  allocationTotal,
  type Allocation,
  type BucketId,
} from "../../../shared/model/levers";

/** Adds (or removes) tokens on one bucket, never below 0 nor above the budget. */
export function adjustDraft(
  draft: Allocation,
  bucket: BucketId,
  delta: number,
  budget: number,
): Allocation {
  const free = budget - allocationTotal(draft);
  const change = delta > 0 ? Math.min(delta, free) : Math.max(delta, -draft[bucket]);
  if (change === 0) return draft;
  return { ...draft, [bucket]: draft[bucket] + change };
}

export function sameAllocation(a: Allocation, b: Allocation): boolean {
  return BUCKET_IDS.every((id) => a[id] === b[id]);
}

/** How long after the last local edit the server's draft may overwrite the local one. */
export const LOCAL_EDIT_GRACE_MS = 800;

export interface DraftSync {
  local: Allocation;
  /** When the local draft was last edited (ms), 0 when never. */
  editedAt: number;
  /** This player's id: the server's draft written by them is their own echo. */
  me: string;
}

export function reconcileDraft(
  sync: DraftSync,
  remote: Allocation | undefined,
  remoteBy: string,
  now: number,
): Allocation {
  if (!remote) return sync.local;
  if (sync.editedAt > 0 && remoteBy === sync.me) return sync.local;
  if (sync.editedAt > 0 && now - sync.editedAt < LOCAL_EDIT_GRACE_MS) return sync.local;
  return remote;
}

/** Cycles the keyboard selection through the seven buckets. */
export function nextBucket(current: BucketId, step: number): BucketId {
  const i = BUCKET_IDS.indexOf(current);
  const n = BUCKET_IDS.length;
  return BUCKET_IDS[(((i + step) % n) + n) % n] as BucketId;
}
