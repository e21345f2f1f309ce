/**
 * Monte Carlo helpers for the stylised-fact tests (MODEL.md, docs/model.md "Calibration").
 *
 * Every fact runs over the same fixed seed list, and every random choice a test makes (random
 * allocations) comes from the project's own seeded streams, so the suite is deterministic: a
 * fact that fails, fails on every machine with the same numbers.
 */
import {
  drawMoment,
  eventsForTeam,
  initialTeamState,
  scheduledEvents,
} from "../../shared/model/game";
import {
  BUCKET_IDS,
  allocationTotal,
  emptyAllocation,
  fitToBudget,
  type Allocation,
} from "../../shared/model/levers";
import { resolveQuarter, type QuarterContext } from "../../shared/model/dynamics";
import { openStream, streamKey, type Stream } from "../../shared/model/rng";
import { getScenario } from "../../shared/scenarios/index";
import { STRATEGIES, type StrategyId } from "../../shared/bots/strategies";
import type { EventId } from "../../shared/model/events";
import type {
  InjectedEvent,
  Scenario,
  TeamState,
  TurnOutputs,
  TurnRecord,
} from "../../shared/model/types";

/** MODEL.md asks for ≥ 500 seeds; the list is fixed so results never drift between runs. */
export const SEEDS: readonly string[] = Array.from({ length: 500 }, (_, i) => `fact:${i}`);

/** The default scenario without its random events: facts inject the events they study. */
export const CALM: Scenario = { ...(getScenario("default") as Scenario), events: [] };

export const TEAM = "team";

/** Reference plays: no investment, everything on buzz, and an even spread over the six levers. */
export const IDLE = emptyAllocation();
export const ALL_IN_BUZZ: Allocation = { ...emptyAllocation(), campaigns: 10 };
export const BALANCED: Allocation = {
  ...emptyAllocation(),
  longTerm: 2,
  culture: 2,
  governance: 2,
  support: 2,
  recruitment: 1,
  strategy: 1,
};

/** Prints a fact's measured numbers when FACTS_REPORT is set (they feed docs/model.md). */
export function report(fact: string, numbers: Record<string, number | string>): void {
  if (!process.env.FACTS_REPORT) return;
  const shown = Object.entries(numbers).map(([k, v]) =>
    typeof v === "number" ? `${k}=${Number(v.toPrecision(4))}` : `${k}=${v}`,
  );
  console.log(`[${fact}] ${shown.join("  ")}`);
}

export function alloc(partial: Partial<Allocation>): Allocation {
  return { ...emptyAllocation(), ...partial };
}

/** The same allocation every quarter of the game. */
export function constant(allocation: Allocation, scenario: Scenario = CALM): Allocation[] {
  return Array.from({ length: scenario.years * 4 }, () => allocation);
}

/** Events injected at given 1-based quarters, in the shape `simulateTeam` takes. */
export function injectAt(
  scenario: Scenario,
  events: Readonly<Record<number, EventId>>,
): InjectedEvent[][] {
  return Array.from({ length: scenario.years * 4 }, (_, i) => {
    const event = events[i + 1];
    return event ? [{ event }] : [];
  });
}

export interface Trajectory {
  outputs: TurnOutputs[];
  /** State after each quarter (index 0 = after quarter 1). */
  states: TeamState[];
}

type Decide = (quarter: number, state: TeamState, history: readonly TurnRecord[]) => Allocation;

/**
 * `simulateTeam`'s loop, but keeping the states (facts look at stocks such as `a`, `X`, `Z`)
 * and letting the decision depend on the state (bots). A test holds it to `simulateTeam`.
 */
export function runTeam(
  seed: string,
  decide: Decide | readonly Allocation[],
  scenario: Scenario = CALM,
  injected: readonly (readonly InjectedEvent[])[] = [],
  keepHistory = false,
): Trajectory {
  const moment = openStream(streamKey(seed, "moment"));
  const events = openStream(streamKey(seed, "events"));
  const buzz = openStream(streamKey(seed, "buzz", TEAM));
  const choose: Decide = typeof decide === "function" ? decide : (q) => decide[q - 1] as Allocation;
  const out: Trajectory = { outputs: [], states: [] };
  const history: TurnRecord[] = [];
  // resolveQuarter neither keeps nor mutates its context, so one object serves every quarter.
  const ctx: QuarterContext = {
    quarter: 0,
    moment: 0,
    buzz,
    events: [],
    baseBudget: scenario.budget,
    explain: keepHistory,
  };
  let state = initialTeamState(scenario);
  for (let q = 1; q <= scenario.years * 4; q++) {
    ctx.quarter = q;
    ctx.moment = drawMoment(moment);
    const scheduled = scheduledEvents(scenario, events, q);
    const struck = injected[q - 1];
    ctx.events = struck?.length ? eventsForTeam(scheduled, struck, TEAM) : scheduled;
    const wanted = choose(q, state, history);
    const decision =
      allocationTotal(wanted) <= state.budget ? wanted : fitToBudget(wanted, state.budget);
    const result = resolveQuarter(state, decision, ctx);
    if (result.record) history.push(result.record);
    state = result.state;
    out.outputs.push(result.outputs);
    out.states.push(state);
  }
  return out;
}

/** A scripted strategy as `botDecision` would play it (same per-quarter "bot" stream). */
export function botPlayer(strategy: StrategyId, seed: string, turnsTotal: number): Decide {
  return (quarter, state, history) =>
    STRATEGIES[strategy](
      { quarter, turnsTotal, budget: state.budget, state, history },
      openStream(streamKey(seed, "bot", quarter, TEAM)),
    );
}

/**
 * A bot's game. No strategy reads its history, so none is kept unless asked (explanations cost
 * more than the rest of a quarter); the harness test would catch a strategy that starts to.
 */
export function runBot(
  strategy: StrategyId,
  seed: string,
  scenario: Scenario = CALM,
  keepHistory = false,
): Trajectory {
  const player = botPlayer(strategy, seed, scenario.years * 4);
  return runTeam(seed, player, scenario, [], keepHistory);
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : 0;
}

export function sd(xs: readonly number[]): number {
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return xs.length ? Math.sqrt(s / xs.length) : 0;
}

/** Coefficient of variation across seeds. */
export function cv(xs: readonly number[]): number {
  return sd(xs) / mean(xs);
}

export function share<T>(xs: readonly T[], pred: (x: T) => boolean): number {
  let n = 0;
  for (const x of xs) if (pred(x)) n++;
  return xs.length ? n / xs.length : 0;
}

/** Every way to put `budget` whole tokens in the seven buckets (8,008 for a budget of 10). */
export function allAllocations(budget: number): Allocation[] {
  const out: Allocation[] = [];
  const walk = (i: number, left: number, acc: number[]): void => {
    if (i === BUCKET_IDS.length - 1) {
      const a = emptyAllocation();
      [...acc, left].forEach((v, k) => (a[BUCKET_IDS[k] as keyof Allocation] = v));
      out.push(a);
      return;
    }
    for (let v = 0; v <= left; v++) walk(i + 1, left - v, [...acc, v]);
  };
  walk(0, budget, []);
  return out;
}

/** A uniformly random allocation of the whole budget, drawn from a seeded stream. */
export function randomAllocation(stream: Stream, all: readonly Allocation[]): Allocation {
  return all[Math.floor(stream.next() * all.length)] as Allocation;
}

export function allocationKey(a: Allocation): string {
  return BUCKET_IDS.map((id) => a[id]).join(",");
}
