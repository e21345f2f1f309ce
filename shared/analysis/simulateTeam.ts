/**
 * The fast path: one team's whole game with live random streams and no explanations. Because
 * teams only share the quarter's "moment", this reproduces exactly the outputs the same team
 * gets inside a full multi-team game (a test holds it to that). Luck bands and benchmarks use it.
 */
import { drawMoment, eventsForTeam, initialTeamState, scheduledEvents } from "../model/game";
import { fitToBudget, type Allocation } from "../model/levers";
import { resolveQuarter, type QuarterContext } from "../model/dynamics";
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

const NO_EVENTS: readonly never[] = [];

/** allocationTotal with the buckets spelled out: its keyed loop showed up in profiles. */
function tokens(a: Allocation): number {
  return (
    a.longTerm + a.culture + a.governance + a.support + a.recruitment + a.strategy + a.campaigns
  );
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
  // resolveQuarter neither keeps nor mutates its context, so one object serves every quarter.
  const ctx: QuarterContext = {
    quarter: 0,
    moment: 0,
    buzz,
    events: NO_EVENTS,
    baseBudget: scenario.budget,
    explain: false,
  };
  let state = initialTeamState(scenario);
  for (let q = 1; q <= quarters; q++) {
    ctx.quarter = q;
    ctx.moment = drawMoment(moment);
    const scheduled = scheduledEvents(scenario, events, q);
    const injected = run.injected?.[q - 1];
    ctx.events =
      injected && injected.length > 0 ? eventsForTeam(scheduled, injected, teamId) : scheduled;
    const wanted = run.decisions[q - 1] as Allocation;
    // Copying a decision that already fits would only feed the garbage collector.
    const decision = tokens(wanted) <= state.budget ? wanted : fitToBudget(wanted, state.budget);
    const result = resolveQuarter(state, decision, ctx);
    state = result.state;
    onQuarter(q, result.outputs);
  }
}
