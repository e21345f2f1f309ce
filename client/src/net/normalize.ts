/**
 * The synchronized Colyseus state, decoded by reflection, as the plain `RoomView` the screens
 * read. The server's schema (server/rooms/schema.ts) is laid out exactly as `RoomView`, so its
 * JSON form is the view: no field is renamed, defaulted or repaired here. The wire contract test
 * (test/server/wireContract.test.ts) holds this to the server's own view of every role, so a
 * field added on one side only fails there rather than being papered over here.
 */
import type { RoomView } from "../../../shared/protocol/view";

/** A RoomView as this client received it: collections are plain records, in the server's order. */
export type ClientView = RoomView;

/** What the SDK hands `onStateChange`: the decoded root schema. */
export interface DecodedState {
  toJSON(): unknown;
}

export function normalizeRoom(state: DecodedState): ClientView {
  return state.toJSON() as ClientView;
}
