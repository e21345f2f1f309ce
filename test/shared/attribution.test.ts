import { describe, expect, it } from "vitest";
import {
  ATTRIBUTION_KEYS,
  BUCKET_IDS,
  allocationTotal,
  attributeRoom,
  attributeTeam,
  branch,
  finalScore,
  getScenario,
  playBotGame,
  replay,
  type Attribution,
  type GameState,
  type StrategyId,
} from "../../shared/index";
import { restrict } from "../../shared/analysis/coalitions";
import { coalitionSize, shapleyValues, shapleyWeights } from "../../shared/analysis/shapley";

function sum(a: Attribution): number {
  return ATTRIBUTION_KEYS.reduce((total, key) => total + a[key], 0);
}

function played(game: GameState, id: string): number {
  const last = game.history[id]!.at(-1)!;
  return finalScore(game.teams[id]!, last.outputs);
}

describe("shapleyValues (the combining code)", () => {
  it("splits a 2-player game as computed by hand", () => {
    // v(∅) = 1, v({0}) = 4, v({1}) = 3, v({0,1}) = 10.
    // φ0 = ½(4 − 1) + ½(10 − 3) = 5; φ1 = ½(3 − 1) + ½(10 − 4) = 4; 5 + 4 = 10 − 1.
    expect([...shapleyValues([1, 4, 3, 10], 2)]).toEqual([5, 4]);
  });

  it("has the weights |S|!(n−|S|−1)!/n!, which sum to 1 over the coalitions without a player", () => {
    const w = shapleyWeights(7);
    const expected = [1 / 7, 1 / 42, 1 / 105, 1 / 140, 1 / 105, 1 / 42, 1 / 7];
    w.forEach((value, size) => expect(value).toBeCloseTo(expected[size]!, 15));
    let total = 0;
    for (let mask = 0; mask < 64; mask++) total += w[coalitionSize(mask)]!;
    expect(total).toBeCloseTo(1, 14);
  });

  it("gives an additive game's own worths, equal shares to symmetric players, 0 to a dummy", () => {
    const worth = [0.5, -2, 3];
    const additive = Array.from({ length: 8 }, (_, m) =>
      worth.reduce((s, a, i) => s + (m & (1 << i) ? a : 0), 0),
    );
    [...shapleyValues(additive, 3)].forEach((phi, i) => expect(phi).toBeCloseTo(worth[i]!, 14));
    // v depends on players 0 and 1 only through how many of them play; player 2 is a dummy.
    const symmetric = Array.from({ length: 8 }, (_, m) => [0, 1, 1, 5][m & 3]!);
    const phi = shapleyValues(symmetric, 3);
    expect(phi[0]).toBe(phi[1]);
    expect(phi[2]).toBe(0);
    expect(phi[0]! + phi[1]!).toBeCloseTo(5, 14);
  });
});

const cases: {
  scenario: string;
  seed: string;
  teams: Record<string, StrategyId>;
  injected?: { event: "newSponsor" | "badBuzz"; teams?: string[] }[][];
}[] = [
  {
    scenario: "default",
    seed: "s1",
    teams: { a: "balanced", b: "buzz", c: "culture-first", d: "adaptive" },
  },
  {
    scenario: "new-cfo",
    seed: "a2",
    teams: { p: "culture-first", q: "short-termist", r: "balanced" },
  },
  {
    scenario: "bad-buzz",
    seed: "w1",
    teams: { x: "short-termist", y: "adaptive" },
    injected: [[], [], [{ event: "newSponsor", teams: ["y"] }], [], [{ event: "badBuzz" }]],
  },
  { scenario: "platform-migration", seed: "7", teams: { solo: "culture-first" } },
];

