/**
 * The one way the rooms send a message to a client: the payload is checked against the wire's
 * map of server → client messages (shared/protocol/serverMessages.ts), which the client's
 * `onServer` reads too.
 */
import type { ServerMessages, ServerMessageType } from "../../shared/protocol/serverMessages";
import type { ElanClient } from "./deps";

export function sendTo<T extends ServerMessageType>(
  client: ElanClient,
  type: T,
  message: ServerMessages[T],
): void {
  client.send(type, message);
}
