/**
 * Several processes sharing rooms: Colyseus's Redis presence (pub/sub between processes, seat
 * reservations, process stats) and Redis driver (the room listing every process reads), each
 * on its own ioredis connections made from `REDIS_URL` (a `redis://` / `rediss://` URL or a unix
 * socket path, which ioredis takes as its `path`). Colyseus shuts both down in
 * `gracefullyShutdown`.
 *
 * Also where new rooms go. Colyseus sends a new room to the process with the fewest rooms; a
 * draining process has few and must get none, so each draining process is marked in the
 * presence and skipped. A restore is rebuilt from the log by the process that asked for it (the
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

/** Thrown at start when Redis does not answer: start.ts names `REDIS_URL` and stops. */
export class RedisUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RedisUnreachableError";
  }
}

export const REDIS_CONNECT_TIMEOUT_MS = 5000;

/**
 * Opens the presence and driver connections and waits for Redis to answer a PING: without it,
 * Colyseus would wait on its first command and fail much later with ioredis's retry error.
 */
export async function connectRedis(
  redisUrl: string,
  timeoutMs = REDIS_CONNECT_TIMEOUT_MS,
): Promise<ScaleOut> {
  const scaleOut = { presence: new ElanPresence(redisUrl), driver: new RedisDriver(redisUrl) };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      scaleOut.presence.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return scaleOut;
  } catch (error) {
    scaleOut.presence.shutdown();
    await scaleOut.driver.shutdown().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new RedisUnreachableError(`Redis at REDIS_URL does not answer (${reason}).`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A draining process is marked by a presence key of its own, left to expire rather than
 * removed: a process never comes back under the same id, and a mark that outlives the
 * shutdown leaves no moment when a stopping process could be picked again.
 */
export const drainingKey = (processId: string) => `elan:draining:${processId}`;
const DRAINING_MARK_SECONDS = 3600;

export async function markDraining(): Promise<void> {
  await matchMaker.presence.setex(drainingKey(matchMaker.processId), "1", DRAINING_MARK_SECONDS);
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
  const presence = matchMaker.presence;
  const draining = (processId: string) => presence.exists(drainingKey(processId));
  const self = matchMaker.processId;
  // A process that died stays in the stats until someone notices; its channel is gone at once.
  const [all, channels] = await Promise.all([
    matchMaker.stats.fetchAll(),
    presence.channels("p:*"),
  ]);
  const alive = new Set(channels.map((channel) => channel.slice(2)));
  const living = all.filter((s) => s.processId === self || alive.has(s.processId));
  const marks = await Promise.all(living.map((s) => draining(s.processId)));
  const open = living.filter((_, i) => !marks[i]).sort((a, b) => a.roomCount - b.roomCount);
  // A process is listed once its stats are first written; until then, it may still take rooms.
  const chosen = open[0]?.processId ?? ((await draining(self)) ? undefined : self);
  if (chosen === undefined) {
    throw new ServerError(
      ErrorCode.MATCHMAKE_UNHANDLED,
      formatJoinError("server.draining", "Every server is restarting; try again in a moment."),
    );
  }
  return chosen;
}
