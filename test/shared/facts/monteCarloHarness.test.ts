/**
 * The facts run on test/helpers/montecarlo.ts, which plays teams on the fast path
 * (`simulateTeam`, the room loop with one team; test/shared/analysis.test.ts holds that loop to
 * `step`). Here: the helper's own wiring — its bots are `playBotGame`'s — and its enumeration.
 */
import { describe, expect, it } from "vitest";
import { playBotGame } from "../../../shared/bots/play";
import { STRATEGY_IDS } from "../../../shared/bots/strategies";
import { CALM, SEEDS, TEAM, allAllocations, runBot } from "../../helpers/montecarlo";

describe("the Monte Carlo harness", () => {
  it("plays bots exactly as playBotGame does", () => {
    for (const strategy of STRATEGY_IDS) {
      const game = playBotGame(CALM, SEEDS[0]!, { [TEAM]: strategy });
      const outputs = game.history[TEAM]!.map((r) => r.outputs);
      expect(runBot(strategy, SEEDS[0]!).outputs).toEqual(outputs);
    }
  });

  it("enumerates every allocation of the budget once", () => {
    const all = allAllocations(10);
    expect(all).toHaveLength(8008);
    expect(new Set(all.map((a) => Object.values(a).join())).size).toBe(8008);
  });
});
