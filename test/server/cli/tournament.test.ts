import { describe, expect, it } from "vitest";
import {
  finalScore as finalScoreOf,
  getScenario,
  playBotGame,
  STRATEGY_IDS,
} from "../../../shared/index";
import { EXIT_OK } from "../../../server/cli/run";
import { runCli as run } from "../../helpers/cli";
import { finalScore, summarize } from "../../../server/cli/tournament";

describe("summarize", () => {
  it("gives mean, sample sd and interpolated percentiles", () => {
    const s = summarize([4, 1, 3, 2]);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(s.p5).toBeCloseTo(1.15, 12);
    expect(s.p50).toBe(2.5);
    expect(s.p95).toBeCloseTo(3.85, 12);
    expect(summarize([7])).toEqual({ mean: 7, sd: 0, p5: 7, p50: 7, p95: 7 });
  });
});

describe("--tournament", () => {
  it("plays every strategy on seeds <seed>:0 … and reports its final scores (JSON)", () => {
    const { code, stdout } = run(["--tournament", "--seeds", "2", "--seed", "t", "--json"]);
    expect(code).toBe(EXIT_OK);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ scenario: "default", seeds: 2, seedPrefix: "t", rivals: null });
    expect(Object.keys(report)).toEqual([
      "scenario",
      "seeds",
      "seedPrefix",
      "rivals",
      "strategies",
    ]);
    expect(Object.keys(report.strategies)).toEqual([...STRATEGY_IDS]);
    const scenario = getScenario("default")!;
    for (const id of STRATEGY_IDS) {
      const a = finalScore(scenario, "t:0", id);
      const b = finalScore(scenario, "t:1", id);
      const s = report.strategies[id];
      expect(s.mean).toBeCloseTo((a + b) / 2, 12);
      expect(s.sd).toBeCloseTo(Math.abs(a - b) / Math.SQRT2, 12);
      expect(s.p50).toBeCloseTo((a + b) / 2, 12);
      expect(s.p5).toBeCloseTo(Math.min(a, b) + 0.05 * Math.abs(a - b), 12);
    }
  });

  it("prints one table row per strategy", () => {
    const { code, stdout } = run(["--tournament", "--seeds", "2"]);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain("2 seeds (1:0 … 1:1)");
    for (const id of STRATEGY_IDS)
      expect(stdout).toMatch(new RegExp(`^${id}\\s+-?\\d+\\.\\d{3}`, "m"));
  });
});

describe("--tournament --rivals", () => {
  it("plays each strategy as team-1 beside N rival bots, as the same bot game gives it", () => {
    const { code, stdout } = run([
      "--tournament",
      "--seeds",
      "1",
      "--seed",
      "r",
      "--rivals",
      "buzz,2",
      "--json",
    ]);
    expect(code).toBe(EXIT_OK);
    const report = JSON.parse(stdout);
    expect(report.rivals).toEqual({ strategy: "buzz", count: 2 });
    const scenario = getScenario("default")!;
    for (const id of STRATEGY_IDS) {
      const game = playBotGame(scenario, "r:0", {
        "team-1": id,
        "team-2": "buzz",
        "team-3": "buzz",
      });
      const score = finalScoreOf(game.teams["team-1"]!, game.history["team-1"]!.at(-1)!.outputs);
      expect(report.strategies[id].mean).toBe(score);
    }
  });

  it("says who the rivals are in the table", () => {
    const { stdout } = run(["--tournament", "--seeds", "1", "--rivals", "adaptive,3"]);
    expect(stdout).toContain("as team-1 beside 3 × adaptive, 1 seeds");
  });
});
