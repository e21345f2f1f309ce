/**
 * One team's game on the fast path: `simulateRoom` with a room of one. Forecasts, the Monte Carlo
 * facts and the benchmark use it. While teams meet only through the shared moment, a team alone
 * gets exactly the outputs it gets beside rivals; once teams interact, it answers "what if this
 * team played alone", and questions about a played game replay its whole room (`luckBand`).
 */
import type { Allocation } from "../model/levers";
import type { InjectedEvent, Scenario, TeamState, TurnOutputs } from "../model/types";
import { simulateRoom } from "./simulateRoom";

/** The team's decision for `quarter`, from its state before it and its own outputs so far. */
export type TeamDecide = (
  quarter: number,
  state: TeamState,
  history: readonly TurnOutputs[],
) => Allocation;

export interface TeamRun {
  scenario: Scenario;
  seed: string;
  /** Names the team's buzz stream (default "team"). */
  teamId?: string | undefined;
  /** Decisions over a (CFO-cut) budget are trimmed by `fitToBudget`. */
  decide: TeamDecide;
  /** `injected[q − 1]`: the facilitator's events of quarter q. */
  injected?: readonly (readonly InjectedEvent[])[] | undefined;
  /** Quarters to play from the first (default, and at most: the whole game). */
  quarters?: number | undefined;
}

export interface TeamOutcome {
  /** The team's state after its last quarter. */
  state: TeamState;
  /** Its final score (`finalScore`). */
  score: number;
}

/**
 * A fixed list of decisions (index 0 = quarter 1) as a run's `decide` and `quarters`: spread it
 * into a `TeamRun`, and the game stops where the list does.
 */
export function fixedPlan(decisions: readonly Allocation[]): {
  decide: TeamDecide;
  quarters: number;
} {
  return { decide: (quarter) => decisions[quarter - 1] as Allocation, quarters: decisions.length };
}

/** `onQuarter` as `simulateRoom`'s listener: keep `outputs`, copy `state` to keep it. */
export function simulateTeam(
  run: TeamRun,
  onQuarter?: (quarter: number, outputs: TurnOutputs, state: TeamState) => void,
): TeamOutcome {
  const teamId = run.teamId ?? "team";
  const { decide } = run;
  const outcome = simulateRoom(
    {
      scenario: run.scenario,
      seed: run.seed,
      teamIds: [teamId],
      decide: (quarter, _teamId, state, history) => decide(quarter, state, history),
      injected: run.injected,
      quarters: run.quarters,
    },
    onQuarter && ((quarter, _teamId, outputs, state) => onQuarter(quarter, outputs, state)),
  );
  return { state: outcome.states[teamId] as TeamState, score: outcome.scores[teamId] as number };
}
