import { describe, expect, it } from "vitest";
import {
  OUTPUT_IDS,
  branch,
  getScenario,
  luckBand,
  luckSeeds,
  playBotGame,
  replay,
  simulateTeam,
  type Allocation,
  type TurnOutputs,
} from "../../shared/index";
import { invariantViolations } from "../helpers/invariants";

const scenario = getScenario("bad-buzz")!;
const rivals = { a: "short-termist", b: "culture-first", c: "buzz" } as const;
const played = playBotGame(scenario, "w1", rivals, [
  [],
  [],
  [{ event: "newSponsor", teams: ["b"] }],
]);

describe("simulateTeam (the fast path)", () => {
  it("reproduces exactly the outputs a team gets inside the full game", () => {
    for (const id of Object.keys(rivals)) {
      const outputs: TurnOutputs[] = [];
      simulateTeam(
        {
          scenario,
          seed: "w1",
          teamId: id,
          decisions: played.history[id]!.map((r) => r.allocation),
          injected: played.log.map((t) => t.injected),
        },
        (_q, o) => outputs.push(o),
      );
      expect(outputs).toEqual(played.history[id]!.map((r) => r.outputs));
    }
  });
});

describe("replay", () => {
  it("rebuilds a game bit for bit from its log", () => {
    const rebuilt = replay(scenario, "w1", played.teamIds, played.log);
    expect(rebuilt.ok && JSON.stringify(rebuilt.value)).toBe(JSON.stringify(played));
  });

  it("returns the model's rejection for a corrupt log", () => {
    const log = structuredClone(played.log);
    log[2]!.decisions.a!.campaigns = 99;
    const rebuilt = replay(scenario, "w1", played.teamIds, log);
    expect(rebuilt.ok ? null : rebuilt.error.code).toBe("allocation.over_budget");
  });
});

describe("branch", () => {
  const culture: Allocation = {
    longTerm: 2,
    culture: 3,
    governance: 2,
    support: 2,
    recruitment: 0,
    strategy: 1,
    campaigns: 0,
  };

  it("with no change, is the game itself", () => {
    const same = branch(played, 5, {});
    expect(same.ok && JSON.stringify(same.value)).toBe(JSON.stringify(played));
  });

  it("changes the chosen team from that quarter on, under the same random numbers", () => {
    const result = branch(played, 5, { a: Array(12).fill(culture) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const game = result.value;
    expect(invariantViolations(game)).toEqual([]);
    expect(game.history.a!.slice(0, 4)).toEqual(played.history.a!.slice(0, 4));
    expect(game.history.a![4]!.allocation).toEqual(culture);
    expect(game.history.a![15]!.outputs.score).not.toBe(played.history.a![15]!.outputs.score);
    // The other teams' draws and decisions are untouched.
    expect(game.history.b).toEqual(played.history.b);
    expect(game.history.c).toEqual(played.history.c);
  });

  it("keeps later decisions as played beyond the overrides", () => {
    const result = branch(played, 3, { b: [culture] });
    expect(result.ok && result.value.history.b![3]!.allocation).toEqual(
      played.history.b![3]!.allocation,
    );
  });

  it("refuses a quarter that was not played", () => {
    const result = branch(played, 17, {});
    expect(result.ok ? null : result.error.code).toBe("branch.bad_quarter");
  });
});

describe("luckBand", () => {
  const decisions = played.history.a!.map((r) => r.allocation);
  const band = luckBand(scenario, decisions, luckSeeds(200), { teamId: "a" });

  it("summarises every output for every quarter over the seeds", () => {
    expect(band.seeds).toBe(200);
    expect(band.quarters).toHaveLength(16);
    for (const quarter of band.quarters) {
      for (const id of OUTPUT_IDS) {
        const p = quarter[id];
        expect(p.p5).toBeLessThanOrEqual(p.p25);
        expect(p.p25).toBeLessThanOrEqual(p.p50);
        expect(p.p50).toBeLessThanOrEqual(p.p75);
        expect(p.p75).toBeLessThanOrEqual(p.p95);
      }
    }
  });

  it("is reproducible and wide where buzz rules", () => {
    const again = luckBand(scenario, decisions, luckSeeds(200), { teamId: "a" });
    expect(again).toEqual(band);
    const reach = band.quarters[8]!.reach;
    expect(reach.p95).toBeGreaterThan(reach.p5);
  });
});
