/**
 * Room views built from real bot games, so view-model tests read realistic numbers without a
 * server: a game played by the shared bots, shaped as the server's public view would be.
 */
import {
  emptyAllocation,
  getScenario,
  playBotGame,
  gaugeReasons,
  situationOf,
  type Allocation,
  type GameState,
  type Phase,
  type PlayerView,
  type ReasonView,
  type StrategyId,
  type TeamView,
  type TurnRecord,
  type TurnResultView,
} from "../../shared/index";
import type { ClientView } from "../../client/src/net/normalize";

export function turnView(record: TurnRecord): TurnResultView {
  return {
    turn: record.turn,
    ...record.outputs,
    allocation: record.allocation,
    forced: record.forced,
    decisionSource: "bot",
    events: record.events,
  };
}

/** A quarter's reasons as a team's private part carries them (the last quarter's only). */
export function turnReasons(record: TurnRecord | undefined): ReasonView[] {
  return record ? gaugeReasons(record.explain) : [];
}

export function playedGame(
  quarters: number,
  teams: Record<string, StrategyId> = { t1: "balanced", t2: "buzz" },
): GameState {
  const scenario = getScenario("default")!;
  const full = playBotGame(scenario, "client-fixture", teams);
  // Cut the game at `quarters` by keeping only that much of each history.
  const history: Record<string, TurnRecord[]> = {};
  for (const id of full.teamIds) history[id] = (full.history[id] ?? []).slice(0, quarters);
  return {
    ...full,
    turn: quarters,
    history,
    log: full.log.slice(0, quarters),
    eventsByTurn: full.eventsByTurn.slice(0, quarters),
  };
}

export interface ViewOptions {
  phase?: Phase;
  players?: PlayerView[];
  /** Team whose private part this viewer receives, with that draft. */
  privateTeam?: {
    id: string;
    draft: Allocation;
    draftBy: string;
    draftRev?: number;
    submitted?: boolean;
  };
  submitted?: string[];
  event?: string[];
}

export function viewFromGame(game: GameState, options: ViewOptions = {}): ClientView {
  const teams: Record<string, TeamView> = {};
  game.teamIds.forEach((id, i) => {
    const team: TeamView = {
      id,
      name: `Équipe ${i + 1}`,
      bot: "",
      budget: game.teams[id]?.budget ?? 10,
      submitted: options.submitted?.includes(id) ?? false,
      history: (game.history[id] ?? []).map(turnView),
      situation: situationOf(game.teams[id]!),
      predicted: false,
      prediction: "",
    };
    if (options.privateTeam?.id === id) {
      team.private = {
        draft: options.privateTeam.draft,
        draftBy: options.privateTeam.draftBy,
        draftRev: options.privateTeam.draftRev ?? 0,
        submitted: options.privateTeam.submitted ?? false,
        decision: emptyAllocation(),
        prediction: "",
        reasons: turnReasons(game.history[id]?.at(-1)),
      };
    }
    teams[id] = team;
  });
  const players: Record<string, PlayerView> = {};
  for (const p of options.players ?? []) players[p.id] = p;
  return {
    code: "ABC234",
    kind: "workshop",
    scenarioId: "default",
    language: "fr",
    pacing: "facilitator",
    phase: options.phase ?? "decision",
    turn: game.turn,
    turnsTotal: game.turnsTotal,
    deadline: 0,
    paused: false,
    remainingMs: 0,
    event: options.event ?? [],
    revealed: false,
    show: "",
    showTeam: "",
    teams,
    players,
  };
}
