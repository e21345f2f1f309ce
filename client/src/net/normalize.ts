/**
 * The synchronized Colyseus state, decoded by reflection, as the plain `RoomView` the screens
 * read. The server's schema (server/rooms/schema.ts) is laid out as `RoomView` but for what keeps
 * it lean, which this undoes and nothing else: names travel as one-byte codes
 * (shared/protocol/wireCodes.ts), turned back into the same strings; a result's quarter is its
 * position in the history, its allocation is packed in one number (`packAllocation`), and its
 * `forced` and `legacy` are left out when 0 (`OMITTED_WHEN_ZERO`); a team's reasons come as two
 * flat arrays (codes, values). A code this client does not know throws (a client older than its
 * server) rather than showing a blank. The wire contract test (test/server/wireContract.test.ts)
 * holds the result to the server's own view of every role.
 */
import type {
  ReasonView,
  RoomView,
  TeamPrivateView,
  TeamView,
  TurnResultView,
} from "../../../shared/protocol/view";
import {
  eventOfCode,
  OMITTED_WHEN_ZERO,
  reasonOfCode,
  sourceOfCode,
  unpackAllocation,
} from "../../../shared/protocol/wireCodes";

/** A RoomView as this client received it: collections are plain records, in the server's order. */
export type ClientView = RoomView;

/** What the SDK hands `onStateChange`: the decoded root schema. */
export interface DecodedState {
  toJSON(): unknown;
}

/** The coded fields as they arrive (the rest is already the view's). */
type Coded<T, K extends keyof T> = Omit<T, K> & { [P in K]: unknown };
type WireResult = Partial<Coded<TurnResultView, "decisionSource" | "events" | "allocation">>;
type WirePrivate = Omit<TeamPrivateView, "reasons"> & {
  reasonCodes: unknown;
  reasonValues: unknown;
};
type WireTeam = Coded<TeamView, "history" | "private">;
type WireRoom = Coded<RoomView, "teams" | "event">;

function codes(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`Expected a list of codes in ${where}`);
  return value;
}

function result(wire: WireResult, index: number, where: string): TurnResultView {
  const out = {
    turn: index + 1,
    ...wire,
    allocation: unpackAllocation(wire.allocation),
    decisionSource: sourceOfCode(wire.decisionSource),
    events: codes(wire.events, where).map(eventOfCode),
  } as TurnResultView;
  for (const id of OMITTED_WHEN_ZERO) out[id] ??= 0;
  return out;
}

function reasons(reasonCodes: unknown, reasonValues: unknown, where: string): ReasonView[] {
  const values = codes(reasonValues, where);
  return codes(reasonCodes, where).map((code, i) => {
    const value = values[i];
    if (typeof value !== "number") throw new Error(`A reason without its value in ${where}`);
    return { ...reasonOfCode(code), value };
  });
}

function team(id: string, wire: WireTeam): TeamView {
  const { history, private: secret, ...fields } = wire;
  const results = codes(history, `team ${id}'s history`) as WireResult[];
  const out: TeamView = {
    ...fields,
    history: results.map((r, i) => result(r, i, `team ${id}'s history`)),
  };
  // Absent for the teams whose hidden part this connection does not see.
  if (secret !== undefined) {
    const { reasonCodes, reasonValues, ...hidden } = secret as WirePrivate;
    out.private = {
      ...hidden,
      reasons: reasons(reasonCodes, reasonValues, `team ${id}'s reasons`),
    };
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
