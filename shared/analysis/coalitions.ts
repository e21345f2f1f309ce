/**
 * The coalition tables behind lever attribution: for one team and each of the 2^7 subsets S of
 * the seven buckets, the whole room replayed with that team's tokens outside S switched to zero
 * for the whole game (not spent elsewhere), rivals' decisions and every draw as played. What is
 * recorded per run: the final score, the score after each year, and the team's gauges at each
 * quarter.
 *
 * Two savings, neither an approximation:
 * - Buckets the team never funded change nothing, so the runs for S and S ∩ funded are one run
 *   (and such a bucket's Shapley value is exactly 0).
 * - Runs are a tree over quarters: two subsets that switch off the same tokens up to quarter q
 *   share the room's states up to q (states are never mutated). A team that recruits only from
 *   year 2 shares year 1 across the subsets that differ in recruitment alone.
 */
import { BUCKET_IDS, type Allocation } from "../model/levers";
import type { TeamState, TurnOutputs } from "../model/types";
import type { AttributionGauge } from "./attribution";
import { finalScore } from "../model/score";
import { resolveRoom, type PlayedRoom } from "./roomRun";

export const PLAYERS = BUCKET_IDS.length;
export const COALITIONS = 1 << PLAYERS;

export interface CoalitionTables {
  /** score[S]: final score with only the buckets of S funded (bit i = BUCKET_IDS[i]). */
  score: Float64Array;
  /** yearScore[y − 1][S]: score after year y (the final score for the last year). */
  yearScore: Float64Array[];
  /** gauges[g][q − 1][S]: the gauge's value at quarter q. */
  gauges: Record<AttributionGauge, Float64Array[]>;
}

/** Bit mask of the buckets holding tokens in `allocation`. */
export function fundedMask(allocation: Allocation): number {
  let mask = 0;
  BUCKET_IDS.forEach((id, i) => {
    if (allocation[id] > 0) mask |= 1 << i;
  });
  return mask;
}

/** The allocation with the buckets outside `mask` switched to zero (bit i = BUCKET_IDS[i]). */
export function restrict(a: Allocation, mask: number): Allocation {
  // Spelled out: BUCKET_IDS order, and no keyed access on the attribution's hot path.
  return {
    longTerm: mask & 1 ? a.longTerm : 0,
    culture: mask & 2 ? a.culture : 0,
    governance: mask & 4 ? a.governance : 0,
    support: mask & 8 ? a.support : 0,
    recruitment: mask & 16 ? a.recruitment : 0,
    strategy: mask & 32 ? a.strategy : 0,
    campaigns: mask & 64 ? a.campaigns : 0,
  };
}

/** Every subset of `mask`, itself first. */
function subsets(mask: number): number[] {
  const out: number[] = [];
  for (let sub = mask; ; sub = (sub - 1) & mask) {
    out.push(sub);
    if (sub === 0) return out;
  }
}

export function coalitionTables(room: PlayedRoom, team: number): CoalitionTables {
  const quarters = room.quarters;
  const years = Math.ceil(quarters / 4);
  const table = () => new Float64Array(COALITIONS);
  const tables: CoalitionTables = {
    score: table(),
    yearScore: Array.from({ length: years }, table),
    gauges: {
      engagement: Array.from({ length: quarters }, table),
      trust: Array.from({ length: quarters }, table),
      reach: Array.from({ length: quarters }, table),
    },
  };
  const own = room.played.map((decisions) => decisions[team] as Allocation);
  const fundedAt = own.map(fundedMask);
  const funded = fundedAt.reduce((all, m) => all | m, 0);
  const decisions: Allocation[] = new Array<Allocation>(room.teamIds.length);

  /** Quarter q for the room, the team funding only the buckets of `key` (⊆ what it played). */
  const resolve = (quarter: number, key: number, states: readonly TeamState[]) => {
    const played = room.played[quarter - 1] as readonly Allocation[];
    for (let t = 0; t < decisions.length; t++) decisions[t] = played[t] as Allocation;
    const mine = own[quarter - 1] as Allocation;
    decisions[team] = key === fundedAt[quarter - 1] ? mine : restrict(mine, key);
    return resolveRoom(states, decisions, quarter, room.chance, room.scenario);
  };

  /** Records what subset m's run shows at quarter q. */
  const note = (quarter: number, out: TurnOutputs, m: number) => {
    const q = quarter - 1;
    (tables.gauges.engagement[q] as Float64Array)[m] = out.engagement;
    (tables.gauges.trust[q] as Float64Array)[m] = out.trust;
    (tables.gauges.reach[q] as Float64Array)[m] = out.reach;
    // The score after a year that is not the last (the last one is the final score).
    if (quarter % 4 === 0 && quarter < quarters) {
      (tables.yearScore[quarter / 4 - 1] as Float64Array)[m] = out.score;
    }
  };

  const finish = (states: readonly TeamState[], last: TurnOutputs | undefined, m: number) => {
    const score = finalScore(states[team] as TeamState, last);
    tables.score[m] = score;
    if (years > 0) (tables.yearScore[years - 1] as Float64Array)[m] = score;
  };

  /** Runs the subsets `masks`, which share the room's states up to `quarter` (excluded). */
  const visit = (
    quarter: number,
    masks: readonly number[],
    states: readonly TeamState[],
    last: TurnOutputs | undefined,
  ): void => {
    if (masks.length === 1) {
      // One subset left on this branch: play it to the end without grouping.
      const m = masks[0] as number;
      for (let q = quarter; q <= quarters; q++) {
        const result = resolve(q, m & (fundedAt[q - 1] as number), states);
        last = result.outputs[team] as TurnOutputs;
        note(q, last, m);
        states = result.states;
      }
      finish(states, last, m);
      return;
    }
    if (quarter > quarters) {
      for (const m of masks) finish(states, last, m);
      return;
    }
    // Subsets that switch off the same tokens this quarter take the same branch.
    const fundedNow = fundedAt[quarter - 1] as number;
    const groups = new Map<number, number[]>();
    for (const m of masks) {
      const key = m & fundedNow;
      const group = groups.get(key);
      if (group) group.push(m);
      else groups.set(key, [m]);
    }
    for (const [key, group] of groups) {
      const result = resolve(quarter, key, states);
      const out = result.outputs[team] as TurnOutputs;
      for (const m of group) note(quarter, out, m);
      visit(quarter + 1, group, result.states, out);
    }
  };
  visit(1, subsets(funded), room.before[0] as readonly TeamState[], undefined);

  // A bucket the team never funded changes nothing: S and S ∩ funded are the same run.
  const all = [tables.score, ...tables.yearScore, ...Object.values(tables.gauges).flat()];
  for (let m = 0; m < COALITIONS; m++) {
    const same = m & funded;
    if (same === m) continue;
    for (const values of all) values[m] = values[same] as number;
  }
  return tables;
}
