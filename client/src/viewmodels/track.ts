/** The year/quarter track: which quarters are played, which one is on, where events struck. */
import type { Phase } from "../../../shared/protocol/view";

export type QuarterState = "done" | "current" | "future";

export interface TrackQuarter {
  quarter: number;
  state: QuarterState;
  /** An event struck (done) or is announced (current). */
  event: boolean;
}

export interface TrackYear {
  year: number;
  quarters: TrackQuarter[];
}

/** The quarter the screen is about: being decided, or just revealed. */
export function currentQuarter(phase: Phase, turn: number, turnsTotal: number): number {
  if (phase === "lobby") return 1;
  if (phase === "briefing" || phase === "decision") return Math.min(turn + 1, turnsTotal);
  return Math.max(1, turn);
}

export function trackModel(
  phase: Phase,
  turn: number,
  turnsTotal: number,
  eventsByQuarter: readonly (readonly string[])[],
  announced: readonly string[],
): TrackYear[] {
  const current = currentQuarter(phase, turn, turnsTotal);
  const years: TrackYear[] = [];
  const finished = phase === "debrief" || phase === "ended";
  for (let q = 1; q <= turnsTotal; q++) {
    const yearIndex = Math.floor((q - 1) / 4);
    let year = years[yearIndex];
    if (!year) {
      year = { year: yearIndex + 1, quarters: [] };
      years.push(year);
    }
    const state: QuarterState =
      finished || q < current || (q === current && phase === "results")
        ? "done"
        : q === current && phase !== "lobby"
          ? "current"
          : "future";
    const event =
      state === "done"
        ? (eventsByQuarter[q - 1]?.length ?? 0) > 0
        : state === "current" && announced.length > 0;
    year.quarters.push({ quarter: q, state, event });
  }
  return years;
}
