/**
 * Bots at the table: asking a strategy for its decision, and playing whole games with bots
 * (the headless runner, the tournament, solo rivals and the tests all go through here). A bot's
 * decision depends only on what its team sees and on its own stream for that quarter, so the
 * same bot decides the same on the server, on the fast path and in a full game.
 */
import type { Allocation } from "../model/levers";
import { openStream, streamKey } from "../model/rng";
import type { GameState, InjectedEvent, Scenario, TeamState, TurnOutputs } from "../model/types";
import { playRoom, type Decide } from "../analysis/simulateRoom";
import { STRATEGIES, type StrategyId } from "./strategies";

/** Where a bot plays: the game's seed (its "bot" streams) and the scenario as played. */
export interface BotTable {
  seed: string;
  scenario: Scenario;
}

/** `strategy`'s decision for `teamId` in `quarter`, drawing from that quarter's "bot" stream. */
export function askBot(
  strategy: StrategyId,
  table: BotTable,
  quarter: number,
  teamId: string,
  state: TeamState,
  history: readonly TurnOutputs[],
): Allocation {
  return STRATEGIES[strategy](
    {
      quarter,
      turnsTotal: table.scenario.years * 4,
      budget: state.budget,
      state,
      history,
      timeline: table.scenario.events,
    },
    openStream(streamKey(table.seed, "bot", quarter, teamId)),
  );
}

/** The decision a bot takes for `teamId` in the game's next quarter (the server's rivals). */
export function botDecision(game: GameState, teamId: string, strategy: StrategyId): Allocation {
  const history = (game.history[teamId] ?? []).map((record) => record.outputs);
  const state = game.teams[teamId] as TeamState;
  return askBot(strategy, game, game.turn + 1, teamId, state, history);
}

/** Bots as a room's `decide`: team `id` plays `strategies[id]`. */
export function botDecide(
  table: BotTable,
  strategies: Readonly<Record<string, StrategyId>>,
): Decide {
  return (quarter, teamId, state, history) => {
    const strategy = strategies[teamId];
    if (strategy === undefined) throw new Error(`No strategy for team "${teamId}".`);
    return askBot(strategy, table, quarter, teamId, state, history);
  };
}

/** Plays a whole game where every team is a bot; `injected[q-1]` strikes at quarter q. */
export function playBotGame(
  scenario: Scenario,
  seed: string,
  teams: Readonly<Record<string, StrategyId>>,
  injected: readonly (readonly InjectedEvent[])[] = [],
): GameState {
  const decide = botDecide({ seed, scenario }, teams);
  return playRoom({ scenario, seed, teamIds: Object.keys(teams), decide, injected });
}
