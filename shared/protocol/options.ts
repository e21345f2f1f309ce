/** Options a client passes when creating or joining a room. */
import { z } from "zod";
import {
  LANGUAGES,
  MAX_DECISION_SECONDS,
  MAX_SOLO_RIVALS,
  MAX_SOLO_YEARS,
  MAX_TEAMS,
  MAX_YEARS,
  MIN_SOLO_RIVALS,
  MIN_SOLO_YEARS,
  MIN_TEAMS,
  MIN_YEARS,
  PACINGS,
} from "./constants";

/** User-supplied facilitator tokens must be random enough: the rule is in tokens.ts. */
export { estimateTokenGuesses, isStrongToken } from "./tokens";

export const workshopCreateOptions = z
  .object({
    scenario: z.string().max(40).optional(),
    years: z.number().int().min(MIN_YEARS).max(MAX_YEARS).optional(),
    teams: z.number().int().min(MIN_TEAMS).max(MAX_TEAMS).optional(),
    /** 0 = no timer. */
    decisionSeconds: z.number().int().min(0).max(MAX_DECISION_SECONDS).optional(),
    seed: z.union([z.string().max(64), z.number().int()]).optional(),
    language: z.enum(LANGUAGES).optional(),
    pacing: z.enum(PACINGS).optional(),
    /**
     * A facilitator may bring their own secret (16–128 characters, random enough:
     * `isStrongToken`) to use across workshops, so `GET /api/workshops` with
     * `Authorization: Bearer <token>` lists all of them; otherwise the server generates one.
     */
    facilitatorToken: z.string().min(16).max(128).optional(),
  })
  .strict();
export type WorkshopCreateOptions = z.infer<typeof workshopCreateOptions>;

const SOLO_YEARS_ERROR = `years must be a whole number from ${MIN_SOLO_YEARS} to ${MAX_SOLO_YEARS}.`;

export const soloCreateOptions = z
  .object({
    scenario: z.string().max(40).optional(),
    seed: z.union([z.string().max(64), z.number().int()]).optional(),
    language: z.enum(LANGUAGES).optional(),
    name: z.string().max(200).optional(),
    rivals: z.number().int().min(MIN_SOLO_RIVALS).max(MAX_SOLO_RIVALS).optional(),
    years: z
      .number({ error: SOLO_YEARS_ERROR })
      .int({ error: SOLO_YEARS_ERROR })
      .min(MIN_SOLO_YEARS, { error: SOLO_YEARS_ERROR })
      .max(MAX_SOLO_YEARS, { error: SOLO_YEARS_ERROR })
      .optional(),
    decisionSeconds: z.number().int().min(0).max(MAX_DECISION_SECONDS).optional(),
  })
  .strict();
export type SoloCreateOptions = z.infer<typeof soloCreateOptions>;

/**
 * Joining an existing workshop: as a participant (name, optional seat token), as facilitator, or
 * as a projector (a read-only big screen that sees only public state).
 */
export const workshopJoinOptions = z.union([
  z.object({ facilitatorToken: z.string().min(1).max(128) }).strict(),
  z.object({ projector: z.literal(true) }).strict(),
  z.object({ name: z.string().max(200), seatToken: z.string().max(128).optional() }).strict(),
]);
export type WorkshopJoinOptions = z.infer<typeof workshopJoinOptions>;

/** Coming back to a stored solo game (after a reload, the grace period or a restart). */
export const soloJoinOptions = z
  .object({ name: z.string().max(200), seatToken: z.string().min(1).max(128) })
  .strict();
export type SoloJoinOptions = z.infer<typeof soloJoinOptions>;
