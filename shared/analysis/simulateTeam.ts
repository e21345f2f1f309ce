/**
 * The fast path: one team's whole game with live random streams and no explanations. Because
 * teams only share the quarter's "moment", this reproduces exactly the outputs the same team
 * gets inside a full multi-team game (a test holds it to that). Luck bands and benchmarks use it.
 */
import { drawMoment, eventsForTeam, initialTeamState, scheduledEvents } from "../model/game";
import { fitToBudget, type Allocation } from "../model/levers";
import { resolveQuarter } from "../model/dynamics";
import { openStream, streamKey } from "../model/rng";
import type { InjectedEvent, Scenario, TurnOutputs } from "../model/types";

export interface TeamRun {
  scenario: Scenario;
  seed: string;
  teamId: string;
  /** Decision per quarter (index 0 = quarter 1); trimmed to the budget if a CFO cut it. */
  decisions: readonly Allocation[];
  /** Facilitator events per quarter (index 0 = quarter 1). */
  injected?: readonly (readonly InjectedEvent[])[] | undefined;
}

export function simulateTeam(
  run: TeamRun,
  onQuarter: (quarter: number, outputs: TurnOutputs) => void,
): void {
  const { scenario, seed, teamId } = run;
  const moment = openStream(streamKey(seed, "moment"));
  const events = openStream(streamKey(seed, "events"));
  const buzz = openStream(streamKey(seed, "buzz", teamId));
  const quarters = Math.min(scenario.years * 4, run.decisions.length);
  let state = initialTeamState(scenario);
  for (let q = 1; q <= quarters; q++) {
    const m = drawMoment(moment);
    const struck = eventsForTeam(
      scheduledEvents(scenario, events, q),
      run.injected?.[q - 1] ?? [],
      teamId,
    );
    const decision = fitToBudget(run.decisions[q - 1] as Allocation, state.budget);
    const result = resolveQuarter(state, decision, {
      quarter: q,
      moment: m,
      buzz,
      events: struck,
      baseBudget: scenario.budget,
      explain: false,
    });
    state = result.state;
    onQuarter(q, result.outputs);
  }
}
