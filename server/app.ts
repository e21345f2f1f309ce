/**
 * Assembles one Élan server: the store (SQLite, or PostgreSQL given a URL), the rooms (with
 * their dependencies handed in by subclassing), the HTTP API and static client on the same
 * port. Alone, it reopens every unfinished workshop at start; with `redisUrl`, rooms are shared
 * with other processes through Colyseus's Redis presence and driver (scaleOut.ts), each
 * workshop hosted by the one process holding its ownership (cluster/), reopened on demand. `/health`, `/ready` and
 * `/metrics` report on this process; `drain()` takes it out of service (drain.ts). Used by
 * start.ts, the tests and the benchmark.
 */
import { defineRoom, defineServer, type RegisteredHandler, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";
import { join } from "node:path";
import { RECONNECT_GRACE_SECONDS } from "../shared/index";
import type { AddressLimits } from "./http/addressLimits";
import { createDrain, type DrainHook } from "./drain";
import { createHttpHandler } from "./http/api";
import { runReadyChecks, type ReadyCheck, type ReadyReport } from "./http/health";
import { installFrontDoor } from "./http/frontDoor";
import { joinAddress, parsePublicUrl } from "./http/joinAddress";
import { createMetrics, type Metrics } from "./metrics";
import type { LiveSession, RoomDeps } from "./rooms/deps";
import { installFullStatePatch } from "./rooms/fullState";
import { DEFAULT_RATE_LIMIT, type RateLimit } from "./rooms/rateLimit";
import { SoloRoom } from "./rooms/SoloRoom";
import { WorkshopRoom } from "./rooms/WorkshopRoom";
import { restoreUnfinished, type Quarantined } from "./rooms/restore";
import { matchMakerDirectory } from "./cluster/directory";
import { AdvisoryOwnership, LocalOwnership, type Ownership } from "./cluster/ownership";
import { handOverAll, joinGate, onOwnershipLost } from "./cluster/rooms";
import { connectRedis, markDraining, selectProcessForNewRoom, type ScaleOut } from "./scaleOut";
import { openStore } from "./store/open";

export interface AppOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The SQLite store's folder (locked); unused when `databaseUrl` is given. */
  dataDir: string;
  /** A PostgreSQL URL (env `DATABASE_URL`): the shared store instead of SQLite. */
  databaseUrl?: string | null;
  clientDir?: string;
  graceSeconds?: number;
  /** How long a created room waits for its creator (and a reserved seat for its client). */
  seatReservationSeconds?: number;
  rateLimit?: RateLimit;
  /** More room types on the same process (the benchmark's echo room). */
  extraRooms?: Record<string, RegisteredHandler>;
  /** Origins allowed to call the API and matchmaking cross-origin (env ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** Limit by the last X-Forwarded-For entry (one trusted reverse proxy in front). */
  trustProxy?: boolean;
  /** Per-address HTTP limits (server/http/addressLimits.ts), or `false` for none (load tests). */
  addressLimits?: Partial<AddressLimits> | false;
  /** The address participants reach (env `PUBLIC_URL`, checked by `parsePublicUrl`). */
  publicUrl?: string | null;
  /** The machine's interfaces (tests pass their own; default `os.networkInterfaces`). */
  networkInterfaces?: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  /** Share rooms with other processes through Redis (env `REDIS_URL`; needs `publicAddress`). */
  redisUrl?: string | null;
  /** This process as clients reach it, `host[:port][/prefix]` (env `PUBLIC_ADDRESS`). */
  publicAddress?: string | null;
  /** Add prom-client's process metrics (CPU, memory, GC) to `/metrics`: the real server only. */
  processMetrics?: boolean;
}

export interface ElanApp {
  server: Server;
  port: number;
  deps: RoomDeps;
  restored: string[];
  /** Workshops set aside at start because their record or log could not be replayed. */
  quarantined: Quarantined[];
  metrics: Metrics;
  /** What `/ready` answers (every check run now). */
  ready(): Promise<ReadyReport>;
  readonly draining: boolean;
  /** Added hooks run in order once `drain()` has started, before the shutdown. */
  onDrain(hook: DrainHook): void;
  /**
   * Out of service: `/ready` 503 and no new room at once, rooms already here keep running;
   * then the `onDrain` hooks, then the shutdown (as `close()`). Idempotent.
   */
  drain(): Promise<void>;
  /** Stops everything the app started (rooms, HTTP, store, Redis connections). Idempotent. */
  close(): Promise<void>;
}

export { SQLITE_FILE } from "./store/open";

