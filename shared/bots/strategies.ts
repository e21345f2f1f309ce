/**
 * Scripted strategies: solo rivals, bots for empty teams, the tournament and the tests.
 * Each is deterministic given its view and its seeded stream, and sees only its own team.
 */
import { emptyAllocation, fitToBudget, type Allocation, type BucketId } from "../model/levers";
import type { EventId } from "../model/events";
import type { Stream } from "../model/rng";
import { situationOf } from "../model/situation";
import type { ScenarioEvent, TeamState, TurnOutputs } from "../model/types";
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
  /**
   * The scenario's timeline. Its certain entries (no probability) are announced in the
   * scenario's brief and on the briefing card; chance entries are not known in advance.
   */
  timeline: readonly ScenarioEvent[];
}

export type Strategy = (view: BotView, rng: Stream) => Allocation;

export const STRATEGY_IDS = [
  "idle",
  "balanced",
  "buzz",
  "culture-first",
  "short-termist",
  "adaptive",
  "expert",
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

/** A certain event on the scenario's timeline in quarters [from, to]. */
function announced(view: BotView, event: EventId, from: number, to: number): boolean {
  return view.timeline.some(
    (e) => e.event === event && (e.probability ?? 1) >= 1 && e.quarter >= from && e.quarter <= to,
  );
}

/** A wound (shown on the board's situation cards) still open enough to answer seriously. */
const OPEN_WOUND = 0.3;

/**
 * Plays well from what a team sees: the quarter, its own board (forced tokens, budget, and its
 * situation: the wounds events left open, who is in office), and the scenario's announced
 * timeline; never the hidden stocks.
 * In phases — culture to its critical mass first; then coaching and reciprocity; then experts
 * — and it answers events: a serious response to a wound (well beyond the usual on its two
 * levers), a mandate built before an announced CFO, a sponsor's window seized for culture.
 * The reference the game's balance is measured against (docs/model.md, facts 13–17).
 */
const expert: Strategy = (view) => {
  const q = view.quarter;
  const seen = situationOf(view.state);
  const forced = view.state.lastForced;
  const plan: Allocation =
    q <= 4
      ? { ...emptyAllocation(), longTerm: 1, culture: 5, support: 1, recruitment: 1, strategy: 2 }
      : q <= 8
        ? {
            ...emptyAllocation(),
            culture: 4,
            governance: 1,
            support: 2,
            recruitment: 1,
            strategy: 2,
          }
        : q <= 12
          ? { ...emptyAllocation(), governance: 1, support: 3, recruitment: 3, strategy: 3 }
          : {
              ...emptyAllocation(),
              longTerm: 1,
              governance: 1,
              support: 3,
              recruitment: 3,
              strategy: 2,
            };
  /** Moves up to `n` tokens to `to`, from `donors` in order. */
  const move = (to: BucketId, n: number, donors: readonly BucketId[]) => {
    for (const d of donors) {
      while (n > 0 && plan[d] > 0 && d !== to) {
        plan[d]--;
        plan[to]++;
        n--;
      }
    }
  };
  // A mandate takes quarters to build: raise it well before an announced CFO and hold it
  // while the CFO is in office, without touching the culture programme it protects.
  if (announced(view, "newCfo", q, q + 6) || seen.cfoQuarters > 0) {
    move("longTerm", 2 - plan.longTerm, ["governance", "support", "recruitment", "strategy"]);
  } else if (forced > 0.5) move("longTerm", 1, ["recruitment", "support", "strategy"]);
  if (seen.crisis > OPEN_WOUND) {
    // Never at the culture programme's expense: it is what the community stands on.
    move("governance", 3, ["recruitment", "longTerm", "strategy", "support"]);
    move("support", 2, ["recruitment", "longTerm", "strategy"]);
  }
  if (announced(view, "platformChange", q, q)) {
    move("support", 5, ["governance", "longTerm", "recruitment", "strategy", "culture"]);
  } else if (seen.migration > OPEN_WOUND) {
    move("culture", 3, ["recruitment", "strategy", "longTerm", "governance"]);
    move("support", 1, ["recruitment", "strategy", "longTerm", "governance"]);
  }
  if (seen.gap > OPEN_WOUND) {
    move("recruitment", 3, ["support", "culture", "governance", "longTerm"]);
    move("strategy", 2, ["support", "culture", "governance", "longTerm"]);
  }
  if (seen.sponsorQuarters > 0) move("culture", 3, ["recruitment", "support", "strategy"]);
  return fitToBudget(plan, view.budget);
};

export const STRATEGIES: Record<StrategyId, Strategy> = {
  idle,
  balanced,
  buzz,
  "culture-first": cultureFirst,
  "short-termist": shortTermist,
  adaptive,
  expert,
};
