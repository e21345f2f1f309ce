/** Plays a golden case; shared by the Node test, the print script and the browser test page. */
import { canonicalTrajectory, getScenario, playBotGame } from "../../shared/index";
import type { GoldenCase } from "./cases";

export function goldenTrajectory(c: Pick<GoldenCase, "scenario" | "seed" | "teams">): string {
  const scenario = getScenario(c.scenario);
  if (!scenario) throw new Error(`Unknown scenario ${c.scenario}`);
  return canonicalTrajectory(playBotGame(scenario, c.seed, c.teams));
}