export async function startApp(options: AppOptions): Promise<ElanApp> {
  // Checked before anything is opened: a bad value stops here, with nothing to release.
  const publicUrl = parsePublicUrl(options.publicUrl ?? undefined);
  const redisUrl = options.redisUrl ?? null;
  const publicAddress = options.publicAddress ?? null;
  if (redisUrl !== null && publicAddress === null) {
    throw new Error("publicAddress is required with redisUrl (each process's own address).");
  }
  // Redis first: an unreachable one stops the start before the data folder is taken.
  const scaleOut: ScaleOut | null = redisUrl === null ? null : await connectRedis(redisUrl);
  installFullStatePatch(); // @colyseus/core full-state bug, see rooms/fullState.ts
  // Refuses a data folder that is not writable or that another Élan is using, a bad URL, an
  // unreachable database, or a database written by a newer Élan.
  let opened: Awaited<ReturnType<typeof openStore>>;
  try {
    opened = await openStore({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  } catch (error) {
    scaleOut?.presence.shutdown();
    await scaleOut?.driver.shutdown();
    throw error;
  }
  const store = opened.store;
  // Several processes on one database: a workshop is hosted only by the one holding its lock.
  const ownership: Ownership = options.databaseUrl
    ? new AdvisoryOwnership(options.databaseUrl)
    : new LocalOwnership();
  const live = new Map<string, LiveSession | null>();
  const metrics = createMetrics({
    live: () => live.values(),
    processMetrics: options.processMetrics ?? false,
  });
  const deps: RoomDeps = {
    store,
    live,
    restoring: new Map(),
    restoreKey: randomBytes(16).toString("hex"),
    graceSeconds: options.graceSeconds ?? RECONNECT_GRACE_SECONDS,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    now: () => Date.now(),
    metrics,
    ownership,
  };
  onOwnershipLost(deps, metrics);
  store.observeCommits((ms) => metrics.storeCommit(ms));
  // Colyseus's default (15 s, or COLYSEUS_SEAT_RESERVATION_TIME) unless the caller says.
  const reservation = options.seatReservationSeconds;
  class Workshop extends WorkshopRoom {
    protected readonly deps = deps;
    constructor() {
      super();
      if (reservation !== undefined) this.seatReservationTimeout = reservation;
    }
  }
  class Solo extends SoloRoom {
    protected readonly deps = deps;
    constructor() {
      super();
      if (reservation !== undefined) this.seatReservationTimeout = reservation;
    }
  }
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await server.gracefullyShutdown(false); // also shuts the Redis presence and driver down
      await opened.close();
      await ownership.close();
      metrics.close();
    })());
  const drain = createDrain({ begin: markDraining, finish: close });
  // Draining: every room goes to whichever process its clients reach next, nothing lost.
  drain.onDrain(() => handOverAll(deps));
  const checks: Record<string, ReadyCheck> = {
    draining: () => {
      if (drain.draining) throw new Error("this process is draining: it takes no new room");
    },
    store: async () => {
      const health = store.health();
      if (!health.ok) throw new Error(health.error ?? "the store refuses writes");
      await store.ping();
    },
    ...(scaleOut ? { redis: () => scaleOut.presence.ping() } : {}),
  };
  const ready = () => runReadyChecks(checks);
  const interfaces = options.networkInterfaces ?? networkInterfaces;
  let listeningPort = options.port;
  const handler = createHttpHandler({
    store,
    live,
    // Asked on each request: a laptop may change networks during a session.
    joinAddress: () => joinAddress(publicUrl, interfaces(), listeningPort, options.host),
    clientDir: options.clientDir ?? join(process.cwd(), "dist", "client"),
    startedAt: Date.now(),
    now: () => Date.now(),
    ready,
    metrics: () => metrics.scrape(),
  });
  const server = defineServer({
    rooms: { workshop: defineRoom(Workshop), solo: defineRoom(Solo), ...options.extraRooms },
    // Client frames above 16 kB close the socket; the app itself refuses payloads over 2 kB.
    transport: new WebSocketTransport({ maxPayload: 16 * 1024 }),
    // Signals are start.ts's: SIGTERM drains first (drain.ts), then shuts down.
    gracefullyShutdown: false,
    greet: false,
    ...(scaleOut ? { presence: scaleOut.presence, driver: scaleOut.driver } : {}),
    ...(publicAddress ? { publicAddress } : {}),
    // Skips draining processes; restores stay where they were prepared (scaleOut.ts).
    selectProcessIdToCreateRoom: selectProcessForNewRoom,
    express: (app: {
      use(fn: (req: IncomingMessage, res: ServerResponse) => void): void;
      disable(setting: string): void;
    }) => {
      app.disable("x-powered-by");
      app.use(handler);
    },
  });
  server.onShutdown(() => opened.close());
  await server.listen(options.port, options.host);
  // Security headers, CORS, per-address limits and blind-join refusals in front of everything.
  installFrontDoor(server.transport.server!, {
    allowedOrigins: options.allowedOrigins,
    trustProxy: options.trustProxy,
    limits: options.addressLimits,
    draining: () => drain.draining,
    cluster: scaleOut !== null,
    // The room's one host in the cluster, reopened from the store if it has none (cluster/).
    beforeJoinById: joinGate(deps, matchMakerDirectory(), () => drain.draining),
  });
  const address = server.transport.server?.address() as AddressInfo | null;
  listeningPort = address?.port ?? options.port;
  // Alone, every unfinished workshop reopens now (its timers run on); in a cluster, on demand,
  // by whichever process a client reaches first.
  const { restored, quarantined } = scaleOut
    ? { restored: [], quarantined: await store.quarantined() }
    : await restoreUnfinished(deps);
  return {
    server,
    port: address?.port ?? options.port,
    deps,
    restored,
    quarantined,
    metrics,
    ready,
    get draining() {
      return drain.draining;
    },
    onDrain: drain.onDrain,
    drain: drain.drain,
    close,
  };
}
