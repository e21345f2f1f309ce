/**
 * The synchronized Colyseus state, decoded by reflection, as the plain `RoomView` the screens
 * read. The server's schema (server/rooms/schema.ts) is laid out as `RoomView`, except that names
 * travel as one-byte codes (shared/protocol/wireCodes.ts): this turns them back into the same
 * strings, and nothing else is renamed, defaulted or repaired. A code this client does not know
 * throws (a client older than its server), rather than showing a blank. The wire contract test
 * (test/server/wireContract.test.ts) holds the result to the server's own view of every role.
 */
import type {
  ReasonView,
  RoomView,
  TeamPrivateView,
  TeamView,
  TurnResultView,
} from "../../../shared/protocol/view";
import {
  causeOfCode,
  eventOfCode,
  gaugeOfCode,
  sourceOfCode,
} from "../../../shared/protocol/wireCodes";

/** A RoomView as this client received it: collections are plain records, in the server's order. */
export type ClientView = RoomView;

/** What the SDK hands `onStateChange`: the decoded root schema. */
export interface DecodedState {
  toJSON(): unknown;
}

/** The coded fields as they arrive (the rest is already the view's). */
type Coded<T, K extends keyof T> = Omit<T, K> & { [P in K]: unknown };
type WireResult = Coded<TurnResultView, "decisionSource" | "events">;
type WireReason = Coded<ReasonView, "gauge" | "cause">;
type WirePrivate = Coded<TeamPrivateView, "reasons">;
type WireTeam = Coded<TeamView, "history" | "private">;
type WireRoom = Coded<RoomView, "teams" | "event">;

function codes(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`Expected a list of codes in ${where}`);
  return value;
}

function result(wire: WireResult, where: string): TurnResultView {
  return {
    ...wire,
    decisionSource: sourceOfCode(wire.decisionSource),
    events: codes(wire.events, where).map(eventOfCode),
  };
}

function reason(wire: WireReason): ReasonView {
  return { ...wire, gauge: gaugeOfCode(wire.gauge), cause: causeOfCode(wire.cause) };
}

function team(id: string, wire: WireTeam): TeamView {
  const { history, private: secret, ...fields } = wire;
  const results = codes(history, `team ${id}'s history`) as WireResult[];
  const out: TeamView = { ...fields, history: results.map((r) => result(r, `team ${id}`)) };
  // Absent for the teams whose hidden part this connection does not see.
  if (secret !== undefined) {
    const hidden = secret as WirePrivate;
    const reasons = codes(hidden.reasons, `team ${id}'s reasons`) as WireReason[];
    out.private = { ...hidden, reasons: reasons.map(reason) };
  }
  return out;
}

export function normalizeRoom(state: DecodedState): ClientView {
  const wire = state.toJSON() as WireRoom;
  const teams: Record<string, TeamView> = {};
  for (const [id, t] of Object.entries(wire.teams as Record<string, WireTeam>)) {
    teams[id] = team(id, t);
  }
  return { ...wire, event: codes(wire.event, "the room's events").map(eventOfCode), teams };
}