describe.each(cases)(
  "attributeRoom on $scenario, seed $seed",
  ({ scenario, seed, teams, injected }) => {
    const game = playBotGame(getScenario(scenario)!, seed, teams, injected);
    const room = attributeRoom(game);

    it("credits every team, and base + Σ buckets = its final score to 1e-9 (efficiency)", () => {
      expect(Object.keys(room)).toEqual(game.teamIds);
      for (const id of game.teamIds) {
        const a = room[id]!;
        expect(a.teamId).toBe(id);
        expect(a.score).toBe(played(game, id));
        expect(Object.keys(a.total)).toEqual([...ATTRIBUTION_KEYS]);
        expect(Math.abs(sum(a.total) - a.score)).toBeLessThan(1e-9);
      }
    });

    it("gives exactly 0 to a bucket the team never funded, in every view", () => {
      for (const id of game.teamIds) {
        const a = room[id]!;
        for (const bucket of BUCKET_IDS) {
          const funded = game.log.some((turn) => turn.decisions[id]![bucket] > 0);
          if (funded) continue;
          expect(a.total[bucket]).toBe(0);
          for (const year of a.byYear) expect(year[bucket]).toBe(0);
          for (const q of a.byQuarter.engagement) expect(q[bucket]).toBe(0);
        }
      }
    });

    it("splits each year's score gain; the years add up to the total, key by key", () => {
      for (const id of game.teamIds) {
        const a = room[id]!;
        const history = game.history[id]!;
        expect(a.byYear).toHaveLength(Math.ceil(history.length / 4));
        let before = 0;
        a.byYear.forEach((year, y) => {
          const last = y === a.byYear.length - 1;
          const after = last ? a.score : history[4 * y + 3]!.outputs.score;
          expect(Math.abs(sum(year) - (after - before))).toBeLessThan(1e-9);
          before = after;
        });
        for (const key of ATTRIBUTION_KEYS) {
          const years = a.byYear.reduce((s, year) => s + year[key], 0);
          expect(Math.abs(years - a.total[key])).toBeLessThan(1e-12);
        }
      }
    });

    it("splits each quarter's gauges, summing to the played values", () => {
      for (const id of game.teamIds) {
        const a = room[id]!;
        game.history[id]!.forEach((record, q) => {
          for (const gauge of ["engagement", "trust", "reach"] as const) {
            const split = a.byQuarter[gauge][q]!;
            expect(Math.abs(sum(split) - record.outputs[gauge])).toBeLessThan(1e-9);
          }
        });
      }
    });

    it("is deterministic and plain JSON", () => {
      const again = attributeRoom(game);
      expect(again).toEqual(room);
      expect(JSON.parse(JSON.stringify(room))).toEqual(room);
      const one = game.teamIds[game.teamIds.length - 1]!;
      expect(attributeTeam(game, one)).toEqual(room[one]);
    });
  },
);

describe("attribution against the reducer", () => {
  // new-cfo, seed a8: some subsets of team r's buckets meet a CFO cut the played game did not,
  // so their decisions are trimmed by fitToBudget (checked below).
  const game = playBotGame(getScenario("new-cfo")!, "a8", {
    p: "culture-first",
    q: "short-termist",
    r: "balanced",
  });

  it("equals Shapley values of 128 what-if branches replayed through step", () => {
    const values = new Float64Array(128);
    let trimmed = 0;
    for (let mask = 0; mask < 128; mask++) {
      const decisions = game.log.map((turn) => restrict(turn.decisions.r!, mask));
      const result = branch(game, 1, { r: decisions });
      if (!result.ok) throw new Error(result.error.message);
      const history = result.value.history.r!;
      history.forEach((record, q) => {
        if (allocationTotal(decisions[q]!) > record.budget) trimmed++;
      });
      values[mask] = finalScore(result.value.teams.r!, history.at(-1)!.outputs);
    }
    expect(trimmed).toBeGreaterThan(0);
    const phi = shapleyValues(values, 7);
    const a = attributeTeam(game, "r");
    expect(a.total.base).toBe(values[0]);
    BUCKET_IDS.forEach((bucket, i) => expect(a.total[bucket]).toBe(phi[i]));
  });

  it("refuses a team that is not in the game", () => {
    expect(() => attributeTeam(game, "nobody")).toThrow(RangeError);
  });

  it("switches buckets off by bit i = BUCKET_IDS[i]", () => {
    const all = game.log[0]!.decisions.r!;
    BUCKET_IDS.forEach((bucket, i) => {
      const only = restrict({ ...all, [bucket]: 3 }, 1 << i);
      for (const other of BUCKET_IDS) expect(only[other]).toBe(other === bucket ? 3 : 0);
    });
    expect(restrict(all, 127)).toEqual(all);
  });

  it("attributes a game in progress over the quarters played so far", () => {
    const scenario = getScenario("default")!;
    const full = playBotGame(scenario, "p", { a: "adaptive", b: "buzz" });
    const rebuilt = replay(scenario, "p", full.teamIds, full.log.slice(0, 6));
    if (!rebuilt.ok) throw new Error(rebuilt.error.message);
    const a = attributeTeam(rebuilt.value, "a");
    expect(a.byYear).toHaveLength(2);
    expect(a.byQuarter.trust).toHaveLength(6);
    expect(a.score).toBe(played(rebuilt.value, "a"));
    expect(Math.abs(sum(a.total) - a.score)).toBeLessThan(1e-9);
  });

  it("credits a team that played nothing with its base alone", () => {
    const idle = playBotGame(getScenario("default")!, "i", { a: "idle", b: "buzz" });
    const a = attributeTeam(idle, "a");
    expect(a.total.base).toBe(a.score);
    for (const bucket of BUCKET_IDS) expect(a.total[bucket]).toBe(0);
  });
});
