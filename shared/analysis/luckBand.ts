/**
 * "How much was luck?": a team's decisions replayed over many seeds, summarised per quarter as
 * percentiles of every output. The real outcome is then drawn against this band.
 *
 * The whole room is replayed on every seed, rivals' decisions as played: once teams interact
 * (Model 2), a team's outcome depends on what its rivals' choices did under the same draws, so a
 * band of the team alone would answer another question.
 */
import { emptyAllocation, type Allocation } from "../model/levers";
import { percentileSorted } from "../model/math";
import {
  OUTPUT_IDS,
  type GameState,
  type InjectedEvent,
  type OutputId,
  type Scenario,
  type TurnOutputs,
} from "../model/types";
import { simulateRoom } from "./simulateRoom";

export interface Percentiles {
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface LuckBand {
  seeds: number;
  /** quarters[q-1][output] */
  quarters: Record<OutputId, Percentiles>[];
}

export interface LuckBandOptions {
  /** The team's id (names its buzz stream; default "team"). */
  teamId?: string;
  injected?: readonly (readonly InjectedEvent[])[];
  /**
   * Rivals' decisions as played, by team id (index 0 = quarter 1; a quarter beyond a list
   * spends nothing): they play beside the team on every seed. Default: the team alone.
   */
  rivals?: Readonly<Record<string, readonly Allocation[]>>;
}

/** Seeds "luck:0" … "luck:n-1": a fixed list, so a band is reproducible everywhere. */
export function luckSeeds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `luck:${i}`);
}

interface RoomPlay {
  scenario: Scenario;
  teamIds: readonly string[];
  /** decisions[t][q − 1] */
  decisions: readonly (readonly Allocation[])[];
  injected?: readonly (readonly InjectedEvent[])[] | undefined;
  quarters: number;
}

const IDLE = emptyAllocation();

