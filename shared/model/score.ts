/**
 * The final score: what a team's whole game is worth. Every place that ranks or reports a team's
 * game (the fast path, the headless runner's tables and tournament, analyses) asks this function,
 * so a change to how the game is scored is made here once.
 */
import type { TeamState, TurnOutputs } from "./types";

/**
 * The final score of a team that ended in `state` after last producing `last` (undefined when
 * it has played no quarter). Today it is the running score formula at the last quarter, which
 * the outputs already carry; `state` is there for rules that look past the last quarter.
 */
export function finalScore(_state: TeamState, last: TurnOutputs | undefined): number {
  return last?.score ?? 0;
}
