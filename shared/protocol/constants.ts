/**
 * The values both sides of the wire agree on: the server's zod schemas are built from them and
 * the client builds its forms, option lists and checks from them, so a limit changes in one
 * place. No zod here (nor anything that imports it): the client bundle imports this file.
 */

/** A room's phases, in the order a game goes through them. */
export const PHASES = ["lobby", "briefing", "decision", "results", "debrief", "ended"] as const;
export type Phase = (typeof PHASES)[number];

/** Who moves the game on after each quarter's results: the facilitator, or the timer. */
export const PACINGS = ["facilitator", "auto"] as const;
export type Pacing = (typeof PACINGS)[number];
export const DEFAULT_PACING: Pacing = "facilitator";

/** Languages of the interface and of a room (its event texts and debrief). */
export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "fr";

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l === value);
}

export function isPhase(value: unknown): value is Phase {
  return PHASES.some((p) => p === value);
}

/** The scenario a room plays when none is chosen. */
export const DEFAULT_SCENARIO_ID = "default";

/** A workshop's teams. */
export const MIN_TEAMS = 2;
export const MAX_TEAMS = 8;
export const DEFAULT_TEAM_COUNT = 4;

/** A workshop's length, in years (the scenario's own length when none is chosen). */
export const MIN_YEARS = 1;
export const MAX_YEARS = 10;

/** A solo game is practice: 1 to 4 years (the scenario's own length when none is chosen). */
export const MIN_SOLO_YEARS = 1;
export const MAX_SOLO_YEARS = 4;
/** Bot rivals of a solo learner. */
export const MIN_SOLO_RIVALS = 1;
export const MAX_SOLO_RIVALS = 5;
export const DEFAULT_SOLO_RIVALS = 3;

/** The decision timer, in seconds; 0 = no timer. */
export const MAX_DECISION_SECONDS = 3600;
export const DEFAULT_DECISION_SECONDS = 300;
/** A solo learner plays at their own pace unless they ask for a timer. */
export const DEFAULT_SOLO_DECISION_SECONDS = 0;
/** What one `timer.extend` may add, in seconds. */
export const MIN_EXTEND_SECONDS = 5;
export const MAX_EXTEND_SECONDS = 1800;

/** Largest single draft operation, in tokens (a budget is at most a few dozen tokens). */
export const MAX_ADJUST = 100;

/** Largest payload accepted, in bytes of its JSON form. */
export const MAX_MESSAGE_BYTES = 2048;
export const MAX_PLAYERS_PER_ROOM = 64;
/** Seconds a dropped client keeps its seat through Colyseus reconnection (then: name + seat token). */
export const RECONNECT_GRACE_SECONDS = 30;
