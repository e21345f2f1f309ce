import { describe, expect, it } from "vitest";
import { attributeRoom, getScenario, playBotGame } from "../../../shared/index";
import { EXIT_BAD_SCENARIO, EXIT_OK, EXIT_USAGE } from "../../../server/cli/run";
import { runCli as run } from "../../helpers/cli";

/** The default scenario cut to one year: a short run, loaded through the file path. */
const oneYear = JSON.stringify({
  ...getScenario("default")!,
  id: "one-year",
  years: 1,
  events: [],
});

describe("a game run with --json", () => {
  const { code, stdout, stderr } = run(
    ["--scenario", "one-year.json", "--seed", "7", "--strategy", "balanced,buzz", "--json"],
    { "one-year.json": oneYear },
  );
  const report = JSON.parse(stdout);

  it("prints exactly one JSON object and nothing on stderr", () => {
    expect([code, stderr]).toEqual([EXIT_OK, ""]);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(Object.keys(report)).toEqual(["scenario", "seed", "turns", "final"]);
    expect([report.scenario, report.seed]).toEqual(["one-year", "7"]);
  });

  it("has one turn per quarter with every team's allocation and gauges", () => {
    expect(report.turns).toHaveLength(4);
    report.turns.forEach(
      (turn: { quarter: number; events: unknown[]; teams: object }, i: number) => {
        expect(turn.quarter).toBe(i + 1);
        expect(turn.events).toEqual([]);
        expect(Object.keys(turn.teams)).toEqual(["team-1", "team-2"]);
      },
    );
    const first = report.turns[0].teams["team-2"];
    expect(Object.keys(first)).toEqual([
      "strategy",
      "budget",
      "allocation",
      "forced",
      "engagement",
      "reach",
      "buzzVolatility",
      "trust",
      "kpi",
      "ssv",
      "score",
      "legacy",
    ]);
    expect(first.strategy).toBe("buzz");
    expect(first.allocation.campaigns).toBe(10);
  });

  it("ends with each team's final gauges, as the same bot game gives them", () => {
    const scenario = { ...getScenario("default")!, id: "one-year", years: 1, events: [] };
    const game = playBotGame(scenario, "7", { "team-1": "balanced", "team-2": "buzz" });
    const attribution = attributeRoom(game);
    for (const id of ["team-1", "team-2"]) {
      const o = game.history[id]!.at(-1)!.outputs;
      expect(report.final[id]).toEqual({
        score: o.score,
        engagement: o.engagement,
        trust: o.trust,
        buzzVolatility: o.buzzVolatility,
        ssv: o.ssv,
        attribution: attribution[id]!.total,
      });
    }
  });

  it("splits each final score over base and the seven buckets, summing to it", () => {
    for (const id of ["team-1", "team-2"]) {
      const { score, attribution } = report.final[id];
      expect(Object.keys(attribution)).toEqual([
        "base",
        "longTerm",
        "culture",
        "governance",
        "support",
        "recruitment",
        "strategy",
        "campaigns",
      ]);
      const total = Object.values(attribution as Record<string, number>).reduce((s, v) => s + v, 0);
      expect(Math.abs(total - score)).toBeLessThan(1e-9);
    }
    // team-2 played buzz only: every lever gets exactly 0.
    expect(report.final["team-2"].attribution.culture).toBe(0);
    expect(report.final["team-2"].attribution.campaigns).not.toBe(0);
  });
});

describe("a game run as a table", () => {
  it("prints a row per team per quarter, then the final scores", () => {
    const { code, stdout } = run(["--seed", "3", "--strategy", "adaptive", "--teams", "2"]);
    expect(code).toBe(EXIT_OK);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(
      "Scenario default, seed 3, 16 quarters. team-1: adaptive, team-2: adaptive",
    );
    const header = lines.find((l) => l.startsWith("Q "))!;
    for (const column of [
      "events",
      "allocation",
      "engagement",
      "reach",
      "volatility",
      "trust",
      "CFO KPI",
      "SSV",
      "score",
    ]) {
      expect(header).toContain(column);
    }
    expect(lines.filter((l) => /^\S*\s+\S*\s*team-[12]\s+\d+(\/\d+){6}\s/.test(l))).toHaveLength(
      32,
    );
    expect(lines.filter((l) => /^16\s/.test(l))).toHaveLength(1);
    expect(lines).toContain("Final");
    const credit = lines.findIndex((l) => l.startsWith("Attribution of the final score"));
    expect(lines[credit + 1]).toMatch(/^team\s+base\s+longTerm\s+culture/);
    expect(lines.slice(credit + 3).filter((l) => /^team-[12]\s/.test(l))).toHaveLength(2);
  });
});

describe("scenario files", () => {
  it("lists every error of an invalid file, naming the field, and exits non-zero", () => {
    const bad = JSON.stringify({
      ...getScenario("default")!,
      years: 0,
      start: { ...getScenario("default")!.start, T: 2 },
    });
    const { code, stdout, stderr } = run(["--scenario", "bad.json"], { "bad.json": bad });
    expect(code).toBe(EXIT_BAD_SCENARIO);
    expect(stdout).toBe("");
    expect(stderr).toContain("Scenario file bad.json is invalid:");
    expect(stderr).toMatch(/^ {2}years: /m);
    expect(stderr).toMatch(/^ {2}start\.T: /m);
  });

  it("says so when the file is missing or not JSON", () => {
    expect(run(["--scenario", "gone.json"])).toMatchObject({
      code: EXIT_BAD_SCENARIO,
      stderr: expect.stringContaining("Cannot load scenario file gone.json: ENOENT"),
    });
    expect(run(["--scenario", "x.json"], { "x.json": "{ nope" })).toMatchObject({
      code: EXIT_BAD_SCENARIO,
      stderr: expect.stringContaining("Cannot load scenario file x.json"),
    });
  });
});

describe("usage errors", () => {
  it("print the problem and the usage on stderr, nothing on stdout", () => {
    const { code, stdout, stderr } = run(["--strategy", "nope"]);
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^Unknown strategy "nope"/);
    expect(stderr).toContain("Usage:");
  });

  it("--help prints the usage on stdout", () => {
    expect(run(["--help"])).toMatchObject({
      code: EXIT_OK,
      stderr: "",
      stdout: expect.stringContaining("--tournament"),
    });
  });
});
