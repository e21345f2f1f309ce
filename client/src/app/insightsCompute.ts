/**
 * The debrief's heavy part, from the server's log: replay the game, then credit every team's
 * score to its levers, find its best single-token changes and its loops (shared/analysis). Runs
 * in a worker (insights.worker.ts) so the page never freezes; on the main thread only when a
 * worker cannot start.
 */
import { roomInsights, type TeamInsights } from "../../../shared/analysis/insights";
import { replay } from "../../../shared/analysis/replay";
import type { DebriefData } from "../../../shared/protocol/view";

export type InsightsReply =
  { ok: true; teams: TeamInsights[]; ms: number } | { ok: false; message: string };

export function computeInsights(data: DebriefData): InsightsReply {
  const start = performance.now();
  const game = replay(data.scenario, data.seed, data.teamIds, data.log);
  if (!game.ok) return { ok: false, message: game.error.message };
  const teams = roomInsights(game.value);
  return { ok: true, teams, ms: performance.now() - start };
}
