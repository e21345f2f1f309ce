/**
 * The facts run on test/helpers/montecarlo.ts, which re-implements the fast one-team loop so
 * it can keep states and let bots decide. It must agree with the real thing bit for bit.
 */
import { describe, expect, it } from "vitest";
import { simulateTeam } from "../../../shared/analysis/simulateTeam";
import { playBotGame } from "../../../shared/bots/play";
import { STRATEGY_IDS } from "../../../shared/bots/strategies";
import { getScenario } from "../../../shared/scenarios/index";
import type { Scenario, TurnOutputs } from "../../../shared/model/types";
import {
  ALL_IN_BUZZ,
  BALANCED,
  CALM,
  SEEDS,
  TEAM,
  allAllocations,
  constant,
  injectAt,
  runBot,
  runTeam,
} from "../../helpers/montecarlo";

describe("the Monte Carlo harness", () => {
  it("matches simulateTeam, events included", () => {
    const scenario = getScenario("bad-buzz") as Scenario;
    const injected = injectAt(scenario, { 3: "newCfo", 7: "platformChange" });
    for (const seed of SEEDS.slice(0, 5)) {
      for (const allocation of [BALANCED, ALL_IN_BUZZ]) {
        const decisions = constant(allocation, scenario);
        const expected: TurnOutputs[] = [];
        simulateTeam({ scenario, seed, teamId: TEAM, decisions, injected }, (_, o) =>
          expected.push(o),
        );
        expect(runTeam(seed, decisions, scenario, injected).outputs).toEqual(expected);
      }
    }
  });

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
