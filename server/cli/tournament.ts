/**
 * The balancing tool: every scripted strategy (all of `STRATEGY_IDS`) plays team-1 on the same
 * seeds, beside the same rivals if `--rivals` seats any, and the spread of its final scores says
 * how strong it is and how much luck moves it. Games run on the fast path (`lineup.ts`).
 */
import {
  finalScore as scoreOf,
  mean,
  percentileSorted,
  playBotGame,
  sampleStandardDeviation,
  STRATEGY_IDS,
  type Scenario,
  type StrategyId,
} from "../../shared/index";
import { PLAYER, playerScores, type Rivals } from "./lineup";

export interface ScoreStats {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single game. */
  sd: number;
  p5: number;
  p50: number;
  p95: number;
}

export interface TournamentReport {
  scenario: string;
  /** Games per strategy, on seeds `<seedPrefix>:0` … `<seedPrefix>:<seeds − 1>`. */
  seeds: number;
  seedPrefix: string;
  /** The bots beside team-1 in every game, or null when it plays alone. */
  rivals: Rivals | null;
  strategies: Record<StrategyId, ScoreStats>;
}

export const TOURNAMENT_TEAM = PLAYER;

export function summarize(scores: readonly number[]): ScoreStats {
  if (scores.length === 0) return { mean: 0, sd: 0, p5: 0, p50: 0, p95: 0 };
  const sorted = Float64Array.from(scores).sort();
  return {
    mean: mean(scores),
    sd: sampleStandardDeviation(scores),
    p5: percentileSorted(sorted, 0.05),
    p50: percentileSorted(sorted, 0.5),
    p95: percentileSorted(sorted, 0.95),
  };
}

/** One strategy's final score alone on one seed, through `step` (the reference for the fast path). */
export function finalScore(scenario: Scenario, seed: string, strategy: StrategyId): number {
  const game = playBotGame(scenario, seed, { [TOURNAMENT_TEAM]: strategy });
  const last = game.history[TOURNAMENT_TEAM]?.at(-1);
  const state = game.teams[TOURNAMENT_TEAM];
  if (!last || !state) throw new Error(`The ${strategy} game on seed ${seed} played no quarter.`);
  return scoreOf(state, last.outputs);
}

export function runTournament(
  scenario: Scenario,
  seedPrefix: string,
  seeds: number,
  rivals: Rivals | null = null,
): TournamentReport {
  const strategies = {} as Record<StrategyId, ScoreStats>;
  for (const strategy of STRATEGY_IDS) {
    const scores = playerScores(
      scenario,
      seedPrefix,
      seeds,
      { kind: "strategy", strategy },
      rivals,
    );
    strategies[strategy] = summarize(scores);
  }
  return { scenario: scenario.id, seeds, seedPrefix, rivals, strategies };
}
