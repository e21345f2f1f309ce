/**
 * Before a join by code: makes sure exactly one process in the cluster hosts the room, and
 * says where. A room listed by a live process stays there (the matchmaker reserves the seat on
 * it). A room listed by a dead process, or not listed at all but stored (its owner died, or the
 * whole cluster restarted), is restored here — but only once this process holds its ownership
 * (ownership.ts), so two processes racing for it never both host it: the loser waits for the
 * winner's listing and sends the join there.
 */
import type { Ownership } from "./ownership";

/** Where a room's listing says it lives (Colyseus's driver: Redis in a cluster). */
export interface RoomDirectory {
  /** This process's id. */
  readonly self: string;
  /** The process listing `code`, or null. */
  ownerOf(code: string): Promise<string | null>;
  /** Whether a process is still in the cluster (its presence channel is open). */
  alive(processId: string): Promise<boolean>;
  /** Drops a listing left behind by a process that no longer holds the room. */
  forget(code: string): Promise<void>;
}

export type Hosting =
  /** Live here (perhaps just restored): the join proceeds locally. */
  | { where: "here" }
  /** Live on another process whose ownership holds: the matchmaker reserves the seat there. */
  | { where: "elsewhere"; processId: string }
  /** Not stored anywhere: the join's own "not found" answers. */
  | { where: "nowhere" };

/** The room is between owners (another process is restoring it): the client tries again. */
export class RoomMoving extends Error {
  constructor(readonly code: string) {
    super(`Workshop ${code} is being reopened on another server; try again in a moment.`);
    this.name = "RoomMoving";
  }
}

export interface HostingContext {
  ownership: Ownership;
  directory: RoomDirectory;
  /** Whether the room is live in this process (or being created here) and takes joins. */
  isLocal(code: string): boolean;
  /** Whether the room is still here but being handed over (draining, ownership lost). */
  isLeaving(code: string): boolean;
  exists(code: string): Promise<boolean>;
  /**
   * Rebuilds the stored room here under its code (ownership is held); false when it turned out
   * to be missing. Throws to refuse (damaged log, store down).
   */
  restore(code: string): Promise<boolean>;
  /** A draining process opens nothing new. */
  draining(): boolean;
  /** How long to wait for a racing restorer's listing, and how often to look. */
  waitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Joins by code for the same room, in this process, share one decision. */
const inFlight = new WeakMap<HostingContext, Map<string, Promise<Hosting>>>();

export function ensureHosted(ctx: HostingContext, code: string): Promise<Hosting> {
  // Live here: the join proceeds, even on a draining process (its hand-over moves it later).
  if (ctx.isLocal(code)) return Promise.resolve({ where: "here" });
  // Being handed over from here: wait until it is gone, then it reopens wherever asked.
  if (ctx.isLeaving(code)) return Promise.reject(new RoomMoving(code));
  let running = inFlight.get(ctx);
  if (!running) {
    running = new Map();
    inFlight.set(ctx, running);
  }
  const existing = running.get(code);
  if (existing) return existing;
  const table = running;
  const decided = decide(ctx, code).finally(() => table.delete(code));
  table.set(code, decided);
  return decided;
}

async function decide(ctx: HostingContext, code: string): Promise<Hosting> {
  const self = ctx.directory.self;
  const listed = await ctx.directory.ownerOf(code);
  if (listed === self && ctx.isLocal(code)) return { where: "here" };
  // A live owner seats the join itself; only a room nobody live lists needs a new host.
  if (listed !== null && listed !== self && (await ctx.directory.alive(listed))) {
    return { where: "elsewhere", processId: listed };
  }
  if (listed === null && !(await ctx.exists(code))) return { where: "nowhere" };
  // Never take a room while handing rooms over: the client tries again, elsewhere.
  if (ctx.draining()) throw new RoomMoving(code);
  if (await ctx.ownership.acquire(code)) {
    // Ours now: whatever listing there is was left by a process that lost the room.
    try {
      if (listed !== null) await ctx.directory.forget(code);
      if (ctx.isLocal(code)) return { where: "here" };
      return (await ctx.restore(code)) ? { where: "here" } : { where: "nowhere" };
    } catch (error) {
      if (!ctx.isLocal(code)) await ctx.ownership.release(code).catch(() => {});
      throw error;
    }
  }
  // Another process holds it and is reopening it: wait for its listing (not the stale one).
  const sleep = ctx.sleep ?? defaultSleep;
  const waitMs = ctx.waitMs ?? 5000;
  const pollMs = ctx.pollMs ?? 100;
  for (let waited = 0; waited < waitMs; waited += pollMs) {
    await sleep(pollMs);
    const owner = await ctx.directory.ownerOf(code);
    if (owner !== null && owner !== listed && owner !== self) {
      return { where: "elsewhere", processId: owner };
    }
  }
  throw new RoomMoving(code);
}
