/**
 * Copies the session into the synchronized schema after every accepted action. The copy is a
 * plain mirror of roleView.ts's field builders (schema setters ignore unchanged values, so only
 * real changes travel); history only ever grows, so new quarters are appended, not rebuilt.
 */
import {
  BUCKET_IDS,
  eventCode,
  OMITTED_WHEN_ZERO,
  packAllocation,
  reasonCode,
  sourceCode,
  type Allocation,
  type CauseId,
  type EventId,
  type TurnResultView,
} from "../../shared/index";
import { turnResult } from "../session/results";
import type { SessionState, TeamSeat } from "../session/types";
import {
  lastReasons,
  playerView,
  roomFields,
  teamFields,
  teamPrivate,
  wireResult,
  type LiveExtras,
} from "./roleView";
import {
  AllocationState,
  PlayerState,
  SituationState,
  TeamPrivateState,
  TeamState,
  TurnResultState,
  type RoomState,
} from "./schema";

function copyAllocation(target: AllocationState, source: Allocation): void {
  for (const id of BUCKET_IDS) target[id] = source[id];
}

function toResultState(view: TurnResultView): TurnResultState {
  const out = new TurnResultState();
  out.engagement = view.engagement;
  out.reach = view.reach;
  out.buzzVolatility = view.buzzVolatility;
  out.trust = view.trust;
  out.kpi = view.kpi;
  out.ssv = view.ssv;
  out.score = view.score;
  out.allocation = packAllocation(view.allocation);
  // Unset fields cost nothing; the normaliser reads them as 0.
  for (const id of OMITTED_WHEN_ZERO) if (view[id] !== 0) out[id] = view[id];
  out.decisionSource = sourceCode(view.decisionSource);
  out.events.push(...view.events.map((e) => eventCode(e as EventId)));
  return out;
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
  const { situation, ...fields } = teamFields(state, seat);
  Object.assign(target, fields);
  Object.assign(target.situation, situation);
  const records = state.game.history[seat.id] ?? [];
  const revealed = target.history.length !== records.length;
  if (target.history.length > records.length) target.history.clear();
  for (let i = target.history.length; i < records.length; i++) {
    const source = state.sources[i]?.[seat.id] ?? "default";
    target.history.push(toResultState(wireResult(turnResult(records[i]!, source))));
  }
  const { draft, decision, ...secret } = teamPrivate(state, seat, extras);
  Object.assign(target.private, secret);
  copyAllocation(target.private.draft, draft);
  copyAllocation(target.private.decision, decision);
  // The last quarter's reasons change only when a quarter is revealed (or history is rebuilt).
  if (revealed) {
    const reasons = lastReasons(state, seat.id);
    target.private.reasonCodes.clear();
    target.private.reasonValues.clear();
    target.private.reasonCodes.push(...reasons.map((r) => reasonCode(r.gauge, r.cause as CauseId)));
    target.private.reasonValues.push(...reasons.map((r) => r.value));
  }
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

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function syncRoomState(target: RoomState, state: SessionState, extras: LiveExtras): void {
  const { event: ids, ...fields } = roomFields(state);
  Object.assign(target, fields);
  const event = ids.map((e) => eventCode(e as EventId));
  if (!sameList([...target.event], event)) {
    target.event.clear();
    target.event.push(...event);
  }
  const { game } = state;
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
    Object.assign(player, playerView(id, seat, extras));
  }
}
