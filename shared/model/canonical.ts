/**
 * The canonical text of a game's trajectory, hashed (SHA-256) for golden tests in Node and in
 * the browser. JSON.stringify is deterministic here: every object is built with a fixed key
 * order and numbers print as their shortest round-trip form in every engine.
 */
import type { GameState } from "./types";

export function canonicalTrajectory(game: GameState): string {
  return JSON.stringify({
    scenario: game.scenario.id,
    seed: game.seed,
    turn: game.turn,
    teamIds: game.teamIds,
    eventsByTurn: game.eventsByTurn,
    history: game.teamIds.map((id) => game.history[id]),
    teams: game.teamIds.map((id) => game.teams[id]),
    rng: game.rng,
  });
}
