/**
 * Copies the session into the synchronized schema after every accepted action. The copy is a
 * plain mirror (schema setters ignore unchanged values, so only real changes travel); history
 * only ever grows, so new quarters are appended rather than rebuilt.
 */
import {
  BUCKET_IDS,
  emptyAllocation,
  NO_SITUATION,
  situationOf,
  type Allocation,
  type TurnResultView,
} from "../../shared/index";
import { currentEvents, turnResult } from "../session/results";
import type { SessionState, TeamSeat } from "../session/types";
import {
  AllocationState,
  PlayerState,
  ReasonState,
  SituationState,
  TeamPrivateState,
  TeamState,
  TurnResultState,
  type RoomState,
} from "./schema";

function copyAllocation(target: AllocationState, source: Allocation | null): void {
  const from = source ?? emptyAllocation();
  for (const id of BUCKET_IDS) target[id] = from[id];
}

function toResultState(view: TurnResultView): TurnResultState {
  const out = new TurnResultState();
  out.turn = view.turn;
  out.engagement = view.engagement;
  out.reach = view.reach;
  out.buzzVolatility = view.buzzVolatility;
  out.trust = view.trust;
  out.kpi = view.kpi;
  out.ssv = view.ssv;
  out.score = view.score;
  out.legacy = view.legacy;
  out.allocation = new AllocationState();
  copyAllocation(out.allocation, view.allocation);
  out.forced = view.forced;
  out.decisionSource = view.decisionSource;
  out.events.push(...view.events);
  for (const r of view.reasons) {
    const reason = new ReasonState();
    reason.gauge = r.gauge;
    reason.cause = r.cause;
    reason.value = r.value;
    out.reasons.push(reason);
  }
  return out;
}

/** What the room knows beyond the session: who is connected, draft revisions. */
export interface LiveExtras {
  isConnected(playerId: string): boolean;
  draftRev(teamId: string): number;
}

function newTeam(id: string): TeamState {
  const team = new TeamState();
  team.id = id;
  team.situation = new SituationState();
  team.private = new TeamPrivateState();
  team.private.draft = new AllocationState();
  team.private.decision = new AllocationState();
  return team;
}

function syncTeam(
  target: TeamState,
  state: SessionState,
  seat: TeamSeat,
  extras: LiveExtras,
): void {
  target.name = seat.name;
  target.bot = seat.bot ?? "";
  const modelled = state.game.teams[seat.id];
  target.budget = modelled?.budget ?? 0;
  const situation = modelled ? situationOf(modelled) : NO_SITUATION;
  Object.assign(target.situation, situation);
  target.submitted = seat.decision !== null;
  const records = state.game.history[seat.id] ?? [];
  if (target.history.length > records.length) target.history.clear();
  for (let i = target.history.length; i < records.length; i++) {
    const source = state.sources[i]?.[seat.id] ?? "default";
    target.history.push(toResultState(turnResult(records[i]!, source)));
  }
  const secret = target.private;
  copyAllocation(secret.draft, seat.draft);
  secret.draftBy = seat.draftBy;
  secret.draftRev = extras.draftRev(seat.id);
  secret.submitted = seat.decision !== null;
  copyAllocation(secret.decision, seat.decision);
  // The debrief answer: its members and the facilitator see it at once, everyone at the reveal.
  const prediction = state.predictions.get(seat.id) ?? "";
  target.predicted = prediction !== "";
  target.prediction = state.revealed ? prediction : "";
  secret.prediction = prediction;
}

/** Only one team's part (a draft or submission that changed nothing else). */
export function syncTeamState(
  target: RoomState,
  state: SessionState,
  teamId: string,
  extras: LiveExtras,
): void {
  const team = target.teams.get(teamId);
  const seat = state.teams.get(teamId);
  if (team && seat) syncTeam(team, state, seat, extras);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function syncRoomState(target: RoomState, state: SessionState, extras: LiveExtras): void {
  const { config, game, timer } = state;
  target.code = config.code;
  target.kind = config.kind;
  target.scenarioId = config.scenarioId;
  target.language = config.language;
  target.pacing = state.pacing;
  target.phase = state.phase;
  target.turn = game.turn;
  target.turnsTotal = game.turnsTotal;
  target.deadline = timer.deadline;
  target.paused = timer.paused;
  target.remainingMs = timer.remainingMs;
  target.revealed = state.revealed;
  target.show = state.show?.view ?? "";
  target.showTeam = state.show?.team ?? "";
  const events = currentEvents(state);
  if (!sameList([...target.event], events)) {
    target.event.clear();
    target.event.push(...events);
  }
  for (const id of game.teamIds) {
    let team = target.teams.get(id);
    if (!team) {
      team = newTeam(id);
      target.teams.set(id, team);
    }
    const seat = state.teams.get(id);
    if (seat) syncTeam(team, state, seat, extras);
  }
  for (const id of [...target.players.keys()]) {
    if (!state.players.has(id)) target.players.delete(id);
  }
  for (const id of state.playerOrder) {
    const seat = state.players.get(id);
    if (!seat) continue;
    let player = target.players.get(id);
    if (!player) {
      player = new PlayerState();
      player.id = id;
      target.players.set(id, player);
    }
    player.name = seat.name;
    player.teamId = seat.teamId;
    player.connected = extras.isConnected(id);
  }
}
