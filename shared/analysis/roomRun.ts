/**
 * A played room, ready to be replayed with some decisions changed: the counterfactual engine of
 * lever attribution and "your best changes".
 *
 * Teams are held in arrays in `game.teamIds` order (no keyed lookups on the hot path). States are
 * never mutated (`resolveQuarter` returns a new one), so a branch that starts at quarter q simply
 * shares the played states before it: no copy, no re-simulation of the common prefix.
 */
import { initialTeamState } from "../model/game";
import { withinBudget, type Allocation } from "../model/levers";
import { advanceRoomQuarter } from "../model/room";
import { finalScore, legacyScores, withLegacy } from "../model/score";
import type { GameState, Scenario, TeamState, TurnOutputs } from "../model/types";
import { DrawTape, type Chance } from "./roomDraws";

export interface RoomQuarter {
  states: TeamState[];
  outputs: TurnOutputs[];
}

/**
 * One quarter for the whole room (`advanceRoomQuarter`: `step`'s quarter without explanations), each decision
 * first trimmed to the budget the team has in this run: a CFO cut may differ from the played one.
 * After the game's last quarter, each team's legacy is folded into its score (score.ts), drawn
 * from the same chance playing on.
 */
export function resolveRoom(
  states: readonly TeamState[],
  decisions: readonly Allocation[],
  quarter: number,
  chance: Chance,
  scenario: Scenario,
): RoomQuarter {
  const n = states.length;
  const allocations = new Array<Allocation>(n);
  for (let t = 0; t < n; t++) {
    allocations[t] = withinBudget(decisions[t] as Allocation, (states[t] as TeamState).budget);
  }
  const draws = chance.draws(quarter);
  // New states and outputs (`fresh`): the states before stay as they were, shared by branches.
  const next = states.slice();
  const outputs = new Array<TurnOutputs>(n);
  advanceRoomQuarter(
    next,
    allocations,
    {
      quarter,
      moment: draws.moment,
      events: draws.events,
      buzz: draws.buzz,
      baseBudget: scenario.budget,
      explain: false,
    },
    outputs,
    true,
  );
  chance.resolved(quarter);
  if (quarter === scenario.years * 4) {
    const legacy = legacyScores(
      next,
      quarter,
      (q) => {
        const d = chance.draws(q);
        return { moment: d.moment, buzz: d.buzz };
      },
      scenario.budget,
      (q) => chance.resolved(q),
    );
    for (let t = 0; t < n; t++) {
      outputs[t] = withLegacy(outputs[t] as TurnOutputs, legacy[t] as number);
    }
  }
  return { states: next, outputs };
}

export interface PlayedRoom {
  scenario: Scenario;
  teamIds: readonly string[];
  quarters: number;
  /** played[q − 1][t]: team t's decision in quarter q, as logged. */
  played: readonly (readonly Allocation[])[];
  /** before[q − 1][t]: team t's state before quarter q; before[quarters] = the end states. */
  before: readonly (readonly TeamState[])[];
  /** outputs[q − 1][t] as played. */
  outputs: readonly (readonly TurnOutputs[])[];
  /** Final score per team, as played. */
  scores: readonly number[];
  chance: Chance;
}

/**
 * Re-simulates a game from its log once, recording its draws: the starting point of every
 * counterfactual on it. Only the logged quarters count (a game still in progress works too).
 */
export function playedRoom(game: GameState): PlayedRoom {
  const { scenario, teamIds } = game;
  const quarters = game.log.length;
  const injected = game.log.map((turn) => turn.injected);
  const chance = new DrawTape(scenario, game.seed, teamIds, injected);
  const played = game.log.map((turn) => teamIds.map((id) => turn.decisions[id] as Allocation));
  const start = teamIds.map(() => initialTeamState(scenario));
  const before: TeamState[][] = [start];
  const outputs: TurnOutputs[][] = [];
  let states = start;
  for (let q = 1; q <= quarters; q++) {
    const room = resolveRoom(states, played[q - 1] as Allocation[], q, chance, scenario);
    states = room.states;
    before.push(states);
    outputs.push(room.outputs);
  }
  const last = outputs[quarters - 1];
  const scores = states.map((state, t) => finalScore(state, last?.[t]));
  return { scenario, teamIds, quarters, played, before, outputs, scores, chance };
}

/**
 * Replays the room from quarter `from` (its states as played before it) to the end, with
 * `decide(q, t)` giving each decision, and returns team `t`'s final score.
 */
export function finalScoreFrom(
  room: PlayedRoom,
  from: number,
  team: number,
  decide: (quarter: number, team: number) => Allocation,
): number {
  let states = room.before[from - 1] as readonly TeamState[];
  let last: TurnOutputs | undefined = room.outputs[from - 2]?.[team];
  const decisions: Allocation[] = new Array<Allocation>(room.teamIds.length);
  for (let q = from; q <= room.quarters; q++) {
    for (let t = 0; t < decisions.length; t++) decisions[t] = decide(q, t);
    const result = resolveRoom(states, decisions, q, room.chance, room.scenario);
    states = result.states;
    last = result.outputs[team];
  }
  return finalScore(states[team] as TeamState, last);
}
