/**
 * Assembles one Élan server: the SQLite store, the rooms (with their dependencies handed in by
 * subclassing), the HTTP API and static client on the same port, and the restoration of every
 * unfinished workshop from its log. Used by start.ts, the tests and the benchmark.
 */
import {
  defineRoom,
  defineServer,
  matchMaker,
  type RegisteredHandler,
  type Server,
} from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { RECONNECT_GRACE_SECONDS } from "../shared/index";
import { createHttpHandler } from "./http/api";
import type { LiveSession, RoomDeps } from "./rooms/deps";
import { DEFAULT_RATE_LIMIT, type RateLimit } from "./rooms/rateLimit";
import { SoloRoom } from "./rooms/SoloRoom";
import { WorkshopRoom } from "./rooms/WorkshopRoom";
import { replaySession } from "./session/session";
import { SqliteStore } from "./store/sqlite";

export interface AppOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  dataDir: string;
  clientDir?: string;
  graceSeconds?: number;
  rateLimit?: RateLimit;
  /** Let Colyseus handle SIGINT/SIGTERM (the real server); tests call `close()`. */
  handleSignals?: boolean;
  /** More room types on the same process (the benchmark's echo room). */
  extraRooms?: Record<string, RegisteredHandler>;
}

export interface ElanApp {
  server: Server;
  port: number;
  deps: RoomDeps;
  restored: string[];
  close(): Promise<void>;
}

export const SQLITE_FILE = "elan.sqlite";

/** Rebuilds unfinished workshops from their logs and opens their rooms under the same code. */
async function restoreWorkshops(deps: RoomDeps): Promise<string[]> {
  const restored: string[] = [];
  for (const code of deps.store.unfinished()) {
    const stored = deps.store.load(code);
    if (!stored) continue;
    try {
      const session = replaySession(stored.record.config, stored.log);
      if (session.phase === "ended") {
        deps.store.setStatus(code, {
          phase: "ended",
          turn: session.game.turn,
          endedAt: session.endedAt,
        });
        continue;
      }
      deps.restoring.set(code, { session, facilitatorHash: stored.record.facilitatorHash });
      await matchMaker.createRoom("workshop", { restore: code, restoreKey: deps.restoreKey });
      restored.push(code);
    } catch (error) {
      deps.restoring.delete(code);
      console.error(`Workshop ${code} could not be restored:`, error);
    }
  }
  return restored;
}

export async function startApp(options: AppOptions): Promise<ElanApp> {
  const store = new SqliteStore(join(options.dataDir, SQLITE_FILE));
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
  class Workshop extends WorkshopRoom {
    protected readonly deps = deps;
  }
  class Solo extends SoloRoom {
    protected readonly deps = deps;
  }
  const handler = createHttpHandler({
    store,
    live,
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
    express: (app: { use(fn: (req: IncomingMessage, res: ServerResponse) => void): void }) => {
      app.use(handler);
    },
  });
  server.onShutdown(() => store.close());
  await server.listen(options.port, options.host);
  const address = server.transport.server?.address() as AddressInfo | null;
  const restored = await restoreWorkshops(deps);
  return {
    server,
    port: address?.port ?? options.port,
    deps,
    restored,
    close: async () => {
      await server.gracefullyShutdown(false);
      store.close();
    },
  };
}
