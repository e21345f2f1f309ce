/**
 * The cluster around this process's rooms: the gate before every join by code (the room is
 * hosted exactly once: here, on its live owner, or reopened here from the store), the hand-over
 * of every room when the process drains, and what happens when its ownership is lost.
 */
import { matchMaker } from "@colyseus/core";
import { JoinRefusal } from "../http/frontDoor";
import { restoreRoom } from "../rooms/restore";
import type { RoomDeps } from "../rooms/deps";
import { ensureHosted, RoomMoving, type HostingContext, type RoomDirectory } from "./hosting";

/** `beforeJoinById` for the front door: after it, the matchmaker finds the room's one host. */
export function joinGate(
  deps: RoomDeps,
  directory: RoomDirectory,
  draining: () => boolean,
): (roomId: string) => Promise<void> {
  const ctx: HostingContext = {
    ownership: deps.ownership,
    directory,
    // Any room hosted here counts (also another kind's, e.g. the benchmarks' baselines, which
    // are neither stored nor owned), and a code reserved for a room being created.
    isLocal: (code) =>
      (deps.live.has(code) || matchMaker.getLocalRoomById(code) !== undefined) &&
      deps.live.get(code)?.leaving !== true,
    isLeaving: (code) => deps.live.get(code)?.leaving === true,
    exists: (code) => deps.store.exists(code),
    draining,
    restore: async (code) => {
      const result = await restoreRoom(deps, code);
      if (result.ok) return true;
      if (result.quarantined !== undefined) {
        throw new JoinRefusal(
          410,
          "join.damaged",
          "This game's record is damaged: it was set aside, untouched, for inspection.",
        );
      }
      if (result.elsewhere) throw new RoomMoving(code);
      return false;
    },
  };
  return async (roomId) => {
    try {
      await ensureHosted(ctx, roomId);
    } catch (error) {
      if (error instanceof RoomMoving) {
        // The client's rejoin loop tries again (through the balancer: another process).
        throw new JoinRefusal(503, "server.draining", error.message);
      }
      throw error;
    }
  };
}

/** Every room of this process, handed over one after the other's writes are durable. */
export async function handOverAll(deps: RoomDeps): Promise<void> {
  const rooms = [...deps.live.values()].filter((room) => room !== null);
  await Promise.all(rooms.map((room) => room.handOver(true)));
}

/**
 * Ownership lost (the database connection dropped): another process may already reopen these
 * rooms, so this one writes nothing more and sends their clients to the new host.
 */
export function onOwnershipLost(deps: RoomDeps, metrics: { ownershipLost(): void }): void {
  deps.ownership.onLost((codes) => {
    for (const code of codes) {
      const room = deps.live.get(code);
      if (!room) continue;
      metrics.ownershipLost();
      void room.handOver(false).catch((error: unknown) => {
        console.error(`[${code}] could not hand the room over after losing it:`, error);
      });
    }
  });
}
