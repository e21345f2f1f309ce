/**
 * Stylised facts 1, 2, 8 and 12: buzz is a lottery, it is better before it is worse, it fades
 * at once while engagement persists, and over years skill beats the luck that rules quarters.
 * Teams play the same 500 seeds (common random numbers).
 */
import { describe, expect, it } from "vitest";
import { STRATEGY_IDS } from "../../../shared/bots/strategies";
import type { Allocation } from "../../../shared/model/levers";
import type { TurnOutputs } from "../../../shared/model/types";
import {
  ALL_IN_BUZZ,
  BALANCED,
  IDLE,
  SEEDS,
  alloc,
  constant,
  cv,
  mean,
  report,
  runBot,
  runTeam,
  share,
  type Trajectory,
} from "../../helpers/montecarlo";

const buzz = SEEDS.map((seed) => runTeam(seed, constant(ALL_IN_BUZZ)));
const balanced = SEEDS.map((seed) => runTeam(seed, constant(BALANCED)));
const idleRuns = SEEDS.map((seed) => runTeam(seed, constant(IDLE)));

type Gauge = keyof TurnOutputs;
const final = (runs: Trajectory[], key: Gauge) => runs.map((r) => r.outputs.at(-1)![key]);
const meanAt = (runs: Trajectory[], q: number, key: Gauge) =>
  mean(runs.map((r) => r.outputs[q - 1]![key]));

describe("fact 1: buzz is a lottery", () => {
  it("ends all-in with lower trust, more dispersed engagement and ≥ 4× the reach volatility", () => {
    const trust = [mean(final(buzz, "trust")), mean(final(balanced, "trust"))];
    const dispersion = [cv(final(buzz, "engagement")), cv(final(balanced, "engagement"))];
    // Averaged over the whole game, seed by seed: not one lucky last window.
    const overGame = (runs: Trajectory[]) =>
      mean(runs.map((r) => mean(r.outputs.map((o) => o.buzzVolatility))));
    const volatility = [overGame(buzz), overGame(balanced)];
    report("fact 1", {
      trustBuzz: trust[0]!,
      trustBalanced: trust[1]!,
      cvEngagementBuzz: dispersion[0]!,
      cvEngagementBalanced: dispersion[1]!,
      volatilityBuzz: volatility[0]!,
      volatilityBalanced: volatility[1]!,
    });
    expect(trust[0]).toBeLessThan(trust[1]!);
    expect(dispersion[0]).toBeGreaterThan(dispersion[1]!);
    // Not vacuous: the balanced community has reach of its own (organic), which moves too.
    expect(volatility[1]).toBeGreaterThan(0);
    expect(volatility[0]).toBeGreaterThanOrEqual(4 * volatility[1]!);
  });
});

describe("fact 2: better before worse", () => {
  it("puts all-in ahead on the CFO KPI in year 1 and behind on SSV from year 2 on", () => {
    const kpiRatio = [1, 2, 3, 4].map((q) => meanAt(buzz, q, "kpi") / meanAt(balanced, q, "kpi"));
    const ssvRatio = Array.from({ length: 12 }, (_, i) => i + 5).map(
      (q) => meanAt(buzz, q, "ssv") / meanAt(balanced, q, "ssv"),
    );
    // Seed by seed too, not just on average.
    const leadsAllYear = buzz.map((b, i) =>
      [0, 1, 2, 3].every((q) => b.outputs[q]!.kpi > balanced[i]!.outputs[q]!.kpi),
    );
    report("fact 2", {
      minKpiRatioYear1: Math.min(...kpiRatio),
      maxSsvRatioFromYear2: Math.max(...ssvRatio),
      seedsLeadingAllYear1: share(leadsAllYear, Boolean),
    });
    for (const ratio of kpiRatio) expect(ratio).toBeGreaterThan(1);
    for (const ratio of ssvRatio) expect(ratio).toBeLessThan(1);
    expect(share(leadsAllYear, Boolean)).toBeGreaterThan(0.95);
  });
});

