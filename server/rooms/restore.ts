/**
 * Rebuilding rooms from the store: every unfinished workshop at start, and any stored workshop
 * or solo game on demand, when a join by id finds no live room (its room went away when its
 * last client left, or after a restart). A record or log that cannot be read or replayed sets
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
  { ok: true; code: string } | { ok: false; code: string; quarantined?: string; missing?: true };

function quarantine(deps: RoomDeps, code: string, error: unknown): RestoreResult {
  const reason = error instanceof Error ? error.message : String(error);
  deps.store.quarantine(code, reason);
  console.error(`Workshop ${code} quarantined (kept in the store, not restored): ${reason}`);
  return { ok: false, code, quarantined: reason };
}

/** Replays one stored room and opens it under its own id. */
export async function restoreRoom(deps: RoomDeps, code: string): Promise<RestoreResult> {
  const reason = deps.store.quarantineReason(code);
  if (reason !== null) return { ok: false, code, quarantined: reason };
  let stored;
  try {
    stored = deps.store.load(code);
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
  for (const code of deps.store.unfinished()) {
    try {
      const result = await restoreRoom(deps, code);
      if (result.ok) restored.push(code);
    } catch (error) {
      console.error(`Workshop ${code} could not be restored:`, error);
    }
  }
  return { restored, quarantined: deps.store.quarantined() };
}

/** Ids of rooms being restored right now: two joins at once must not open two rooms. */
const inFlight = new WeakMap<RoomDeps, Map<string, Promise<RestoreResult>>>();

/** Before a join by id: brings the stored room back if it is not live in this process. */
export function restoreOnDemand(deps: RoomDeps, code: string): Promise<RestoreResult | null> {
  if (deps.live.has(code)) return Promise.resolve(null);
  let running = inFlight.get(deps);
  if (!running) {
    running = new Map();
    inFlight.set(deps, running);
  }
  const existing = running.get(code);
  if (existing) return existing;
  if (!deps.store.exists(code)) return Promise.resolve(null);
  const table = running;
  const restoring = restoreRoom(deps, code).finally(() => table.delete(code));
  table.set(code, restoring);
  return restoring;
}
