/**
 * Stylised fact 9 (diminishing returns): putting every token in a single lever never maximises
 * the expected score, and the best fixed allocation a search finds has no lever at 0.
 *
 * The search is a hill climb on 100 seeds, started from the balanced allocation: it moves one
 * token at a time, takes the first move that raises the expected score, and stops when no move
 * does; the allocation it finds is then scored on all 500 seeds. (From a
 * single-lever corner, one-token moves cannot cross culture's critical mass: a token or two of
 * culture does nothing, so a climb from there can stall on a worse local optimum.)
 */
import { describe, expect, it } from "vitest";
import { BUCKET_IDS, LEVER_IDS, type Allocation } from "../../../shared/model/levers";
import {
  BALANCED,
  SEEDS,
  alloc,
  allocationKey,
  constant,
  mean,
  report,
  runTeam,
} from "../../helpers/montecarlo";

function expectedScore(allocation: Allocation, seeds: readonly string[]): number {
  return mean(seeds.map((seed) => runTeam(seed, constant(allocation)).outputs.at(-1)!.score));
}

function hillClimb(start: Allocation, seeds: readonly string[]): Allocation {
  const cache = new Map<string, number>();
  const value = (a: Allocation) => {
    const key = allocationKey(a);
    if (!cache.has(key)) cache.set(key, expectedScore(a, seeds));
    return cache.get(key) as number;
  };
  const better = (current: Allocation): Allocation | null => {
    for (const from of BUCKET_IDS) {
      if (current[from] === 0) continue;
      for (const to of BUCKET_IDS) {
        if (to === from) continue;
        const next = { ...current, [from]: current[from] - 1, [to]: current[to] + 1 };
        if (value(next) > value(current)) return next;
      }
    }
    return null;
  };
  let current = start;
  for (let next = better(current); next; next = better(current)) current = next;
  return current;
}

describe("fact 9: diminishing returns", () => {
  const singles = BUCKET_IDS.map((id) => ({
    id,
    score: expectedScore(alloc({ [id]: 10 }), SEEDS),
  }));
  const found = hillClimb(BALANCED, SEEDS.slice(0, 100));
  const foundScore = expectedScore(found, SEEDS);

  it("never maximises the expected score with a single lever", () => {
    const balancedScore = expectedScore(BALANCED, SEEDS);
    report("fact 9 singles", {
      ...Object.fromEntries(singles.map((s) => [s.id, s.score])),
      balanced: balancedScore,
      searchBest: foundScore,
    });
    for (const s of singles) {
      expect(s.score).toBeLessThan(balancedScore);
      expect(s.score).toBeLessThan(foundScore);
    }
  });

  it("finds a best fixed allocation with every lever funded", () => {
    report("fact 9 search", { allocation: allocationKey(found), score: foundScore });
    for (const id of LEVER_IDS) expect(found[id]).toBeGreaterThan(0);
  });
});
