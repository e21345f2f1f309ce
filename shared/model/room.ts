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
import {
  ALONE,
  advanceQuarter as advance,
  copyTeamState as copyState,
  emptyOutputs as newOutputs,
  resolveQuarter as resolve,
  type QuarterContext,
  type QuarterResult,
  type TeamInteractions,
} from "./dynamics";
import type { EventId } from "./events";
import type { Allocation } from "./levers";
import { h as hill } from "./math";
import { PARAMS } from "./params";
import type { Stream } from "./rng";
import type { TeamState, TurnOutputs } from "./types";

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

// Module-level copies of the helpers: the hot path calls them once per team-quarter, and a
// transpiled import is re-read through a getter on every call (as in dynamics.ts).
const advanceQuarter = advance;
const copyTeamState = copyState;
const emptyOutputs = newOutputs;
const resolveQuarter = resolve;
const h = hill;

/** How much a team's offer attracts experts: recruitment, and support that spots authors. */
function attractiveness(state: TeamState, allocation: Allocation): number {
  return (h(allocation.recruitment) + PARAMS.experts.supportFind * h(allocation.support)) * state.S;
}

let scratch = new Float64Array(16);

/**
 * The sum of the first `n` of `values` but the one at `skip` (−1: none), smallest first: the same
 * bits whatever order the room lists its teams in (a float sum depends on its order). Rooms are
 * small: an insertion sort in a scratch buffer, no allocation on the hot path.
 */
function sumInOrder(values: Float64Array, n: number, skip: number): number {
  if (scratch.length < n) scratch = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
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
  const met = meetings(states, allocations, events, baseBudget);
  return states.map((_, t) => ({ ...(met[t] as TeamInteractions) }));
}

/** Reused by `meetings`, one per team: its answer is read at once, never kept. */
const met: TeamInteractions[] = [];
let attract = new Float64Array(16);
let campaigns = new Float64Array(16);

/**
 * `roomInteractions` into reused objects, valid until the next call: the room's quarter reads
 * them before anything else runs, so the hot path allocates nothing for them.
 */
function meetings(
  states: readonly TeamState[],
  allocations: readonly Allocation[],
  events: readonly (readonly EventId[])[],
  baseBudget: number,
): readonly TeamInteractions[] {
  const n = states.length;
  while (met.length < n) met.push({ benchmark: 0, expertShare: 0, crowd: 1, expertsIn: 0 });
  if (n === 1) {
    // Alone (solo practice, the fast path's one team): no rival to meet.
    const a = attractiveness(states[0] as TeamState, allocations[0] as Allocation);
    const alone = met[0] as TeamInteractions;
    alone.benchmark = 0;
    alone.expertShare = a / (PARAMS.experts.outside + a);
    alone.crowd = 1;
    alone.expertsIn = 0;
    return met;
  }
  if (attract.length < n) {
    attract = new Float64Array(n);
    campaigns = new Float64Array(n);
  }
  let bestKpi = 0;
  for (let t = 0; t < n; t++) {
    const state = states[t] as TeamState;
    const allocation = allocations[t] as Allocation;
    bestKpi = Math.max(bestKpi, state.lastKpi);
    attract[t] = attractiveness(state, allocation);
    campaigns[t] = allocation.campaigns;
  }
  const pool = PARAMS.experts.outside + sumInOrder(attract, n, -1);
  for (let t = 0; t < n; t++) {
    const state = states[t] as TeamState;
    const rivalsCampaigns = sumInOrder(campaigns, n, t);
    const meets = met[t] as TeamInteractions;
    meets.benchmark = bestKpi > 0 ? (bestKpi - state.lastKpi) / bestKpi : 0;
    meets.expertShare = (attract[t] as number) / pool;
    meets.crowd = 1 / (1 + (PARAMS.buzz.crowding * rivalsCampaigns) / baseBudget);
    meets.expertsIn = 0;
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
      (met[best] as TeamInteractions).expertsIn += state.X * PARAMS.events.expertLoss * state.M;
    }
  }
  return met;
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
  const meets = meetings(states, allocations, ctx.events, ctx.baseBudget);
  const results = new Array<QuarterResult>(n);
  const team = teamContext(ctx);
  for (let t = 0; t < n; t++) {
    forTeam(team, ctx, meets, t);
    results[t] = resolveQuarter(states[t] as TeamState, allocations[t] as Allocation, team);
  }
  return results;
}

/**
 * `resolveRoomQuarter` for the fast path (no explanations), into the caller's arrays: `states[t]`
 * is replaced by team t's state after the quarter and `outputs[t]` by its outputs.
 *
 * - `fresh`: new state and output objects, the old ones untouched (a listener, a history or a
 *   counterfactual branch may keep them);
 * - otherwise the states and outputs already in the arrays are advanced in place: only for
 *   objects the caller owns alone (`copyTeamState` copies, with their own window and `spent`),
 *   such as the legacy's continuation (score.ts) and the fast path's own states
 *   (simulateRoom); nothing is allocated.
 *
 * The same `advanceQuarter` as `resolveQuarter` on the same values: the same bits either way.
 */
export function advanceRoomQuarter(
  states: TeamState[],
  allocations: readonly Allocation[],
  ctx: RoomQuarterContext,
  outputs: TurnOutputs[],
  fresh: boolean,
): void {
  const n = states.length;
  // Every team meets the room as it stood before the quarter: read before any state moves.
  const meets = meetings(states, allocations, ctx.events, ctx.baseBudget);
  const team = teamContext(ctx);
  team.explain = false; // no explanations on the fast path, whatever the caller's context says
  for (let t = 0; t < n; t++) {
    forTeam(team, ctx, meets, t);
    if (fresh) {
      states[t] = copyTeamState(states[t] as TeamState);
      outputs[t] = emptyOutputs();
    }
    advanceQuarter(
      states[t] as TeamState,
      allocations[t] as Allocation,
      team,
      outputs[t] as TurnOutputs,
    );
  }
}

/**
 * The team context for this room quarter, to be pointed at each team in turn (`forTeam`). A new
 * one per room quarter rather than one kept in the module: a long-lived object is in V8's old
 * generation, and every store of a young pointer into it (each team's stream and events, every
 * quarter) takes the write barrier's slow path, which costs more than this small allocation.
 */
function teamContext(ctx: RoomQuarterContext): QuarterContext {
  return {
    quarter: ctx.quarter,
    moment: ctx.moment,
    buzz: ctx.buzz[0] as Stream,
    events: ctx.events[0] as readonly EventId[],
    baseBudget: ctx.baseBudget,
    room: ALONE,
    explain: ctx.explain,
  };
}

function forTeam(
  team: QuarterContext,
  ctx: RoomQuarterContext,
  meets: readonly TeamInteractions[],
  t: number,
): void {
  team.buzz = ctx.buzz[t] as Stream;
  team.events = ctx.events[t] as readonly EventId[];
  team.room = meets[t] as TeamInteractions;
}
