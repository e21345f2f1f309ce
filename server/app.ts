/**
 * Assembles one Élan server: the store (SQLite, or PostgreSQL given a URL), the rooms (with their dependencies handed in by
 * subclassing), the HTTP API and static client on the same port, and the restoration of every
 * unfinished workshop from its log. Used by start.ts, the tests and the benchmark.
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
import { createHttpHandler } from "./http/api";
import { installFrontDoor, JoinRefusal } from "./http/frontDoor";
import { joinAddress, parsePublicUrl } from "./http/joinAddress";
import type { LiveSession, RoomDeps } from "./rooms/deps";
import { installFullStatePatch } from "./rooms/fullState";
import { DEFAULT_RATE_LIMIT, type RateLimit } from "./rooms/rateLimit";
import { SoloRoom } from "./rooms/SoloRoom";
import { WorkshopRoom } from "./rooms/WorkshopRoom";
import { restoreOnDemand, restoreUnfinished, type Quarantined } from "./rooms/restore";
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
  /** Let Colyseus handle SIGINT/SIGTERM (the real server); tests call `close()`. */
  handleSignals?: boolean;
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
}

export interface ElanApp {
  server: Server;
  port: number;
  deps: RoomDeps;
  restored: string[];
  /** Workshops set aside at start because their record or log could not be replayed. */
  quarantined: Quarantined[];
  close(): Promise<void>;
}

export { SQLITE_FILE } from "./store/open";

export async function startApp(options: AppOptions): Promise<ElanApp> {
  // Checked before anything is opened: a bad value stops here, with nothing to release.
  const publicUrl = parsePublicUrl(options.publicUrl ?? undefined);
  installFullStatePatch(); // @colyseus/core full-state bug, see rooms/fullState.ts
  // Refuses a data folder that is not writable or that another Élan is using, a bad URL, an
  // unreachable database, or a database written by a newer Élan.
  const opened = await openStore({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const store = opened.store;
  const live = new Map<string, LiveSession | null>();
  const deps: RoomDeps = {
    store,
    live,
    restoring: new Map(),
    restoreKey: randomBytes(16).toString("hex"),
    graceSeconds: options.graceSeconds ?? RECONNECT_GRACE_SECONDS,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    now: () => Date.now(),
  };
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
  });
  const server = defineServer({
    rooms: { workshop: defineRoom(Workshop), solo: defineRoom(Solo), ...options.extraRooms },
    // Client frames above 16 kB close the socket; the app itself refuses payloads over 2 kB.
    transport: new WebSocketTransport({ maxPayload: 16 * 1024 }),
    gracefullyShutdown: options.handleSignals ?? false,
    greet: false,
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
    // A stored room that is not live here (its last client left, or a restart) comes back first.
    beforeJoinById: async (roomId) => {
      const result = await restoreOnDemand(deps, roomId);
      if (result && !result.ok && result.quarantined !== undefined) {
        throw new JoinRefusal(
          410,
          "join.damaged",
          "This game's record is damaged: it was set aside, untouched, for inspection.",
        );
      }
    },
  });
  const address = server.transport.server?.address() as AddressInfo | null;
  listeningPort = address?.port ?? options.port;
  const { restored, quarantined } = await restoreUnfinished(deps);
  return {
    server,
    port: address?.port ?? options.port,
    deps,
    restored,
    quarantined,
    close: async () => {
      await server.gracefullyShutdown(false);
      await opened.close();
    },
  };
}
