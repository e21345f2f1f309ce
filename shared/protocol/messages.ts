/**
 * Every message a client can send: one zod schema per type, validated once at the boundary.
 * Allocation payloads are checked for shape here and for budget/integers by the model's own
 * `validateAllocation`, so the rule lives in one place.
 */
import { z } from "zod";
import { EVENT_IDS } from "../model/events";
import { STRATEGY_IDS } from "../bots/strategies";
import { BUCKET_IDS } from "../model/levers";
import { DEBRIEF_SCREENS } from "./screens";
import {
  MAX_ADJUST,
  MAX_EXTEND_SECONDS,
  MAX_TEAMS,
  MIN_EXTEND_SECONDS,
  PACINGS,
} from "./constants";

/** Older imports read these types here; the values live in constants.ts (zod-free). */
export type { Language, Pacing } from "./constants";

const id = z.string().min(1).max(40);
const loose = z.record(z.string().max(40), z.unknown());

export const clientMessages = {
  "team.join": z.object({ teamId: id }).strict(),
  /** A draft: teammates and the facilitator see it live. */
  "allocation.set": z.object({ allocation: loose }).strict(),
  /**
   * A draft edit as an operation (tokens added to or taken from one bucket), applied by the
   * server to the team's one draft, clamped to 0 and to the budget. Teammates clicking at the
   * same moment all count: operations compose where whole-draft writes would overwrite.
   */
  "allocation.adjust": z
    .object({
      bucket: z.enum(BUCKET_IDS),
      delta: z
        .number()
        .int()
        .min(-MAX_ADJUST)
        .max(MAX_ADJUST)
        .refine((d) => d !== 0, "delta must not be 0"),
    })
    .strict(),
  /** Locks the team's decision for the quarter. */
  "allocation.submit": z.object({ allocation: loose }).strict(),
  // Facilitator only.
  "game.start": z.object({}).strict(),
  "phase.next": z.object({}).strict(),
  "timer.pause": z.object({}).strict(),
  "timer.resume": z.object({}).strict(),
  "timer.extend": z
    .object({ seconds: z.number().int().min(MIN_EXTEND_SECONDS).max(MAX_EXTEND_SECONDS) })
    .strict(),
  "event.inject": z
    .object({ eventId: z.enum(EVENT_IDS), teams: z.array(id).max(MAX_TEAMS).optional() })
    .strict(),
  "team.rename": z.object({ teamId: id, name: z.string().max(200) }).strict(),
  "player.move": z.object({ playerId: id, teamId: id }).strict(),
  "team.bot": z.object({ teamId: id, strategy: z.enum(STRATEGY_IDS).nullable() }).strict(),
  "pacing.set": z.object({ pacing: z.enum(PACINGS) }).strict(),
  "game.end": z.object({}).strict(),
  /** Anyone, any time: answers `ClockMessage` (the server's clock, for countdowns). */
  clock: z.object({}).strict(),
  /** Anyone, once the game is in debrief or ended: the replay log for luck bands and what-ifs. */
  "debrief.data": z.object({}).strict(),
  /**
   * Facilitator and projector: every team's reasons for the last revealed quarter (the state
   * carries a team's reasons to that team only; the projector shows each team's main one).
   */
  "results.reasons": z.object({}).strict(),
  /**
   * The debrief's question, "which lever mattered most for us?": one answer per team, set or
   * changed by any member (the last one counts) until the reveal.
   */
  "debrief.predict": z.object({ lever: z.enum(BUCKET_IDS) }).strict(),
  /** Facilitator (solo: the learner): freezes the answers and shows them to everyone. */
  "debrief.reveal": z.object({}).strict(),
  /**
   * Facilitator: what the projector shows during the debrief, for the whole room or one team
   * (`team` absent). Logged, so a restored room shows the same screen.
   */
  "debrief.show": z.object({ view: z.enum(DEBRIEF_SCREENS), team: id.optional() }).strict(),
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
  "debrief.reveal",
  "debrief.show",
] as const satisfies readonly ClientMessageType[];

/** The facilitator's actions a solo learner takes for themself: they run their own pace. */
export const SOLO_LEARNER_MESSAGES = [
  "phase.next",
  "timer.pause",
  "timer.resume",
  "timer.extend",
  "game.end",
  "debrief.reveal",
] as const satisfies readonly (typeof FACILITATOR_MESSAGES)[number][];
