/**
 * Rebuilding rooms from the store: every unfinished workshop at start (one process), and any
 * stored workshop or solo game on demand, when a join by id finds no live room anywhere (its
 * room went away when its last client left, its process died or drained, or after a restart:
 * server/cluster/hosting.ts decides). Only the process holding a workshop's ownership opens it. A record or log that cannot be read or replayed sets
 * that one workshop aside (quarantine, with a clear log line) — it never stops the server or
 * the other workshops.
 */
import { matchMaker } from "@colyseus/core";
import { replaySession } from "../session/session";
import { CorruptRecordError } from "../store/store";
import type { RoomDeps } from "./deps";

export interface Quarantined {
  code: string;
  reason: string;
}

export type RestoreResult =
  | { ok: true; code: string }
  /** `elsewhere`: another process holds the workshop (it hosts it, or is reopening it). */
  | { ok: false; code: string; quarantined?: string; missing?: true; elsewhere?: true };

async function quarantine(deps: RoomDeps, code: string, error: unknown): Promise<RestoreResult> {
  const reason = error instanceof Error ? error.message : String(error);
  await deps.store.quarantine(code, reason);
  console.error(`Workshop ${code} quarantined (kept in the store, not restored): ${reason}`);
  return { ok: false, code, quarantined: reason };
}

/** Replays one stored room and opens it under its own id, in this process, if it may. */
export async function restoreRoom(deps: RoomDeps, code: string): Promise<RestoreResult> {
  if (!(await deps.ownership.acquire(code))) return { ok: false, code, elsewhere: true };
  try {
    const result = await reopen(deps, code);
    if (!result.ok) await deps.ownership.release(code);
    return result;
  } catch (error) {
    await deps.ownership.release(code).catch(() => {});
    throw error;
  }
}

async function reopen(deps: RoomDeps, code: string): Promise<RestoreResult> {
  const reason = await deps.store.quarantineReason(code);
  if (reason !== null) return { ok: false, code, quarantined: reason };
  let stored;
  try {
    stored = await deps.store.load(code);
  } catch (error) {
    // A malformed row is this workshop's problem; a failing disk is not (retry later).
    if (error instanceof CorruptRecordError) return quarantine(deps, code, error);
    throw error;
  }
  if (!stored) return { ok: false, code, missing: true };
  let session;
  try {
    session = replaySession(stored.record.config, stored.log);
  } catch (error) {
    return quarantine(deps, code, error);
  }
  deps.restoring.set(code, { session, facilitatorHash: stored.record.facilitatorHash });
  try {
    await matchMaker.createRoom(stored.record.kind, { restore: code, restoreKey: deps.restoreKey });
  } finally {
    deps.restoring.delete(code);
  }
  deps.metrics.restored(stored.record.kind);
  return { ok: true, code };
}

/**
 * At start: every unfinished workshop, each on its own (one bad log stops only itself). The
 * answer lists every quarantined room too — those set aside now and those set aside before —
 * so each start-up says what is waiting for someone to look at it.
 */
export async function restoreUnfinished(
  deps: RoomDeps,
): Promise<{ restored: string[]; quarantined: Quarantined[] }> {
  const restored: string[] = [];
  for (const code of await deps.store.unfinished()) {
    try {
      const result = await restoreRoom(deps, code);
      if (result.ok) restored.push(code);
    } catch (error) {
      console.error(`Workshop ${code} could not be restored:`, error);
    }
  }
  return { restored, quarantined: await deps.store.quarantined() };
}
