/**
 * A whole room's game, each decision asked of a `decide` callback as its quarter comes: the one
 * quarter loop of bots, luck bands, forecasts, Monte Carlo tests and benchmarks. Two speeds, the
 * same numbers:
 *
 * - `simulateRoom`, the fast path: live random streams, no explanations, no GameState copies.
 * - `playRoom`: the same run through `step`, into a full GameState (history with explanations,
 *   log, saved streams) for the headless runner, golden trajectories and fixtures.
 *
 * Both resolve each quarter with the room's one quarter (`advanceRoomQuarter` here,
 * `resolveRoomQuarter` in `step`: the same `advanceQuarter` per team), and trim a decision over a (CFO-cut) budget with `withinBudget`; so they agree bit for bit (a test holds
 * them to it, with bots, scenario and injected events). The fast path does not validate: a
 * decision must be whole tokens ≥ 0, only its total is fitted to the budget.
 */
import { createGame, initialTeamState, step } from "../model/game";
import {
  assignAllocation as assign,
  emptyAllocation,
  withinBudget as fitted,
  type Allocation,
} from "../model/levers";
import { emptyOutputs as noOutputs } from "../model/dynamics";
import { advanceRoomQuarter as advanceRoom, type RoomQuarterContext } from "../model/room";
import { finalScore, legacyScores, withLegacy } from "../model/score";
import type { GameState, InjectedEvent, Scenario, TeamState, TurnOutputs } from "../model/types";
import { liveDraws } from "./roomDraws";

// Module-level copies of the helpers called every quarter: a transpiled import is re-read
// through a getter on every call (as in model/dynamics.ts).
const withinBudget = fitted;
const assignAllocation = assign;
const advanceRoomQuarter = advanceRoom;
const emptyOutputs = noOutputs;

/**
 * Team `teamId`'s decision for `quarter`, from what the team has seen: its state before the
 * quarter (its budget included) and its own outputs so far, oldest first. Neither may be
 * mutated or kept: `history` is the loop's own array and grows after the call.
 */
export type Decide = (
  quarter: number,
  teamId: string,
  state: TeamState,
  history: readonly TurnOutputs[],
) => Allocation;

export interface RoomRun {
  scenario: Scenario;
  seed: string;
  teamIds: readonly string[];
  decide: Decide;
  /** `injected[q − 1]`: the facilitator's events of quarter q. */
  injected?: readonly (readonly InjectedEvent[])[] | undefined;
  /** Quarters to play from the first (default, and at most: the whole game). */
  quarters?: number | undefined;
}

export interface RoomOutcome {
  /** Each team's state after its last quarter. */
  states: Record<string, TeamState>;
  /** Each team's final score (`finalScore`). */
  scores: Record<string, number>;
}

/**
 * Told of every team's quarter as soon as the room has resolved it, teams in `teamIds` order.
 * `outputs` may be kept; `state` is the team's live state, read it during the call or keep a
 * `copyTeamState` of it: the next quarter advances it in place.
 */
export type RoomListener = (
  quarter: number,
  teamId: string,
  outputs: TurnOutputs,
  state: TeamState,
) => void;

export function quartersOf(run: Pick<RoomRun, "scenario" | "quarters">): number {
  const total = run.scenario.years * 4;
  return Math.max(0, Math.min(total, run.quarters ?? total));
}

export function simulateRoom(run: RoomRun, onQuarter?: RoomListener): RoomOutcome {
  const { scenario, teamIds, decide } = run;
  const n = teamIds.length;
  const quarters = quartersOf(run);
  const gameQuarters = scenario.years * 4;
  const draws = liveDraws(scenario, run.seed, teamIds, run.injected);
  const states = teamIds.map(() => initialTeamState(scenario));
  const histories = teamIds.map((): TurnOutputs[] => []);
  // Reused every quarter: advanceRoomQuarter neither keeps nor mutates the allocations. The
  // states are the loop's own and advance in place (copying 16 quarters of them was an eighth
  // of the fast path's time); each quarter's outputs are new objects, kept in the histories.
  const allocations = new Array<Allocation>(n);
  // Each team's decision is copied into an allocation of the loop's own (`assignAllocation`).
  const decisions = teamIds.map(() => emptyAllocation());
  const outputs = new Array<TurnOutputs>(n);
  const ctx: RoomQuarterContext = {
    quarter: 0,
    moment: 0,
    events: [],
    buzz: [],
    baseBudget: scenario.budget,
    explain: false,
  };
  for (let q = 1; q <= quarters; q++) {
    for (let t = 0; t < n; t++) {
      const state = states[t] as TeamState;
      const wanted = decide(q, teamIds[t] as string, state, histories[t] as TurnOutputs[]);
      allocations[t] = assignAllocation(
        decisions[t] as Allocation,
        withinBudget(wanted, state.budget),
      );
    }
    const drawn = draws(q);
    ctx.quarter = q;
    ctx.moment = drawn.moment;
    ctx.events = drawn.events;
    ctx.buzz = drawn.buzz;
    for (let t = 0; t < n; t++) outputs[t] = emptyOutputs();
    advanceRoomQuarter(states, allocations, ctx, outputs, false);
    // After the game's last quarter, the score takes in each team's legacy (score.ts), drawn
    // from the same streams playing on, as `step` draws it.
    const legacy = q === gameQuarters ? legacyScores(states, q, draws, scenario.budget) : null;
    for (let t = 0; t < n; t++) {
      const state = states[t] as TeamState;
      const played = outputs[t] as TurnOutputs;
      const out = legacy ? withLegacy(played, legacy[t] as number) : played;
      (histories[t] as TurnOutputs[]).push(out);
      onQuarter?.(q, teamIds[t] as string, out, state);
    }
  }
  const outcome: RoomOutcome = { states: {}, scores: {} };
  for (let t = 0; t < n; t++) {
    const id = teamIds[t] as string;
    const state = states[t] as TeamState;
    const history = histories[t] as TurnOutputs[];
    outcome.states[id] = state;
    outcome.scores[id] = finalScore(state, history[history.length - 1]);
  }
  return outcome;
}

/**
 * The same run through `step`, into a full game: every quarter validated, explained and logged.
 * Throws if a decision is invalid (fractional or negative tokens): a bug in `decide`.
 */
export function playRoom(run: RoomRun): GameState {
  const { scenario, teamIds, decide } = run;
  const quarters = quartersOf(run);
  const histories = teamIds.map((): TurnOutputs[] => []);
  let game = createGame(scenario, run.seed, teamIds);
  while (game.turn < quarters) {
    const quarter = game.turn + 1;
    const decisions: Record<string, Allocation> = {};
    teamIds.forEach((id, t) => {
      const state = game.teams[id] as TeamState;
      const wanted = decide(quarter, id, state, histories[t] as TurnOutputs[]);
      decisions[id] = withinBudget(wanted, state.budget);
    });
    const result = step(game, decisions, run.injected?.[quarter - 1] ?? []);
    if (!result.ok)
      throw new Error(`Invalid decision in quarter ${quarter}: ${result.error.message}`);
    game = result.game;
    teamIds.forEach((id, t) => {
      const record = game.history[id]?.[quarter - 1];
      if (record) (histories[t] as TurnOutputs[]).push(record.outputs);
    });
  }
  return game;
}
