import { describe, expect, it } from "vitest";
import {
  askBot,
  emptyAllocation,
  finalScore,
  getScenario,
  playRoom,
  type Allocation,
  type Decide,
} from "../../../shared/index";
import { EXIT_BAD_PLANS, EXIT_OK } from "../../../server/cli/run";
import { runCli as run } from "../../helpers/cli";
import { parsePlans } from "../../../server/cli/plans";

const scenario = getScenario("default")!;
const recipe = { longTerm: 1, culture: 4, governance: 1, support: 2, recruitment: 1, strategy: 1 };
const late = Array.from({ length: 16 }, (_, q) => (q < 8 ? { culture: 6, support: 4 } : recipe));
const plansFile = JSON.stringify([
  { name: "recipe", allocation: recipe },
  { name: "late", schedule: late },
  { name: "bot", strategy: "adaptive" },
]);

/** team-1's score through `step` (playRoom), beside `rivals` buzz bots, on one seed. */
function scoreThroughStep(seed: string, mine: (quarter: number) => Allocation, rivals: number) {
  const teamIds = Array.from({ length: rivals + 1 }, (_, i) => `team-${i + 1}`);
  const decide: Decide = (quarter, teamId, state, history) =>
    teamId === "team-1"
      ? mine(quarter)
      : askBot("buzz", { seed, scenario }, quarter, teamId, state, history);
  const game = playRoom({ scenario, seed, teamIds, decide });
  return finalScore(game.teams["team-1"]!, game.history["team-1"]!.at(-1)!.outputs);
}

