/**
 * The balancing tool: every scripted strategy plays the same seeds, and the spread of its final
 * scores says how strong it is and how much luck moves it. Teams only share the quarter's
 * "moment", so one team per game gives each strategy exactly the outcomes it would have in a
 * full game, at a fraction of the cost.
 */
import {
  percentileSorted,
  playBotGame,
  STRATEGY_IDS,
  type Scenario,
  type StrategyId,
} from "../../shared/index";

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
  strategies: Record<StrategyId, ScoreStats>;
}

export const TOURNAMENT_TEAM = "team-1";

export function summarize(scores: readonly number[]): ScoreStats {
  const n = scores.length;
  if (n === 0) return { mean: 0, sd: 0, p5: 0, p50: 0, p95: 0 };
  let sum = 0;
  for (const s of scores) sum += s;
  const mean = sum / n;
  let squares = 0;
  for (const s of scores) squares += (s - mean) * (s - mean);
  const sorted = Float64Array.from(scores).sort();
  return {
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    p5: percentileSorted(sorted, 0.05),
    p50: percentileSorted(sorted, 0.5),
    p95: percentileSorted(sorted, 0.95),
  };
}

export function finalScore(scenario: Scenario, seed: string, strategy: StrategyId): number {
  const game = playBotGame(scenario, seed, { [TOURNAMENT_TEAM]: strategy });
  const last = game.history[TOURNAMENT_TEAM]?.at(-1);
  if (!last) throw new Error(`The ${strategy} game on seed ${seed} played no quarter.`);
  return last.outputs.score;
}

export function runTournament(
  scenario: Scenario,
  seedPrefix: string,
  seeds: number,
): TournamentReport {
  const strategies = {} as Record<StrategyId, ScoreStats>;
  for (const strategy of STRATEGY_IDS) {
    const scores: number[] = [];
    for (let i = 0; i < seeds; i++)
      scores.push(finalScore(scenario, `${seedPrefix}:${i}`, strategy));
    strategies[strategy] = summarize(scores);
  }
  return { scenario: scenario.id, seeds, seedPrefix, strategies };
}
