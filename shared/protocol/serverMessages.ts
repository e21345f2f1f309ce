/**
 * Server → client: every message besides the synchronized state, as ONE typed map, and what each
 * `room.request` resolves to. The server sends only through `sendTo` (server/rooms/send.ts) and
 * the client listens only through `onServer` (client/src/net/wire.ts), both typed by this map, so
 * a payload that changes on one side fails to compile on the other. Types only: no zod.
 */
import type { ErrorMessage } from "./errors";
import type { ClientMessageType } from "./messages";
import type { DebriefData, QuarterReasons } from "./view";

/** Sent to the workshop's creator, and again to a facilitator who rejoins with the token. */
export interface FacilitatorMessage {
  token: string;
  code: string;
}

/** Sent to a participant on every join: keep `token` (with the name) to reclaim the seat later. */
export interface SeatMessage {
  playerId: string;
  name: string;
  teamId: string;
  token: string;
}

/** Answer to `clock`: the server's epoch ms when it answered. */
export interface ClockMessage {
  serverNow: number;
}

/**
 * Every server → client message type and its payload. `error` answers every refused
 * fire-and-forget message (a refused `room.request` rejects with the same `{ code, message }` as
 * its `reason` instead); `clock`, `debrief.data` and `results.reasons` are sent this way only
 * to a client that asked without `room.request`, which the app never does, but the server
 * answers both ways.
 */
export interface ServerMessages {
  error: ErrorMessage;
  facilitator: FacilitatorMessage;
  seat: SeatMessage;
  clock: ClockMessage;
  "debrief.data": DebriefData;
  "results.reasons": QuarterReasons;
}
export type ServerMessageType = keyof ServerMessages;

const SERVER_MESSAGE_SET = {
  error: true,
  facilitator: true,
  seat: true,
  clock: true,
  "debrief.data": true,
  "results.reasons": true,
} as const satisfies Record<ServerMessageType, true>;
export const SERVER_MESSAGE_TYPES = Object.keys(SERVER_MESSAGE_SET) as ServerMessageType[];

/** What an accepted `room.request` resolves to, unless `RequestAnswers` says otherwise. */
export interface Ack {
  ok: true;
  /** Accepted actions in the workshop log so far. */
  seq: number;
  /**
   * Draft edits (`allocation.set`, `allocation.adjust`): the team's draft revision once this
   * edit is in it. The draft a client sees includes the edit as soon as the synchronized
   * `private.draftRev` reaches this number — reconcile local edits by it, not by time.
   */
  draftRev?: number;
  /** `game.start`: teams nobody joined, now played by a bot (say so to the facilitator). */
  botTeams?: string[];
}

/** The requests answered with data rather than an `Ack`. */
export interface RequestAnswers {
  clock: ClockMessage;
  "debrief.data": DebriefData;
  "results.reasons": QuarterReasons;
}

/** The client's actions: the messages an accepted `room.request` answers with an `Ack`. */
export type ActionMessageType = Exclude<ClientMessageType, keyof RequestAnswers>;

/** What `room.request(type, …)` resolves to when the server accepts it. */
export type RequestAnswer<T extends ClientMessageType> = T extends keyof RequestAnswers
  ? RequestAnswers[T]
  : Ack;
