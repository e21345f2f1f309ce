/**
 * Several processes sharing rooms: Colyseus's Redis presence (pub/sub between processes, seat
 * reservations, process stats) and Redis driver (the room listing every process reads), each
 * on its own ioredis connections made from `REDIS_URL` (a `redis://` / `rediss://` URL or a unix
 * socket path, which ioredis takes as its `path`). Colyseus shuts both down in
 * `gracefullyShutdown`.
 *
 * Also where new rooms go. Colyseus sends a new room to the process with the fewest rooms; a
 * draining process has few and must get none, so each draining process is listed in a presence
 * set and skipped. A restore is rebuilt from the log by the process that asked for it (the
 * session it prepared lives in that process's memory), so it always stays local.
 */
import { ErrorCode, matchMaker, ServerError } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { formatJoinError } from "../shared/protocol/errors";

/** RedisPresence with a health probe on its command connection. */
export class ElanPresence extends RedisPresence {
  async ping(): Promise<void> {
    const answer = await this.pub.ping();
    if (answer !== "PONG") throw new Error(`Redis answered "${answer}" to PING`);
  }
}

export interface ScaleOut {
  presence: ElanPresence;
  driver: RedisDriver;
}

export function connectRedis(redisUrl: string): ScaleOut {
  return { presence: new ElanPresence(redisUrl), driver: new RedisDriver(redisUrl) };
}

/** Presence set of processes that take no new room (works on the local presence too). */
export const DRAINING_PROCESSES = "elan:draining";

export async function markDraining(): Promise<void> {
  await matchMaker.presence.sadd(DRAINING_PROCESSES, matchMaker.processId);
}

export async function unmarkDraining(): Promise<void> {
  await matchMaker.presence.srem(DRAINING_PROCESSES, matchMaker.processId);
}

const isRestore = (options: unknown): boolean =>
  typeof options === "object" && options !== null && "restore" in options;

/**
 * Colyseus's `selectProcessIdToCreateRoom`. It reads the matchmaker's current presence (not one
 * captured here): Colyseus keeps this callback across servers started in one process (tests).
 */
export async function selectProcessForNewRoom(
  _roomName: string,
  options: unknown,
): Promise<string> {
  if (isRestore(options)) return matchMaker.processId;
  const [all, draining] = await Promise.all([
    matchMaker.stats.fetchAll(),
    matchMaker.presence.smembers(DRAINING_PROCESSES),
  ]);
  const skip = new Set(draining);
  const open = all.filter((s) => !skip.has(s.processId)).sort((a, b) => a.roomCount - b.roomCount);
  // Stats are written once this process has hosted something: until then, it is not listed.
  const chosen =
    open[0]?.processId ?? (skip.has(matchMaker.processId) ? undefined : matchMaker.processId);
  if (chosen === undefined) {
    throw new ServerError(
      ErrorCode.MATCHMAKE_UNHANDLED,
      formatJoinError("server.draining", "Every server is restarting; try again in a moment."),
    );
  }
  return chosen;
}
