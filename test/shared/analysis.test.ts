import { describe, expect, it } from "vitest";
import {
  OUTPUT_IDS,
  botDecide,
  branch,
  emptyAllocation,
  finalScore,
  fixedPlan,
  getScenario,
  luckBand,
  luckSeeds,
  pickStocks,
  playBotGame,
  playRoom,
  replay,
  simulateRoom,
  simulateTeam,
  type Allocation,
  type Decide,
  type RoomRun,
  type Stocks,
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

describe("the fast path (simulateRoom)", () => {
  // A room with bots, a plan that a CFO cut leaves over budget (buzz, then nothing at all: the
  // KPI falls twice under the new CFO, with no mandate to shield the budget), a team that reads
  // its own history, scenario events (certain and drawn) and injected events, for all and for
  // one team.
  const plan: Allocation = { ...emptyAllocation(), culture: 4, support: 3, governance: 3 };
  const allBuzz: Allocation = { ...emptyAllocation(), campaigns: 10 };
  const bots = botDecide({ seed: "cut", scenario }, { "t-2": "buzz", "t-3": "adaptive" });
  const decide: Decide = (quarter, teamId, state, history) => {
    if (teamId === "t-1") return quarter <= 3 ? allBuzz : quarter <= 5 ? emptyAllocation() : plan;
    if (teamId === "t-4") {
      const reach = history.at(-1)?.reach ?? 0;
      return { ...emptyAllocation(), campaigns: reach < 1 ? 2 : 0, culture: 4, strategy: 2 };
    }
    return bots(quarter, teamId, state, history);
  };
  const run: RoomRun = {
    scenario,
    seed: "cut",
    teamIds: ["t-3", "t-1", "t-4", "t-2"],
    decide,
    injected: [[], [{ event: "newCfo" }], [{ event: "platformChange", teams: ["t-4"] }]],
  };

  it("equals a game played through step, bit for bit", () => {
    const seen: Record<string, { outputs: TurnOutputs; stocks: Stocks }[]> = {};
    const fast = simulateRoom(run, (_q, teamId, outputs, state) => {
      (seen[teamId] ??= []).push({ outputs, stocks: pickStocks(state) });
    });
    const full = playRoom(run);
    expect(full.turn).toBe(16);
    // The plan met a cut budget, so trimming was exercised on both paths.
    expect(full.history["t-1"]!.some((r) => r.budget < 10)).toBe(true);
    for (const id of run.teamIds) {
      const records = full.history[id]!;
      const expected = records.map((r) => ({ outputs: r.outputs, stocks: r.stocks }));
      expect(JSON.stringify(seen[id])).toBe(JSON.stringify(expected));
      expect(JSON.stringify(fast.states[id])).toBe(JSON.stringify(full.teams[id]));
      expect(fast.scores[id]).toBe(finalScore(full.teams[id]!, records.at(-1)!.outputs));
    }
  });

  it("plays a room of one as simulateTeam does, and stops where asked", () => {
    const decisions = played.history.a!.map((r) => r.allocation);
    const outputs: TurnOutputs[] = [];
    const alone = simulateTeam(
      { scenario, seed: "w1", teamId: "a", ...fixedPlan(decisions.slice(0, 6)) },
      (_q, o) => outputs.push(o),
    );
    expect(outputs).toHaveLength(6);
    // A team alone is a room of one (its rivals would change its game: room.ts).
    const full = playRoom({
      scenario,
      seed: "w1",
      teamIds: ["a"],
      decide: (quarter) => decisions[quarter - 1]!,
      quarters: 6,
    });
    expect(outputs).toEqual(full.history.a!.map((r) => r.outputs));
    expect(alone.score).toBe(outputs.at(-1)!.score);
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
    // The other teams' decisions are untouched, and so is everything before the branch; after
    // it they meet a different rival (CFO benchmark, expert pool, attention), as they would have.
    for (const id of ["b", "c"]) {
      expect(game.history[id]!.map((r) => r.allocation)).toEqual(
        played.history[id]!.map((r) => r.allocation),
      );
      expect(game.history[id]!.slice(0, 4)).toEqual(played.history[id]!.slice(0, 4));
    }
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
