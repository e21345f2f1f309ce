/**
 * Monte Carlo helpers for the stylised-fact tests (MODEL.md, docs/model.md "Calibration").
 *
 * Every fact runs over the same fixed seed list, and every random choice a test makes (random
 * allocations) comes from the project's own seeded streams, so the suite is deterministic: a
 * fact that fails, fails on every machine with the same numbers.
 */
import { BUCKET_IDS, emptyAllocation, type Allocation } from "../../shared/model/levers";
import type { Stream } from "../../shared/model/rng";
import { getScenario } from "../../shared/scenarios/index";
import { botDecide } from "../../shared/bots/play";
import type { StrategyId } from "../../shared/bots/strategies";
import { fixedPlan, simulateTeam, type TeamDecide } from "../../shared/analysis/simulateTeam";
import { coefficientOfVariation, mean, standardDeviation } from "../../shared/model/math";
import { copyTeamState } from "../../shared/model/dynamics";
import type { EventId } from "../../shared/model/events";
import type { InjectedEvent, Scenario, TeamState, TurnOutputs } from "../../shared/model/types";

/** MODEL.md asks for ≥ 500 seeds; the list is fixed so results never drift between runs. */
export const SEEDS: readonly string[] = Array.from({ length: 500 }, (_, i) => `fact:${i}`);

/** The default scenario without its random events: facts inject the events they study. */
export const CALM: Scenario = { ...(getScenario("default") as Scenario), events: [] };

export const TEAM = "team";

/**
 * Reference plays: no investment, everything on buzz, and a balanced play over the six levers.
 * Balanced means every lever funded, with enough culture at once to pass its critical mass
 * (four tokens): an even 2-2-2-2-1-1 spread stays under it in Model 2 and builds no culture.
 */
export const IDLE = emptyAllocation();
export const ALL_IN_BUZZ: Allocation = { ...emptyAllocation(), campaigns: 10 };
export const BALANCED: Allocation = {
  ...emptyAllocation(),
  longTerm: 1,
  culture: 4,
  governance: 1,
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

/**
 * One team's game on the fast path (`simulateTeam`), keeping its states as well (facts look at
 * stocks such as `a`, `X`, `Z`): a fixed list of decisions, or a `decide` callback (bots).
 */
export function runTeam(
  seed: string,
  decide: TeamDecide | readonly Allocation[],
  scenario: Scenario = CALM,
  injected: readonly (readonly InjectedEvent[])[] = [],
): Trajectory {
  const out: Trajectory = { outputs: [], states: [] };
  const plan = typeof decide === "function" ? { decide } : fixedPlan(decide);
  simulateTeam({ scenario, seed, teamId: TEAM, ...plan, injected }, (_q, outputs, state) => {
    out.outputs.push(outputs);
    out.states.push(copyTeamState(state));
  });
  return out;
}

/** A scripted strategy's game, as `playBotGame` plays it for a team named `TEAM`. */
export function runBot(strategy: StrategyId, seed: string, scenario: Scenario = CALM): Trajectory {
  const bot = botDecide({ seed, scenario }, { [TEAM]: strategy });
  return runTeam(seed, (quarter, state, history) => bot(quarter, TEAM, state, history), scenario);
}

/**
 * Mean, population standard deviation and coefficient of variation across seeds: the project's
 * own, from shared/ (one definition of each).
 */
export { mean, standardDeviation as sd, coefficientOfVariation as cv };

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
