/**
 * What each connection should see of a room, built straight from the authoritative session as
 * the plain `RoomView` of shared/protocol/view.ts. The synchronized schema mirrors these same
 * field builders (sync.ts), and the wire contract test holds every real client's decoded state
 * to `roleView` for its seat, so a field added on one side only shows up as a difference.
 */
import {
  emptyAllocation,
  FLOAT32_OUTPUTS,
  NO_SITUATION,
  situationOf,
  type PlayerView,
  type ReasonView,
  type RoomView,
  type TeamPrivateView,
  type TeamView,
  type TurnResultView,
} from "../../shared/index";
import { currentEvents, reasonsOf, teamHistory, type QuarterResult } from "../session/results";
import type { SessionState, TeamSeat } from "../session/types";
import { ALL_TEAMS } from "./views";

/** What the room knows beyond the session: who is connected, draft revisions. */
export interface LiveExtras {
  isConnected(playerId: string): boolean;
  draftRev(teamId: string): number;
}

/** The room's own fields: everything but its teams and players. */
export type RoomFields = Omit<RoomView, "teams" | "players">;

export function roomFields(state: SessionState): RoomFields {
  const { config, game, timer } = state;
  return {
    code: config.code,
    kind: config.kind,
    scenarioId: config.scenarioId,
    language: config.language,
    pacing: state.pacing,
    phase: state.phase,
    turn: game.turn,
    turnsTotal: game.turnsTotal,
    deadline: timer.deadline,
    paused: timer.paused,
    remainingMs: timer.remainingMs,
    event: currentEvents(state),
    revealed: state.revealed,
    show: state.show?.view ?? "",
    showTeam: state.show?.team ?? "",
  };
}

/** A team's public part but its history (which the schema appends quarter by quarter). */
export type TeamFields = Omit<TeamView, "history" | "private">;

export function teamFields(state: SessionState, seat: TeamSeat): TeamFields {
  const modelled = state.game.teams[seat.id];
  const prediction = state.predictions.get(seat.id) ?? "";
  return {
    id: seat.id,
    name: seat.name,
    bot: seat.bot ?? "",
    budget: modelled?.budget ?? 0,
    submitted: seat.decision !== null,
    situation: modelled ? situationOf(modelled) : { ...NO_SITUATION },
    // The debrief answer: public that the team answered, and what, once revealed.
    predicted: prediction !== "",
    prediction: state.revealed ? prediction : "",
  };
}

/** The value a float32 field decodes to: what the server's own view must hold too. */
const float32 = Math.fround;

/**
 * A revealed quarter as the synchronized state carries it: without its reasons (they travel
 * only to the team, `lastReasons`) and with the float32 outputs rounded as the wire rounds them.
 */
export function wireResult(result: QuarterResult): TurnResultView {
  const { reasons: _reasons, ...view } = result;
  for (const id of FLOAT32_OUTPUTS) view[id] = float32(view[id]);
  return view;
}

/** Why the team's gauges moved in its last revealed quarter, values as float32 (none yet: []). */
export function lastReasons(state: SessionState, teamId: string): ReasonView[] {
  const records = state.game.history[teamId] ?? [];
  const last = records[records.length - 1];
  if (!last) return [];
  return reasonsOf(last).map((r) => ({ ...r, value: float32(r.value) }));
}

/** The secret part but its reasons (which sync.ts rebuilds only when a quarter is revealed). */
export type TeamSecret = Omit<TeamPrivateView, "reasons">;

/** The secret part: only the team's members and the facilitator receive it. */
export function teamPrivate(state: SessionState, seat: TeamSeat, extras: LiveExtras): TeamSecret {
  return {
    draft: { ...(seat.draft ?? emptyAllocation()) },
    draftBy: seat.draftBy,
    draftRev: extras.draftRev(seat.id),
    submitted: seat.decision !== null,
    decision: { ...(seat.decision ?? emptyAllocation()) },
    prediction: state.predictions.get(seat.id) ?? "",
  };
}

export function playerView(
  id: string,
  seat: { name: string; teamId: string },
  extras: LiveExtras,
): PlayerView {
  return { id, name: seat.name, teamId: seat.teamId, connected: extras.isConnected(id) };
}

/**
 * The room as a connection seeing through the shared view `viewKey` (views.ts) decodes it:
 * every team's private part for "*", one team's for its id, none for "".
 */
export function roleView(state: SessionState, extras: LiveExtras, viewKey: string): RoomView {
  const teams: Record<string, TeamView> = {};
  for (const id of state.game.teamIds) {
    const seat = state.teams.get(id);
    if (!seat) continue;
    const history = teamHistory(state, id).map(wireResult);
    const team: TeamView = { ...teamFields(state, seat), history };
    if (viewKey === ALL_TEAMS || viewKey === id) {
      team.private = { ...teamPrivate(state, seat, extras), reasons: lastReasons(state, id) };
    }
    teams[id] = team;
  }
  const players: Record<string, PlayerView> = {};
  for (const id of state.playerOrder) {
    const seat = state.players.get(id);
    if (seat) players[id] = playerView(id, seat, extras);
  }
  return { ...roomFields(state), teams, players };
}