/** a[k] becomes the k-th smallest of a[l..r], smaller ones before it, larger after (Hoare's FIND). */
function select(a: Float64Array, k: number, l: number, r: number): void {
  while (l < r) {
    const x = a[k] as number;
    let i = l;
    let j = r;
    do {
      while ((a[i] as number) < x) i++;
      while (x < (a[j] as number)) j--;
      if (i <= j) {
        const swap = a[i] as number;
        a[i] = a[j] as number;
        a[j] = swap;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) l = i;
    if (k < i) r = j;
  }
}

/**
 * Puts each of `ranks` (ascending) where a full sort would, in place: the middle rank first, then
 * the ranks on each side within their side. Enough for `percentileSorted`, which reads only the
 * two ranks around each percentile, and several times cheaper than sorting 1,000 values.
 */
export function selectRanks(
  a: Float64Array,
  ranks: readonly number[],
  l = 0,
  r = a.length - 1,
): void {
  if (ranks.length === 0 || l > r) return;
  const middle = Math.floor(ranks.length / 2);
  const k = ranks[middle] as number;
  select(a, k, l, r);
  selectRanks(a, ranks.slice(0, middle), l, k - 1);
  selectRanks(a, ranks.slice(middle + 1), k + 1, r);
}

const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** The ranks `percentileSorted` reads for the band's quantiles in a column of n values. */
function bandRanks(n: number): number[] {
  const ranks = new Set<number>();
  for (const q of QUANTILES) {
    ranks.add(Math.floor((n - 1) * q));
    ranks.add(Math.ceil((n - 1) * q));
  }
  return [...ranks].filter((k) => k >= 0).sort((x, y) => x - y);
}

/** Bands of the teams at positions `focus` of the room, from the same replays. */
function roomBands(play: RoomPlay, seeds: readonly string[], focus: readonly number[]): LuckBand[] {
  const { quarters, decisions } = play;
  const n = seeds.length;
  const outputs = OUTPUT_IDS.length;
  // samples[f][(q − 1)·outputs + k] is a column of n values of output k, filled seed by seed.
  const samples = focus.map(() =>
    Array.from({ length: quarters * outputs }, () => new Float64Array(n)),
  );
  // Keyed by team id once, so the callbacks (64,000 calls per 1,000 seeds × 4 teams) do one
  // lookup: the plan padded to every quarter, and the columns of the watched teams only.
  const plans = new Map(
    play.teamIds.map((id, t) => [
      id,
      Array.from({ length: quarters }, (_, q) => decisions[t]?.[q] ?? IDLE),
    ]),
  );
  const watched = new Map(
    focus.map((t, f) => [play.teamIds[t] as string, samples[f] as Float64Array[]]),
  );
  let seedIndex = 0;
  const run = {
    scenario: play.scenario,
    seed: "",
    teamIds: play.teamIds,
    injected: play.injected,
    quarters,
    decide: (quarter: number, teamId: string) =>
      (plans.get(teamId) as Allocation[])[quarter - 1] as Allocation,
  };
  const listen = (quarter: number, teamId: string, out: TurnOutputs) => {
    const columns = watched.get(teamId);
    if (!columns) return;
    const base = (quarter - 1) * outputs;
    for (let k = 0; k < outputs; k++) {
      (columns[base + k] as Float64Array)[seedIndex] = out[OUTPUT_IDS[k] as OutputId];
    }
  };
  for (; seedIndex < n; seedIndex++) {
    run.seed = seeds[seedIndex] as string;
    simulateRoom(run, listen);
  }
  const ranks = bandRanks(n);
  return samples.map((columns) => ({
    seeds: n,
    quarters: Array.from({ length: quarters }, (_, q) => {
      const entry = {} as Record<OutputId, Percentiles>;
      OUTPUT_IDS.forEach((id, k) => {
        const column = columns[q * outputs + k] as Float64Array;
        selectRanks(column, ranks);
        entry[id] = {
          p5: percentileSorted(column, 0.05),
          p25: percentileSorted(column, 0.25),
          p50: percentileSorted(column, 0.5),
          p75: percentileSorted(column, 0.75),
          p95: percentileSorted(column, 0.95),
        };
      });
      return entry;
    }),
  }));
}

/** One team's band; with `rivals`, its whole room is replayed on every seed. */
export function luckBand(
  scenario: Scenario,
  decisionsPerTurn: readonly Allocation[],
  seeds: readonly string[],
  options: LuckBandOptions = {},
): LuckBand {
  const teamId = options.teamId ?? "team";
  const rivals = Object.entries(options.rivals ?? {}).filter(([id]) => id !== teamId);
  const play: RoomPlay = {
    scenario,
    teamIds: [teamId, ...rivals.map(([id]) => id)],
    decisions: [decisionsPerTurn, ...rivals.map(([, list]) => list)],
    injected: options.injected,
    quarters: Math.min(scenario.years * 4, decisionsPerTurn.length),
  };
  return roomBands(play, seeds, [0])[0] as LuckBand;
}

/**
 * The bands of a played game's teams (default: all), from one set of replays of its whole room:
 * every team's decisions and the facilitator's events as logged, over the logged quarters.
 */
export function gameLuckBands(
  game: GameState,
  seeds: readonly string[],
  teamIds: readonly string[] = game.teamIds,
): Record<string, LuckBand> {
  const play: RoomPlay = {
    scenario: game.scenario,
    teamIds: game.teamIds,
    decisions: game.teamIds.map((id) => game.log.map((turn) => turn.decisions[id] ?? IDLE)),
    injected: game.log.map((turn) => turn.injected),
    quarters: game.log.length,
  };
  const focus = teamIds.map((id) => game.teamIds.indexOf(id)).filter((t) => t >= 0);
  const bands = roomBands(play, seeds, focus);
  const out: Record<string, LuckBand> = {};
  focus.forEach((t, f) => (out[game.teamIds[t] as string] = bands[f] as LuckBand));
  return out;
}
