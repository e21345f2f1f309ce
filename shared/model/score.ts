/**
 * The score, in one place: engaged and trusting members per 100 people (E·T), summed over the
 * quarters — a unit a participant can read off the gauges — plus, after the last quarter, what
 * the team leaves behind: its `legacy`, the same measure over a few more quarters played by the
 * model under the team's own average allocation, with the same draws and no events, each later
 * quarter weighing a little less. A team that harvests at the end (drops its mandate or its
 * recruitment) leaves a weaker community and a smaller legacy, so the harvest does not pay.
 *
 * Every place that ranks or reports a team's game asks `finalScore`; every place that plays a
 * last quarter folds the legacy in with `legacyScores` and `withLegacy`, so `step`, the fast
 * path and the counterfactual replays agree bit for bit.
 */
import type { Allocation } from "./levers";
import { PARAMS } from "./params";
import type { Stream } from "./rng";
import { advanceRoomQuarter, type RoomQuarterContext } from "./room";
import { copyTeamState, emptyOutputs } from "./dynamics";
import type { EventId } from "./events";
import type { TeamState, TurnOutputs } from "./types";

/** The draws of a quarter past the game (moment and every team's buzz stream, in team order). */
export type ContinuationDraws = (quarter: number) => {
  moment: number;
  buzz: readonly Stream[];
};

const NO_EVENTS: readonly EventId[] = [];

function averageAllocation(spent: Allocation, quarters: number): Allocation {
  const k = quarters > 0 ? 1 / quarters : 0;
  return {
    longTerm: spent.longTerm * k,
    culture: spent.culture * k,
    governance: spent.governance * k,
    support: spent.support * k,
    recruitment: spent.recruitment * k,
    strategy: spent.strategy * k,
    campaigns: spent.campaigns * k,
  };
}

/**
 * Each team's legacy (score units), after `played` quarters: the room plays on from quarter
 * `played + 1` for `PARAMS.score.terminalQuarters` quarters, each team at its average
 * allocation, no events, no CFO or sponsor in office, the normal budget.
 */
export function legacyScores(
  states: readonly TeamState[],
  played: number,
  draws: ContinuationDraws,
  baseBudget: number,
  /** Told when each continuation quarter is resolved (a draw tape checks its reads). */
  resolved?: (quarter: number) => void,
): number[] {
  const { terminalQuarters, terminalDiscount, scale } = PARAMS.score;
  const n = states.length;
  // Loops rather than `map` and `fill`: every fast-path game sets this continuation up once, and
  // `Array.prototype.fill` is a call into the engine's C++.
  const averages = new Array<Allocation>(n);
  // The continuation's own copies of the teams (window and `spent` included), which nobody else
  // sees: they are advanced in place quarter after quarter, with one set of outputs, so the
  // eight quarters allocate nothing (`advanceRoomQuarter`).
  const room = new Array<TeamState>(n);
  const outputs = new Array<TurnOutputs>(n);
  const events = new Array<readonly EventId[]>(n);
  const legacy = new Array<number>(n);
  for (let t = 0; t < n; t++) {
    const s = states[t] as TeamState;
    averages[t] = averageAllocation(s.spent, played);
    const copy = copyTeamState(s);
    copy.cfoQuarters = 0;
    copy.cfoMisses = 0;
    copy.sponsorQuarters = 0;
    copy.budget = baseBudget;
    room[t] = copy;
    outputs[t] = emptyOutputs();
    events[t] = NO_EVENTS;
    legacy[t] = 0;
  }
  const ctx: RoomQuarterContext = {
    quarter: 0,
    moment: 0,
    events,
    buzz: [],
    baseBudget,
    explain: false,
  };
  let weight = 1;
  for (let k = 1; k <= terminalQuarters; k++) {
    const quarter = played + k;
    const drawn = draws(quarter);
    ctx.quarter = quarter;
    ctx.moment = drawn.moment;
    ctx.buzz = drawn.buzz;
    advanceRoomQuarter(room, averages, ctx, outputs, false);
    resolved?.(quarter);
    weight *= terminalDiscount;
    for (let t = 0; t < n; t++) {
      legacy[t] = (legacy[t] as number) + weight * (outputs[t] as TurnOutputs).ssv;
    }
  }
  for (let t = 0; t < n; t++) legacy[t] = (legacy[t] as number) * scale;
  return legacy;
}

/** The last quarter's outputs with the legacy folded into the score. */
export function withLegacy(outputs: TurnOutputs, legacy: number): TurnOutputs {
  // Field by field, in `emptyOutputs`' order: a spread is several times slower, and the copy
  // keeps the outputs' one hidden class.
  return {
    engagement: outputs.engagement,
    reach: outputs.reach,
    buzzVolatility: outputs.buzzVolatility,
    trust: outputs.trust,
    kpi: outputs.kpi,
    ssv: outputs.ssv,
    score: outputs.score + legacy,
    legacy,
  };
}

/**
 * The final score of a team after last producing `last` (undefined when it has played no
 * quarter): the score the last quarter reported, legacy included once the game is over.
 */
export function finalScore(_state: TeamState, last: TurnOutputs | undefined): number {
  return last?.score ?? 0;
}
