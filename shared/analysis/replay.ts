/**
 * Event-sourced games: a game is its scenario, seed, teams and log of resolved quarters, so it
 * can be rebuilt exactly, and a what-if branch is the same log with some decisions changed,
 * replayed under the same random numbers.
 */
import { createGame, step } from "../model/game";
import { fitToBudget, type Allocation } from "../model/levers";
import type { GameState, LoggedTurn, Scenario } from "../model/types";
import type { Rejection, Result } from "../model/validate";

export function replay(
  scenario: Scenario,
  seed: string,
  teamIds: readonly string[],
  log: readonly LoggedTurn[],
): Result<GameState> {
  return replayFrom(createGame(scenario, seed, teamIds), log, false);
}

/** Steps `game` through `log`; with `fit`, decisions are trimmed to each team's current budget. */
function replayFrom(start: GameState, log: readonly LoggedTurn[], fit: boolean): Result<GameState> {
  let game = start;
  for (const turn of log) {
    const decisions: Record<string, Allocation> = {};
    for (const [id, allocation] of Object.entries(turn.decisions)) {
      const budget = game.teams[id]?.budget;
      decisions[id] = fit && budget !== undefined ? fitToBudget(allocation, budget) : allocation;
    }
    const result = step(game, decisions, turn.injected);
    if (!result.ok) return result;
    game = result.game;
  }
  return { ok: true, value: game };
}

/**
 * The counterfactual trajectory: quarters before `fromQuarter` as played, then for each team in
 * `overrides` its new decisions from `fromQuarter` on (index 0 = fromQuarter; quarters beyond the
 * list keep what was played). Everything else, random draws included, stays the same.
 */
export function branch(
  game: GameState,
  fromQuarter: number,
  overrides: Readonly<Record<string, readonly Allocation[]>>,
): Result<GameState> {
  if (!Number.isInteger(fromQuarter) || fromQuarter < 1 || fromQuarter > game.log.length) {
    const error: Rejection = {
      code: "branch.bad_quarter",
      message: `Quarter ${String(fromQuarter)} has not been played (1–${game.log.length}).`,
    };
    return { ok: false, error };
  }
  const later: LoggedTurn[] = game.log.slice(fromQuarter - 1).map((turn, index) => {
    const quarter = fromQuarter + index;
    const decisions = { ...turn.decisions };
    for (const [teamId, list] of Object.entries(overrides)) {
      const replacement = list[quarter - fromQuarter];
      if (replacement) decisions[teamId] = replacement;
    }
    return { decisions, injected: turn.injected };
  });
  const before = replay(game.scenario, game.seed, game.teamIds, game.log.slice(0, fromQuarter - 1));
  if (!before.ok) return before;
  // A changed decision can change a budget (a CFO cut), so later decisions are trimmed to fit.
  return replayFrom(before.value, later, true);
}
