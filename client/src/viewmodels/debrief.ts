/**
 * The debrief, computed in the browser from the replay log: every team's trajectories, the levers
 * it funded, its luck band (its decisions over many seeds) and what-if branches. The server only
 * hands over the log; the same shared simulation rebuilds everything exactly.
 */
import { branch, replay } from "../../../shared/analysis/replay";
import {
  gameLuckBands,
  luckSeeds,
  type LuckBand,
  type Percentiles,
} from "../../../shared/analysis/luckBand";
import { gaugeReasons } from "../../../shared/model/explainBuilder";
import { BUCKET_IDS, type Allocation, type BucketId } from "../../../shared/model/levers";
import type { GameState, InjectedEvent, OutputId } from "../../../shared/model/types";
import type { Result } from "../../../shared/model/validate";
import type { Language } from "../../../shared/protocol/messages";
import type { DebriefData, ReasonView } from "../../../shared/protocol/view";
import { translate } from "../i18n/index";
import { formatMetric, METRIC_IDS, type MetricId } from "./metrics";

export const DEBRIEF_METRICS = METRIC_IDS;
export type DebriefMetric = MetricId & OutputId;

export const LUCK_SEEDS = 200;

export function replayDebrief(data: DebriefData): Result<GameState> {
  return replay(data.scenario, data.seed, data.teamIds, data.log);
}

export function series(game: GameState, teamId: string, metric: DebriefMetric): number[] {
  return (game.history[teamId] ?? []).map((r) => r.outputs[metric]);
}

export function decisions(game: GameState, teamId: string): Allocation[] {
  return (game.history[teamId] ?? []).map((r) => r.allocation);
}

/** Facilitator events per quarter, as the luck band replays them (scenario events are luck). */
export function injectedByQuarter(game: GameState): InjectedEvent[][] {
  return game.log.map((turn) => turn.injected.map((e) => ({ ...e })));
}

/**
 * Luck bands of `teamIds` from one set of replays of the whole room: on every seed each team
 * plays its decisions as logged, the facilitator's events as injected. A band therefore answers
 * "this room, other draws", of which the real game is one. (Replayed alone, a team lost what its
 * rivals did to it: its real line could lie outside its own band, and a team whose own draws
 * move nothing — no campaigns in a year without scenario events — drew no band at all.)
 */
export function roomLuckBands(
  game: GameState,
  teamIds: readonly string[] = game.teamIds,
  seeds = LUCK_SEEDS,
): Record<string, LuckBand> {
  const scenario = { ...game.scenario, years: Math.ceil(game.turnsTotal / 4) };
  return gameLuckBands({ ...game, scenario }, luckSeeds(seeds), teamIds);
}

export function teamLuckBand(game: GameState, teamId: string, seeds = LUCK_SEEDS): LuckBand {
  const band = roomLuckBands(game, [teamId], seeds)[teamId];
  if (!band) throw new Error(`No team ${teamId} in this game`);
  return band;
}

export interface BandSeries {
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
}

export function bandSeries(band: LuckBand, metric: DebriefMetric): BandSeries {
  const pick = (k: keyof Percentiles): number[] => band.quarters.map((q) => q[metric][k]);
  return { p5: pick("p5"), p25: pick("p25"), p50: pick("p50"), p75: pick("p75"), p95: pick("p95") };
}

/** Where a real value falls in a band, in percent, interpolated between the known percentiles. */
export function percentileRank(p: Percentiles, value: number): number {
  const knots: [number, number][] = [
    [5, p.p5],
    [25, p.p25],
    [50, p.p50],
    [75, p.p75],
    [95, p.p95],
  ];
  if (value <= p.p5) return 5;
  if (value >= p.p95) return 95;
  for (let i = 1; i < knots.length; i++) {
    const [q1, v1] = knots[i - 1] as [number, number];
    const [q2, v2] = knots[i] as [number, number];
    if (value <= v2) return v2 - v1 < 1e-12 ? q2 : q1 + ((value - v1) / (v2 - v1)) * (q2 - q1);
  }
  return 95;
}

/**
 * The luck tab's sentence: the team's final value, printed exactly as the chart prints it, and
 * where it falls among the band's draws.
 */
export function luckSummary(
  language: Language,
  teamName: string,
  metric: DebriefMetric,
  value: number,
  final: Percentiles,
): string {
  const label = translate(language, `gauge.${metric}`);
  const rank = translate(language, "debrief.percentile", {
    p: Math.round(percentileRank(final, value)),
  });
  return `${teamName} · ${label} ${formatMetric(language, metric, value)} — ${rank}`;
}

/** Tokens per bucket per quarter, for stacked bars. */
export function leverStacks(
  game: GameState,
  teamId: string,
): { bucket: BucketId; tokens: number }[][] {
  return decisions(game, teamId).map((a) =>
    BUCKET_IDS.map((bucket) => ({ bucket, tokens: a[bucket] })),
  );
}

/** Total tokens each bucket received over the game: the team's "signature". */
export function leverTotals(game: GameState, teamId: string): Record<BucketId, number> {
  const out = Object.fromEntries(BUCKET_IDS.map((id) => [id, 0])) as Record<BucketId, number>;
  for (const a of decisions(game, teamId)) for (const id of BUCKET_IDS) out[id] += a[id];
  return out;
}

/**
 * The what-if: `allocation` replaces the team's decision at `quarter` (and every later quarter
 * when `keep`), everything else, random draws included, as played.
 */
export function whatIf(
  game: GameState,
  teamId: string,
  quarter: number,
  allocation: Allocation,
  keep: boolean,
): Result<GameState> {
  const count = keep ? game.log.length - quarter + 1 : 1;
  return branch(game, quarter, {
    [teamId]: Array.from({ length: count }, () => ({ ...allocation })),
  });
}

/** Tokens pressure moved into campaigns in one team's quarter (the model's own number). */
export function quarterForced(game: GameState, teamId: string, quarter: number): number {
  return game.history[teamId]?.[quarter - 1]?.forced ?? 0;
}

/** The top reasons of one team's quarter, in the wire shape the reasons view-model reads. */
export function quarterReasons(game: GameState, teamId: string, quarter: number): ReasonView[] {
  const record = game.history[teamId]?.[quarter - 1];
  return record ? gaugeReasons(record.explain) : [];
}
