/**
 * Scripted strategies: solo rivals, bots for empty teams, the tournament and the tests.
 * Each is deterministic given its view and its seeded stream, and sees only its own team.
 */
import { emptyAllocation, type Allocation } from "../model/levers";
import type { Stream } from "../model/rng";
import type { TeamState, TurnOutputs } from "../model/types";
import { distribute } from "./distribute";

export interface BotView {
  /** 1-based quarter about to be decided. */
  quarter: number;
  turnsTotal: number;
  budget: number;
  state: TeamState;
  /**
   * The team's own revealed outputs, oldest first: what its board shows. Outputs, not full
   * records, so that the fast path (which builds no explanations) gives bots the same view as
   * a game played through `step`. No built-in strategy reads it yet.
   */
  history: readonly TurnOutputs[];
}

export type Strategy = (view: BotView, rng: Stream) => Allocation;

export const STRATEGY_IDS = [
  "idle",
  "balanced",
  "buzz",
  "culture-first",
  "short-termist",
  "adaptive",
] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

export function isStrategyId(value: unknown): value is StrategyId {
  return typeof value === "string" && (STRATEGY_IDS as readonly string[]).includes(value);
}

const idle: Strategy = () => emptyAllocation();

const balanced: Strategy = (view, rng) =>
  distribute(
    view.budget,
    { longTerm: 1, culture: 1, governance: 1, support: 1, recruitment: 1, strategy: 1 },
    rng,
  );

const buzz: Strategy = (view, rng) => distribute(view.budget, { campaigns: 1 }, rng);

/**
 * Culture and its enablers first, with enough training at once to pass culture's critical mass;
 * recruitment from year 2, once there is something to offer experts.
 */
const cultureFirst: Strategy = (view, rng) => {
  const early = view.quarter <= 4;
  return distribute(
    view.budget,
    early
      ? { culture: 4, support: 2, strategy: 1.5, governance: 1, longTerm: 1.5 }
      : { culture: 4, support: 2, strategy: 1, governance: 1, longTerm: 1, recruitment: 1 },
    rng,
  );
};

/** The quarterly dashboard's favourite: mostly campaigns, a little of whatever is cheap. */
const shortTermist: Strategy = (view, rng) =>
  distribute(
    view.budget,
    { campaigns: 6, governance: 1, support: 1, recruitment: 1, strategy: 1 },
    rng,
  );

/**
 * Reads its own gauges and funds what is weakest, with a floor for every lever. Culture weighs
 * most: it only moves once enough people train at the same time (its critical mass).
 */
const adaptive: Strategy = (view, rng) => {
  const s = view.state;
  const pressureGap = Math.max(0, (s.cfoQuarters > 0 ? 0.8 : s.P) - s.L);
  return distribute(
    view.budget,
    {
      longTerm: 0.6 + 3 * pressureGap,
      culture: 1.5 + 4 * (1 - s.C),
      governance: 0.5 + 2 * (1 - s.G) * (s.T < 0.5 ? 1.5 : 1),
      support: 0.6 + 2 * (1 - s.K),
      recruitment: 0.4 + (s.S > 0.4 ? 1.5 : 0.3) * (1 - s.M),
      strategy: 0.6 + 2 * (1 - s.S),
    },
    rng,
  );
};

export const STRATEGIES: Record<StrategyId, Strategy> = {
  idle,
  balanced,
  buzz,
  "culture-first": cultureFirst,
  "short-termist": shortTermist,
  adaptive,
};