describe("--plans", () => {
  it("plays each plan as team-1 on every seed and reports its statistics (JSON)", () => {
    const { code, stdout, stderr } = run(
      ["--plans", "p.json", "--seeds", "2", "--seed", "pl", "--rivals", "buzz,2", "--json"],
      { "p.json": plansFile },
    );
    expect([code, stderr]).toEqual([EXIT_OK, ""]);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(["scenario", "seeds", "seedPrefix", "rivals", "plans"]);
    expect(report).toMatchObject({
      scenario: "default",
      seeds: 2,
      seedPrefix: "pl",
      rivals: { strategy: "buzz", count: 2 },
    });
    expect(Object.keys(report.plans)).toEqual(["recipe", "late", "bot"]);
    const full = (partial: Partial<Allocation>): Allocation => ({
      ...emptyAllocation(),
      ...partial,
    });
    const expected = {
      recipe: () => full(recipe),
      late: (q: number) => full(late[q - 1]!),
    };
    for (const [name, mine] of Object.entries(expected)) {
      const a = scoreThroughStep("pl:0", mine, 2);
      const b = scoreThroughStep("pl:1", mine, 2);
      const stats = report.plans[name];
      // Scores are tens of points: 12 decimals is still far below one unit in the last place.
      expect(stats.mean).toBeCloseTo((a + b) / 2, 12);
      expect(stats.sd).toBeCloseTo(Math.abs(a - b) / Math.SQRT2, 12);
      expect([stats.p5, stats.p95]).toEqual(
        [Math.min(a, b) + 0.05 * Math.abs(a - b), Math.min(a, b) + 0.95 * Math.abs(a - b)].map(
          (v) => expect.closeTo(v, 15),
        ),
      );
    }
  });

  it("plays a strategy plan as that bot would", () => {
    const plans = JSON.stringify([{ name: "bot", strategy: "adaptive" }]);
    const { stdout } = run(["--plans", "p.json", "--seeds", "1", "--seed", "s", "--json"], {
      "p.json": plans,
    });
    const tournament = JSON.parse(
      run(["--tournament", "--seeds", "1", "--seed", "s", "--json"]).stdout,
    );
    expect(JSON.parse(stdout).plans.bot).toEqual(tournament.strategies.adaptive);
  });

  it("trims an allocation over the budget by fitToBudget", () => {
    const plans = JSON.stringify([
      { name: "over", allocation: { campaigns: 30, culture: 2 } },
      { name: "fits", allocation: { campaigns: 8, culture: 2 } },
    ]);
    const { stdout } = run(["--plans", "p.json", "--seeds", "3", "--json"], { "p.json": plans });
    const report = JSON.parse(stdout);
    expect(report.plans.over).toEqual(report.plans.fits);
  });

  it("prints a table with one row per plan", () => {
    const { code, stdout } = run(["--plans", "p.json", "--seeds", "2"], { "p.json": plansFile });
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain("final score of each plan as team-1 alone, 2 seeds (1:0 … 1:1)");
    for (const name of ["recipe", "late", "bot"])
      expect(stdout).toMatch(new RegExp(`^${name}\\s+\\d+\\.\\d{3}`, "m"));
  });

  it("says so when the file is missing or not JSON", () => {
    expect(run(["--plans", "gone.json"])).toMatchObject({
      code: EXIT_BAD_PLANS,
      stdout: "",
      stderr: expect.stringContaining("Cannot load plans file gone.json: ENOENT"),
    });
    expect(run(["--plans", "x.json"], { "x.json": "[ nope" })).toMatchObject({
      code: EXIT_BAD_PLANS,
      stderr: expect.stringContaining("Cannot load plans file x.json"),
    });
  });

  it("lists every invalid entry, naming the entry and the field", () => {
    const bad = JSON.stringify([
      { name: "ok", allocation: { culture: 10 } },
      { name: "neg", allocation: { culture: -1 } },
      { name: "typo", allocation: { cultur: 1 } },
      { name: "half", schedule: [{ culture: 1.5 }, ...Array(15).fill({})] },
      { name: "short", schedule: [{ culture: 1 }] },
      { name: "who", strategy: "nope" },
      { name: "both", allocation: {}, strategy: "buzz" },
      { name: "ok", strategy: "buzz" },
      { allocation: {} },
      "text",
    ]);
    const { code, stderr } = run(["--plans", "bad.json"], { "bad.json": bad });
    expect(code).toBe(EXIT_BAD_PLANS);
    const lines = stderr.trim().split("\n");
    expect(lines[0]).toBe("Plans file bad.json is invalid:");
    expect(lines.slice(1).map((l) => l.trim())).toEqual([
      expect.stringMatching(/^plans\[1\] \("neg"\): allocation\.culture: cannot be negative$/),
      expect.stringMatching(/^plans\[2\] \("typo"\): allocation: Unrecognized key.*"cultur"/),
      expect.stringMatching(
        /^plans\[3\] \("half"\): schedule\[0\]\.culture: expected a whole number of tokens$/,
      ),
      expect.stringMatching(
        /^plans\[4\] \("short"\): schedule: 1 allocations, but scenario default has 16 quarters/,
      ),
      expect.stringMatching(/^plans\[5\] \("who"\): strategy: .*"idle"/),
      expect.stringMatching(
        /^plans\[6\] \("both"\): give exactly one of allocation, schedule or strategy/,
      ),
      expect.stringMatching(/^plans\[7\] \("ok"\): name: "ok" is used by an earlier plan/),
      expect.stringMatching(/^plans\[8\]: name: /),
      expect.stringMatching(/^plans\[9\]: expected an object/),
    ]);
  });

  it("refuses a file that is not a non-empty list", () => {
    expect(parsePlans({ name: "x" }, scenario)).toEqual({
      ok: false,
      errors: ["plans: expected a JSON array of plans"],
    });
    expect(parsePlans([], scenario)).toEqual({ ok: false, errors: ["plans: the list is empty"] });
  });

  it("takes a plan called __proto__ as a plain name", () => {
    const plans = JSON.stringify([{ name: "__proto__", allocation: recipe }]);
    const { stdout } = run(["--plans", "p.json", "--seeds", "1", "--json"], { "p.json": plans });
    expect(Object.keys(JSON.parse(stdout).plans)).toEqual(["__proto__"]);
  });
});
