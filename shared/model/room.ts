/**
 * One quarter for the whole room: every team resolves together, from all teams' decisions at
 * once. This is the one place a quarter is resolved — `step` (server, replay, what-if branches)
 * and the fast path (`simulateRoom`: luck bands, bots, benchmarks, Monte Carlo tests) both call
 * it — so rules that make teams affect each other belong here, and hold everywhere at once.
 *
 * Teams are given as arrays in the room's `teamIds` order. Anything computed across teams must
 * not depend on that order (nor on the order decisions came in), only on the values themselves.
 * Today teams meet only through the shared moment, so each resolves on its own.
 */
import { resolveQuarter, type QuarterResult } from "./dynamics";
import type { EventId } from "./events";
import type { Allocation } from "./levers";
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
  const results = new Array<QuarterResult>(n);
  for (let t = 0; t < n; t++) {
    results[t] = resolveQuarter(states[t] as TeamState, allocations[t] as Allocation, {
      quarter: ctx.quarter,
      moment: ctx.moment,
      buzz: ctx.buzz[t] as Stream,
      events: ctx.events[t] as readonly EventId[],
      baseBudget: ctx.baseBudget,
      explain: ctx.explain,
    });
  }
  return results;
}
