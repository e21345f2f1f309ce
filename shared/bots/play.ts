/**
 * Bots at the table: asking a strategy for its decision, and playing whole games with bots
 * (the headless runner, the tournament, solo rivals and the tests all go through here).
 */
import { createGame, step } from "../model/game";
import type { Allocation } from "../model/levers";
import { openStream, streamKey } from "../model/rng";
import type { GameState, InjectedEvent, Scenario, TeamState } from "../model/types";
import { STRATEGIES, type StrategyId } from "./strategies";

export function botDecision(game: GameState, teamId: string, strategy: StrategyId): Allocation {
  const quarter = game.turn + 1;
  const state = game.teams[teamId] as TeamState;
  return STRATEGIES[strategy](
    {
      quarter,
      turnsTotal: game.turnsTotal,
      budget: state.budget,
      state,
      history: game.history[teamId] ?? [],
    },
    openStream(streamKey(game.seed, "bot", quarter, teamId)),
  );
}

/** Plays a whole game where every team is a bot; `injected[q-1]` strikes at quarter q. */
export function playBotGame(
  scenario: Scenario,
  seed: string,
  teams: Readonly<Record<string, StrategyId>>,
  injected: readonly (readonly InjectedEvent[])[] = [],
): GameState {
  let game = createGame(scenario, seed, Object.keys(teams));
  while (game.turn < game.turnsTotal) {
    const decisions: Record<string, Allocation> = {};
    for (const [id, strategy] of Object.entries(teams))
      decisions[id] = botDecision(game, id, strategy);
    const result = step(game, decisions, injected[game.turn] ?? []);
    if (!result.ok) throw new Error(`A bot made an invalid decision: ${result.error.message}`);
    game = result.game;
  }
  return game;
}
