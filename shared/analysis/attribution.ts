/**
 * Lever attribution: which of a team's choices made its score.
 *
 * The explanations of `resolveQuarter` say *how* a gauge moved (flows such as coaching or word of
 * mouth); a team chose buckets, not flows. Here the final score is split over the seven buckets
 * by exact Shapley values: the game is replayed for each of the 128 subsets of buckets with the
 * team's tokens outside the subset switched to zero for the whole game, everything else as played
 * (rivals' decisions, injected events, the seed and every draw; the whole room is re-simulated,
 * since in Model 2 a team's choices move its rivals, which act back on it). `base` is the score of
 * playing nothing under the same draws, so `base + Σ buckets = score` (Shapley's efficiency).
 * The same 128 runs attribute each year's score gain and each quarter's gauges.
 *
 * A token switched off is simply not spent. If a CFO cut in some run leaves a decision over that
 * run's budget, it is trimmed by `fitToBudget` (the default rule for replayed decisions).
 */
import { BUCKET_IDS } from "../model/levers";
import type { GameState } from "../model/types";
import { COALITIONS, PLAYERS, coalitionTables } from "./coalitions";
import { playedRoom, type PlayedRoom } from "./roomRun";
import { shapleyValues, shapleyWeights } from "./shapley";

export const ATTRIBUTION_KEYS = ["base", ...BUCKET_IDS] as const;
export type AttributionKey = (typeof ATTRIBUTION_KEYS)[number];
export type Attribution = Record<AttributionKey, number>;

export const ATTRIBUTION_GAUGES = ["engagement", "trust", "reach"] as const;
export type AttributionGauge = (typeof ATTRIBUTION_GAUGES)[number];

export interface TeamAttribution {
  teamId: string;
  /** The team's final score; `base + Σ buckets = score` to 1e-9. */
  score: number;
  /** Exact Shapley values of the final score over the seven buckets, plus `base`. */
  total: Attribution;
  /**
   * byYear[y − 1]: the same split of year y's score gain (score after y years − after y − 1,
   * the score before the first quarter counting as 0; the last year ends on the final score).
   * Summed over the years, each key gives `total`'s.
   */
  byYear: Attribution[];
  /** byQuarter[gauge][q − 1]: the gauge's value at quarter q, split the same way. */
  byQuarter: Record<AttributionGauge, Attribution[]>;
}

/** Splits one table of coalition values: `base` is the empty coalition's value. */
function attribute(values: Float64Array, weights: Float64Array, phi: Float64Array): Attribution {
  shapleyValues(values, PLAYERS, weights, phi);
  const out = { base: values[0] as number } as Attribution;
  BUCKET_IDS.forEach((id, i) => (out[id] = phi[i] as number));
  return out;
}

function teamIndex(game: GameState, teamId: string): number {
  const index = game.teamIds.indexOf(teamId);
  if (index < 0) throw new RangeError(`Unknown team "${teamId.slice(0, 40)}".`);
  return index;
}

function attributeIn(room: PlayedRoom, team: number): TeamAttribution {
  const tables = coalitionTables(room, team);
  const weights = shapleyWeights(PLAYERS);
  const phi = new Float64Array(PLAYERS);
  const split = (values: Float64Array) => attribute(values, weights, phi);
  const gains = tables.yearScore.map((after, y) => {
    const before = tables.yearScore[y - 1];
    if (!before) return after;
    const gain = new Float64Array(COALITIONS);
    for (let m = 0; m < COALITIONS; m++) gain[m] = (after[m] as number) - (before[m] as number);
    return gain;
  });
  return {
    teamId: room.teamIds[team] as string,
    score: tables.score[COALITIONS - 1] as number,
    total: split(tables.score),
    byYear: gains.map(split),
    byQuarter: {
      engagement: tables.gauges.engagement.map(split),
      trust: tables.gauges.trust.map(split),
      reach: tables.gauges.reach.map(split),
    },
  };
}

/** One team's attribution. Throws a RangeError for a team not in the game. */
export function attributeTeam(game: GameState, teamId: string): TeamAttribution {
  const team = teamIndex(game, teamId);
  return attributeIn(playedRoom(game), team);
}

/** Every team's attribution, keyed by team id (one re-simulation of the played game shared). */
export function attributeRoom(game: GameState): Record<string, TeamAttribution> {
  const room = playedRoom(game);
  const out: Record<string, TeamAttribution> = {};
  game.teamIds.forEach((id, team) => (out[id] = attributeIn(room, team)));
  return out;
}

// The debrief's other two views live in their own files; exported here too, so the whole debrief
// API is one import.
export { bestChanges, moveToken, type BestChange } from "./bestChanges";
export { CAUSE_LOOPS, LOOP_IDS, loopDominance, loopOf, type LoopId, type LoopYear } from "./loops";
