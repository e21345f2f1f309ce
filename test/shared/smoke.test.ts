import { describe, expect, it } from "vitest";
import { getScenario, playBotGame, STRATEGY_IDS } from "../../shared/index";

describe("a bot game", () => {
  it("plays every strategy to the end of the default scenario", () => {
    const scenario = getScenario("default");
    expect(scenario).toBeDefined();
    for (const strategy of STRATEGY_IDS) {
      const game = playBotGame(scenario!, "smoke", { team: strategy });
      expect(game.turn).toBe(16);
      expect(game.history.team).toHaveLength(16);
    }
  });
});
