/** Plays a golden case; shared by the Node test, the print script and the browser test page. */
import { canonicalTrajectory, getScenario, playBotGame, type GameState } from "../../shared/index";
import type { GoldenCase, GoldenFinal } from "./cases";

function play(c: Pick<GoldenCase, "scenario" | "seed" | "teams">): GameState {
  const scenario = getScenario(c.scenario);
  if (!scenario) throw new Error(`Unknown scenario ${c.scenario}`);
  return playBotGame(scenario, c.seed, c.teams);
}

export function goldenTrajectory(c: Pick<GoldenCase, "scenario" | "seed" | "teams">): string {
  return canonicalTrajectory(play(c));
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The readable side of a golden case: each team's final outputs, rounded. */
export function goldenFinals(
  c: Pick<GoldenCase, "scenario" | "seed" | "teams">,
): Record<string, GoldenFinal> {
  const game = play(c);
  const out: Record<string, GoldenFinal> = {};
  for (const id of game.teamIds) {
    const last = game.history[id]!.at(-1)!.outputs;
    out[id] = {
      score: round(last.score, 2),
      legacy: round(last.legacy, 2),
      engagement: round(last.engagement, 4),
      trust: round(last.trust, 4),
      reach: round(last.reach, 4),
      kpi: round(last.kpi, 4),
    };
  }
  return out;
}