describe("fact 8: persistence", () => {
  const LAST_FUNDED = 8;
  const stopAfterYear2 = (allocation: Allocation) =>
    Array.from({ length: 16 }, (_, i) => (i < LAST_FUNDED ? allocation : IDLE));

  // The reach spending bought (campaigns, ordinary and viral): a healthy community's organic
  // reach is not bought, and is meant to persist (fact 18).
  it("loses ≥ 90 % of the reach it bought, and of its carry-over, within three quarters of stopping", () => {
    const buzzy = alloc({ campaigns: 6, governance: 1, support: 1, recruitment: 1, strategy: 1 });
    const paid = (s: { lastOrdinary: number; lastViral: number }) => s.lastOrdinary + s.lastViral;
    const kept = SEEDS.map((seed) => {
      const { states } = runTeam(seed, stopAfterYear2(buzzy));
      const q = LAST_FUNDED - 1;
      return [paid(states[q + 3]!) / paid(states[q]!), states[q + 3]!.Z / states[q]!.Z];
    });
    const worstReach = Math.max(...kept.map((k) => k[0]!));
    const worstCarryOver = Math.max(...kept.map((k) => k[1]!));
    report("fact 8 reach", { worstReachKept: worstReach, worstCarryOverKept: worstCarryOver });
    expect(worstReach).toBeLessThanOrEqual(0.1);
    expect(worstCarryOver).toBeLessThanOrEqual(0.1);
  });

  // Engagement *built* by the play: above what the same seed gives a team that never invested
  // (members keep trickling in on their own, for every team, played or not).
  it("keeps ≥ 75 % of the engagement balanced play built four quarters after stopping, and falls", () => {
    const kept = SEEDS.map((seed, i) => {
      const { outputs } = runTeam(seed, stopAfterYear2(BALANCED));
      const idle = idleRuns[i]!.outputs;
      const built = (q: number) => outputs[q]!.engagement - idle[q]!.engagement;
      return built(LAST_FUNDED + 3) / built(LAST_FUNDED - 1);
    });
    report("fact 8 engagement", {
      meanKept: mean(kept),
      worstKept: Math.min(...kept),
      bestKept: Math.max(...kept),
    });
    expect(Math.min(...kept)).toBeGreaterThanOrEqual(0.75);
    // It persists, but it does fall: what was built wears out without upkeep, in every seed.
    expect(Math.max(...kept)).toBeLessThan(1);
  });
});

/**
 * Best and worst are ranked by mean final score, so the test follows the calibration rather than
 * naming them. One change of KPI lead can be fact 2's systematic crossover; a second one is luck.
 */
describe("fact 12: skill beats luck over years, not quarters", () => {
  const runs = Object.fromEntries(
    STRATEGY_IDS.map((id) => [id, SEEDS.map((seed) => runBot(id, seed).outputs)]),
  );
  const meanScore = (id: string) => mean(runs[id]!.map((o) => o.at(-1)!.score));
  const ranked = [...STRATEGY_IDS].sort((x, y) => meanScore(y) - meanScore(x));
  const best = runs[ranked[0]!]!;
  const worst = runs[ranked.at(-1)!]!;

  it("lets the best strategy beat the worst on the final score in ≥ 95 % of seeds", () => {
    const wins = share(
      best.map((o, i) => o.at(-1)!.score > worst[i]!.at(-1)!.score),
      Boolean,
    );
    report("fact 12 score", {
      ...Object.fromEntries(ranked.map((id) => [id, meanScore(id)])),
      best: ranked[0]!,
      worst: ranked.at(-1)!,
      bestWins: wins,
    });
    expect(wins).toBeGreaterThanOrEqual(0.95);
  });

  it("flips their CFO-KPI ranking between quarters in a sizeable share of seeds", () => {
    const flips = best.map((b, i) => {
      const leads = b.map((o, q) => o.kpi > worst[i]![q]!.kpi);
      return leads.filter((lead, q) => q > 0 && lead !== leads[q - 1]).length;
    });
    report("fact 12 kpi", {
      seedsWithAFlip: share(flips, (f) => f >= 1),
      seedsWithTwoFlips: share(flips, (f) => f >= 2),
      meanFlips: mean(flips),
    });
    expect(share(flips, (f) => f >= 2)).toBeGreaterThanOrEqual(0.25);
  });
});
