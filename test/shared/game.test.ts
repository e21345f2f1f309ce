import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  BUCKET_IDS,
  EVENT_IDS,
  createGame,
  getScenario,
  playBotGame,
  step,
  topReasons,
  type Allocation,
  type GameState,
  type InjectedEvent,
} from "../../shared/index";
import { invariantViolations } from "../helpers/invariants";

const scenario = getScenario("default")!;
const balanced: Allocation = {
  longTerm: 2,
  culture: 2,
  governance: 1,
  support: 2,
  recruitment: 1,
  strategy: 2,
  campaigns: 0,
};
const allBuzz: Allocation = {
  longTerm: 0,
  culture: 0,
  governance: 0,
  support: 0,
  recruitment: 0,
  strategy: 0,
  campaigns: 10,
};

function play(
  game: GameState,
  decisions: Record<string, Allocation>,
  injected: InjectedEvent[] = [],
): GameState {
  const result = step(game, decisions, injected);
  if (!result.ok) throw new Error(result.error.message);
  expect(invariantViolations(result.game)).toEqual([]);
  return result.game;
}

describe("step", () => {
  it("resolves a quarter for every team and records it", () => {
    const game = play(createGame(scenario, "s", ["a", "b"]), { a: balanced, b: allBuzz });
    expect(game.turn).toBe(1);
    expect(game.history.a![0]!.allocation).toEqual(balanced);
    expect(game.history.b![0]!.campaigns.active).toBe(10);
    expect(game.log).toEqual([{ decisions: { a: balanced, b: allBuzz }, injected: [] }]);
  });

  it("never mutates the game it is given", () => {
    const game = createGame(scenario, "s", ["a"]);
    const before = JSON.stringify(game);
    play(game, { a: balanced });
    expect(JSON.stringify(game)).toBe(before);
  });

  it.each([
    ["a missing team", { a: balanced }, [], "decision.missing_team"],
    ["an unknown team", { a: balanced, b: balanced, c: balanced }, [], "decision.unknown_team"],
    [
      "an over-budget allocation",
      { a: balanced, b: { ...balanced, campaigns: 5 } },
      [],
      "allocation.over_budget",
    ],
    ["an unknown event", { a: balanced, b: balanced }, [{ event: "meteor" }], "event.unknown"],
    [
      "an event for an unknown team",
      { a: balanced, b: balanced },
      [{ event: "badBuzz", teams: ["z"] }],
      "event.unknown_team",
    ],
  ])("rejects %s as a value and changes nothing", (_label, decisions, injected, code) => {
    const game = createGame(scenario, "s", ["a", "b"]);
    const before = JSON.stringify(game);
    const result = step(game, decisions as Record<string, unknown>, injected);
    expect(result.ok ? null : result.error.code).toBe(code);
    expect(JSON.stringify(game)).toBe(before);
  });

  it("refuses to play past the last quarter", () => {
    const game = playBotGame(scenario, "s", { a: "idle" });
    const result = step(game, { a: balanced });
    expect(result.ok ? null : result.error.code).toBe("game.over");
  });

  it("is deterministic: same seed and decisions give the same game, another seed another", () => {
    const a = playBotGame(scenario, "x", { t: "short-termist" });
    const b = playBotGame(scenario, "x", { t: "short-termist" });
    const c = playBotGame(scenario, "y", { t: "short-termist" });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it("gives every team its own luck but the same moment", () => {
    const game = play(createGame(scenario, "s", ["a", "b"]), { a: allBuzz, b: allBuzz });
    expect(game.history.a![0]!.outputs.reach).not.toBe(game.history.b![0]!.outputs.reach);
  });

  it("applies an injected event to the targeted team only", () => {
    const start = createGame(scenario, "s", ["a", "b"]);
    const game = play(start, { a: balanced, b: balanced }, [{ event: "badBuzz", teams: ["a"] }]);
    expect(game.history.a![0]!.events).toEqual(["badBuzz"]);
    expect(game.history.b![0]!.events).toEqual([]);
    expect(game.history.a![0]!.outputs.trust).toBeLessThan(game.history.b![0]!.outputs.trust);
    expect(game.eventsByTurn[0]).toEqual(["badBuzz"]);
    const reasons = topReasons(game.history.a![0]!.explain.trust);
    expect(reasons[0]!.cause).toBe("event:badBuzz");
  });

  it("moves forced buzz from the levers when pressure exceeds the mandate", () => {
    const game = play(createGame(scenario, "s", ["a"]), { a: balanced });
    const record = game.history.a![0]!;
    const { P, L } = scenario.start;
    expect(record.forced).toBeCloseTo((P - L) * 10 * 0.5, 12);
    expect(record.effective.campaigns).toBeCloseTo(record.forced, 12);
  });

  it("cuts the budget after a new CFO's KPI misses twice running, for the rest of the tenure", () => {
    const cfo = getScenario("new-cfo")!;
    let game = createGame(cfo, "s", ["a"]);
    const budgets: number[] = [];
    for (let q = 0; q < 14; q++) {
      budgets.push(game.teams.a!.budget);
      // Buzz in year 1 then nothing: the KPI falls under the CFO (from quarter 7), and with no
      // mandate nothing shields the budget.
      const idle = { ...allBuzz, campaigns: 0 };
      game = play(game, { a: q < 4 ? allBuzz : idle });
    }
    expect(game.history.a![6]!.events).toEqual(["newCfo"]);
    // Missed at the end of quarters 7 and 8: cut from quarter 9 until the CFO leaves (6 quarters).
    expect(budgets.slice(0, 8)).toEqual([10, 10, 10, 10, 10, 10, 10, 10]);
    expect(budgets.slice(8, 12)).toEqual([7, 7, 7, 7]);
    expect(budgets.slice(12)).toEqual([10, 10]);
  });

  it("spares a team whose mandate shields the plan", () => {
    const cfo = getScenario("new-cfo")!;
    let game = createGame(cfo, "s", ["a"]);
    const mandate = { ...allBuzz, campaigns: 0, longTerm: 6 };
    for (let q = 0; q < 12; q++) game = play(game, { a: q < 4 ? allBuzz : mandate });
    expect(game.teams.a!.L).toBeGreaterThan(0.5);
    expect(game.history.a!.every((r) => r.budget === 10)).toBe(true);
  });

  it("keeps every invariant under random allocations and events (property)", () => {
    const allocation = fc
      .array(fc.integer({ min: 0, max: 10 }), { minLength: 7, maxLength: 7 })
      .map((xs) => {
        const out = {} as Allocation;
        let left = 10;
        BUCKET_IDS.forEach((id, i) => {
          const v = Math.min(left, xs[i]!);
          out[id] = v;
          left -= v;
        });
        return out;
      });
    const quarter = fc.record({
      a: allocation,
      b: allocation,
      events: fc.array(fc.constantFrom(...EVENT_IDS), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(quarter, { minLength: 1, maxLength: 16 }),
        fc.string({ maxLength: 8 }),
        (quarters, seed) => {
          let game = createGame(scenario, seed, ["a", "b"]);
          for (const q of quarters) {
            const a = { ...q.a };
            const b = { ...q.b };
            // A CFO cut can shrink the budget: trim as the server would.
            for (const alloc of [a, b])
              while (BUCKET_IDS.reduce((s, k) => s + alloc[k], 0) > 7) {
                const k = BUCKET_IDS.find((id) => alloc[id] > 0)!;
                alloc[k] -= 1;
              }
            game = play(
              game,
              { a, b },
              q.events.map((event) => ({ event })),
            );
          }
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});
