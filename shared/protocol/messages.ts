/**
 * Every message a client can send: one zod schema per type, validated once at the boundary.
 * Allocation payloads are checked for shape here and for budget/integers by the model's own
 * `validateAllocation`, so the rule lives in one place.
 */
import { z } from "zod";
import { EVENT_IDS } from "../model/events";
import { STRATEGY_IDS } from "../bots/strategies";

const id = z.string().min(1).max(40);
const loose = z.record(z.string().max(40), z.unknown());

export const PACINGS = ["facilitator", "auto"] as const;
export type Pacing = (typeof PACINGS)[number];
export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const clientMessages = {
  "team.join": z.object({ teamId: id }).strict(),
  /** A draft: teammates and the facilitator see it live. */
  "allocation.set": z.object({ allocation: loose }).strict(),
  /** Locks the team's decision for the quarter. */
  "allocation.submit": z.object({ allocation: loose }).strict(),
  // Facilitator only.
  "game.start": z.object({}).strict(),
  "phase.next": z.object({}).strict(),
  "timer.pause": z.object({}).strict(),
  "timer.resume": z.object({}).strict(),
  "timer.extend": z.object({ seconds: z.number().int().min(5).max(1800) }).strict(),
  "event.inject": z
    .object({ eventId: z.enum(EVENT_IDS), teams: z.array(id).max(8).optional() })
    .strict(),
  "team.rename": z.object({ teamId: id, name: z.string().max(200) }).strict(),
  "player.move": z.object({ playerId: id, teamId: id }).strict(),
  "team.bot": z.object({ teamId: id, strategy: z.enum(STRATEGY_IDS).nullable() }).strict(),
  "pacing.set": z.object({ pacing: z.enum(PACINGS) }).strict(),
  "game.end": z.object({}).strict(),
  /** Anyone, once the game is in debrief or ended: the replay log for luck bands and what-ifs. */
  "debrief.data": z.object({}).strict(),
} as const;

export type ClientMessageType = keyof typeof clientMessages;
export type ClientMessage<T extends ClientMessageType> = z.infer<(typeof clientMessages)[T]>;
export const CLIENT_MESSAGE_TYPES = Object.keys(clientMessages) as ClientMessageType[];

export const FACILITATOR_MESSAGES = [
  "game.start",
  "phase.next",
  "timer.pause",
  "timer.resume",
  "timer.extend",
  "event.inject",
  "team.rename",
  "player.move",
  "team.bot",
  "pacing.set",
  "game.end",
] as const satisfies readonly ClientMessageType[];

/** Largest payload accepted, in bytes of its JSON form. */
export const MAX_MESSAGE_BYTES = 2048;

/**
 * Server → client messages (besides the synchronized state). `error` answers every refused
 * fire-and-forget message; a refused `room.request` rejects with the same `{ code, message }`
 * as its `reason` instead.
 */
export const SERVER_MESSAGE_TYPES = ["error", "facilitator", "seat", "debrief.data"] as const;
export type ServerMessageType = (typeof SERVER_MESSAGE_TYPES)[number];

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

/** What an accepted `room.request` resolves to. */
export interface Ack {
  ok: true;
  /** Accepted actions in the workshop log so far. */
  seq: number;
}
