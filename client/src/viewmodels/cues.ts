/**
 * When the room's sounds play, decided from state changes alone (the sound module only makes
 * the noise): a chime when a quarter is revealed, a bell when every team has submitted, a tick
 * each second of the decision's last ten.
 */
import type { Phase } from "../../../shared/protocol/view";

export const CUES = ["reveal", "allSubmitted", "tick"] as const;
export type Cue = (typeof CUES)[number];

/** What the cues read of a room view. */
export interface CueState {
  phase: Phase;
  turn: number;
  /** Teams that have submitted, out of `teams`. */
  submitted: number;
  teams: number;
}

/** The seconds of a countdown that tick. */
export const COUNTDOWN_SECONDS = 10;

/** Cues for a state change; none for the first state a screen sees (a reload is not news). */
export function stateCues(previous: CueState | null, next: CueState): Cue[] {
  if (!previous) return [];
  const cues: Cue[] = [];
  if (next.phase === "results" && next.turn > previous.turn) cues.push("reveal");
  const sameDecision = next.phase === "decision" && previous.phase === "decision";
  if (
    sameDecision &&
    next.turn === previous.turn &&
    next.teams > 0 &&
    next.submitted >= next.teams &&
    previous.submitted < previous.teams
  ) {
    cues.push("allSubmitted");
  }
  return cues;
}

/**
 * A tick when the countdown's whole seconds (rounded up, as the clock prints them) went down
 * into the last ten between two readings of the remaining time; none when it did not move,
 * went up (more time was given) or ran out.
 */
export function countdownCue(previousMs: number | null, remainingMs: number): Cue | null {
  if (previousMs === null) return null;
  const before = Math.ceil(Math.max(0, previousMs) / 1000);
  const now = Math.ceil(Math.max(0, remainingMs) / 1000);
  return now < before && now >= 1 && now <= COUNTDOWN_SECONDS ? "tick" : null;
}
