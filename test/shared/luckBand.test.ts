import { describe, expect, it } from "vitest";
import {
  OUTPUT_IDS,
  gameLuckBands,
  getScenario,
  luckBand,
  luckSeeds,
  openStream,
  percentileSorted,
  playBotGame,
  selectRanks,
  type Allocation,
} from "../../shared/index";

const scenario = getScenario("bad-buzz")!;
const game = playBotGame(scenario, "band", { a: "short-termist", b: "culture-first", c: "buzz" }, [
  [],
  [],
  [{ event: "newSponsor", teams: ["b"] }],
]);
const decisions = (id: string): Allocation[] => game.log.map((turn) => turn.decisions[id]!);
const injected = game.log.map((turn) => turn.injected);

describe("luck bands of a whole room", () => {
  it("replays the room as played: on the game's own seed the band is the played outcome", () => {
    const band = luckBand(scenario, decisions("b"), [game.seed], {
      teamId: "b",
      rivals: { a: decisions("a"), c: decisions("c") },
      injected,
    });
    game.history.b!.forEach((record, q) => {
      for (const id of OUTPUT_IDS) {
        const p = band.quarters[q]![id];
        expect([p.p5, p.p50, p.p95]).toEqual([0, 0, 0].map(() => record.outputs[id]));
      }
    });
  });

  it("gives every team's band from one set of replays, the same as one team's with rivals", () => {
    const seeds = luckSeeds(50);
    const bands = gameLuckBands(game, seeds);
    expect(Object.keys(bands)).toEqual(game.teamIds);
    const c = luckBand(scenario, decisions("c"), seeds, {
      teamId: "c",
      rivals: { a: decisions("a"), b: decisions("b") },
      injected,
    });
    expect(bands.c).toEqual(c);
    expect(gameLuckBands(game, seeds, ["a"])).toEqual({ a: bands.a });
    expect(bands.a!.seeds).toBe(50);
    expect(bands.a!.quarters).toHaveLength(16);
  });

  it("is reproducible", () => {
    const seeds = luckSeeds(20);
    expect(gameLuckBands(game, seeds)).toEqual(gameLuckBands(game, seeds));
  });
});

describe("selectRanks (the band's percentiles without a full sort)", () => {
  it("puts every asked rank where a sort would, duplicates and all", () => {
    const rng = openStream("select");
    for (const n of [1, 2, 3, 7, 20, 101, 1000]) {
      for (const distinct of [2, 5, 1e9]) {
        const values = Float64Array.from({ length: n }, () => Math.floor(rng.next() * distinct));
        const sorted = Float64Array.from(values).sort();
        const ranks = [...new Set([0, Math.floor(n / 3), Math.floor(n / 2), n - 1])].sort(
          (x, y) => x - y,
        );
        const column = Float64Array.from(values);
        selectRanks(column, ranks);
        for (const k of ranks) expect(column[k]).toBe(sorted[k]);
        for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) {
          const all = Float64Array.from(values);
          const lo = Math.floor((n - 1) * q);
          const hi = Math.ceil((n - 1) * q);
          selectRanks(all, [...new Set([lo, hi])]);
          expect(percentileSorted(all, q)).toBe(percentileSorted(sorted, q));
        }
      }
    }
  });
});
