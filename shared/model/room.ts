/**
 * One quarter for the whole room: every team resolves together, from all teams' decisions at
 * once. This is the one place a quarter is resolved — `step` (server, replay, what-if branches)
 * and the fast path (`simulateRoom`: luck bands, bots, benchmarks, Monte Carlo tests) both call
 * it — so the rules that make teams affect each other live here, and hold everywhere at once:
 *
 * - CFO benchmarking: last quarter's best KPI in the room raises the others' pressure;
 * - a shared expert pool: potential experts go to the teams whose offer is most attractive;
 * - attention crowding: rivals' campaigns of the quarter shrink a campaign's audience;
 * - a departing star expert joins the most attractive rival.
 *
 * Everything is computed from the decisions of the quarter (all known at resolution) and from
 * values revealed earlier, never from hidden drafts or the order decisions came in. Teams are
 * arrays in the room's `teamIds` order; only a tie between equally attractive rivals looks at
 * that order (the first wins), which depends on the room's setup, not on anyone's timing.
 */
import { resolveQuarter, type QuarterResult, type TeamInteractions } from "./dynamics";
import type { EventId } from "./events";
import type { Allocation } from "./levers";
import { h } from "./math";
import { PARAMS } from "./params";
import type { Stream } from "./rng";
import type { TeamState } from "./types";

export interface RoomQuarterContext {
  /** 1-based quarter being resolved. */
  quarter: number;
  /** The quarter's shared moment (one draw for the whole room). */
  moment: number;
  /** events[t]: what strikes team t this quarter (scenario and injected). */
  events: readonly (readonly EventId[])[];
  /** buzz[t]: team t's own buzz stream, drawn from in place. */
  buzz: readonly Stream[];
  /** The scenario's normal budget (a CFO cut is relative to it). */
  baseBudget: number;
  /** Build each team's TurnRecord with its explanations (`step`), or not (the fast path). */
  explain: boolean;
}

/** How much a team's offer attracts experts: recruitment, and support that spots authors. */
function attractiveness(state: TeamState, allocation: Allocation): number {
  return (h(allocation.recruitment) + PARAMS.experts.supportFind * h(allocation.support)) * state.S;
}

const scratch = new Float64Array(16);

/**
 * The sum of `values` but the one at `skip` (−1: none), smallest first: the same bits whatever
 * order the room lists its teams in (a float sum depends on its order). Rooms are small: an
 * insertion sort in a scratch buffer, no allocation on the hot path.
 */
function sumInOrder(values: readonly number[], skip: number): number {
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === skip) continue;
    const v = values[i] as number;
    let j = k++;
    while (j > 0 && (scratch[j - 1] as number) > v) {
      scratch[j] = scratch[j - 1] as number;
      j--;
    }
    scratch[j] = v;
  }
  let sum = 0;
  for (let i = 0; i < k; i++) sum += scratch[i] as number;
  return sum;
}

/** What each team meets of the others this quarter. */
export function roomInteractions(
  states: readonly TeamState[],
  allocations: readonly Allocation[],
  events: readonly (readonly EventId[])[],
  baseBudget: number,
): TeamInteractions[] {
  const n = states.length;
  if (n === 1) {
    // Alone (solo practice, the fast path's one team): no rival to meet.
    const attract = attractiveness(states[0] as TeamState, allocations[0] as Allocation);
    return [
      {
        benchmark: 0,
        expertShare: attract / (PARAMS.experts.outside + attract),
        crowd: 1,
        expertsIn: 0,
      },
    ];
  }
  let bestKpi = 0;
  const attract = new Array<number>(n);
  for (let t = 0; t < n; t++) {
    const state = states[t] as TeamState;
    bestKpi = Math.max(bestKpi, state.lastKpi);
    attract[t] = attractiveness(state, allocations[t] as Allocation);
  }
  const pool = PARAMS.experts.outside + sumInOrder(attract, -1);
  const campaigns = allocations.map((a) => a.campaigns);
  const out = new Array<TeamInteractions>(n);
  for (let t = 0; t < n; t++) {
    const state = states[t] as TeamState;
    const rivalsCampaigns = sumInOrder(campaigns, t);
    out[t] = {
      benchmark: bestKpi > 0 ? (bestKpi - state.lastKpi) / bestKpi : 0,
      expertShare: (attract[t] as number) / pool,
      crowd: 1 / (1 + (PARAMS.buzz.crowding * rivalsCampaigns) / baseBudget),
      expertsIn: 0,
    };
  }
  // A star who leaves (share of the population) joins the most attractive rival, if any wants her.
  for (let t = 0; t < n; t++) {
    if (!(events[t] as readonly EventId[]).includes("expertLeaves")) continue;
    const state = states[t] as TeamState;
    let best = -1;
    for (let r = 0; r < n; r++) {
      if (r !== t && (attract[r] as number) > (best < 0 ? 0 : (attract[best] as number))) best = r;
    }
    if (best >= 0) {
      (out[best] as TeamInteractions).expertsIn += state.X * PARAMS.events.expertLoss * state.M;
    }
  }
  return out;
}

/**
 * Resolves quarter `ctx.quarter` for every team: `states[t]` and `allocations[t]` (already within
 * the team's budget) are team t's, and so is the result at index t. Nothing is mutated but the
 * buzz streams, which advance by their fixed count of draws; the context is not kept, so a caller
 * may reuse one across quarters.
 */
export function resolveRoomQuarter(
  states: readonly TeamState[],
  allocations: readonly Allocation[],
  ctx: RoomQuarterContext,
): QuarterResult[] {
  const n = states.length;
  const meets = roomInteractions(states, allocations, ctx.events, ctx.baseBudget);
  const results = new Array<QuarterResult>(n);
  for (let t = 0; t < n; t++) {
    results[t] = resolveQuarter(states[t] as TeamState, allocations[t] as Allocation, {
      quarter: ctx.quarter,
      moment: ctx.moment,
      buzz: ctx.buzz[t] as Stream,
      events: ctx.events[t] as readonly EventId[],
      baseBudget: ctx.baseBudget,
      room: meets[t] as TeamInteractions,
      explain: ctx.explain,
    });
  }
  return results;
}
