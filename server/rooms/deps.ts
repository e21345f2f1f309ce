/**
 * What rooms get from the app that hosts them. Colyseus instantiates room classes itself, so
 * the app hands these in by subclassing (see app.ts) rather than through module-level state.
 */
import type { Client } from "@colyseus/core";
import type { ServerMessages } from "../../shared/protocol/serverMessages";
import type { SessionState } from "../session/types";
import type { Ownership } from "../cluster/ownership";
import type { RoomMetrics } from "../metrics";
import type { WorkshopStore } from "../store/store";
import type { Bucket, RateLimit } from "./rateLimit";

/** A live session the HTTP API may read (export, health, metrics). */
export interface LiveSession {
  readonly session: SessionState;
  /** Its connections (counted by /metrics). */
  readonly clients: { readonly length: number };
  /** Being handed over: it takes no join and no action, and goes once its writes are durable. */
  readonly leaving: boolean;
  /** Gives the room up to whichever process reopens it (SessionRoom.handOver). */
  handOver(durable?: boolean): Promise<void>;
}

/** A workshop rebuilt from the store at start-up, waiting for its room. */
export interface PendingRestore {
  session: SessionState;
  facilitatorHash: string;
}

export interface RoomDeps {
  store: WorkshopStore;
  /** Live workshops by join code (also reserves a code while its room is being created). */
  live: Map<string, LiveSession | null>;
  restoring: Map<string, PendingRestore>;
  /** Proves a `restore` create option comes from this process, not from a client. */
  restoreKey: string;
  graceSeconds: number;
  rateLimit: RateLimit;
  now: () => number;
  /** Actions accepted / refused, acknowledgement latency, restores (server/metrics.ts). */
  metrics: RoomMetrics;
  /** Which workshops this process may host (the only host in the cluster while it holds one). */
  ownership: Ownership;
}

export type Role = "facilitator" | "player" | "projector";

/** Per-connection data; survives a Colyseus reconnection (the SDK's new socket inherits it). */
export interface Seat {
  role: Role;
  playerId: string;
  /** Which shared StateView this connection sees through (views.ts); null before the first. */
  viewKey: string | null;
  bucket: Bucket;
}

/** What `onAuth` decides, handed to `onJoin`. */
export interface JoinAuth {
  role: Role;
  /** Existing seat being reclaimed, or "" for a newcomer. */
  playerId: string;
  name: string;
  /** The token to give back: facilitator token, or the seat token presented. */
  token: string;
}

/** Its `send` is typed by the wire's server → client map; rooms send through `sendTo` (send.ts). */
export type ElanClient = Client<{ userData: Seat; auth: JoinAuth; messages: ServerMessages }>;
