/**
 * The client's end of the wire contract: listening to server messages and sending requests,
 * both typed by the shared maps (shared/protocol/serverMessages.ts for server → client,
 * `clientMessages` in shared/protocol/messages.ts for client → server), so no call site casts.
 * Type imports only from shared/protocol/messages: the client bundle carries no zod.
 */
import type { Room } from "@colyseus/sdk";
import type { ClientMessage, ClientMessageType } from "../../../shared/protocol/messages";
import type {
  RequestAnswer,
  ServerMessages,
  ServerMessageType,
} from "../../../shared/protocol/serverMessages";

/** Calls `handler` with each `type` message from the server; answers a function that stops. */
export function onServer<T extends ServerMessageType>(
  room: Room,
  type: T,
  handler: (message: ServerMessages[T]) => void,
): () => void {
  return room.onMessage(type, handler);
}

/** The next `type` message from the server, or a rejection after `timeoutMs`. */
export function nextServerMessage<T extends ServerMessageType>(
  room: Room,
  type: T,
  timeoutMs: number,
): Promise<ServerMessages[T]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${type} message`));
    }, timeoutMs);
    const off = onServer(room, type, (message) => {
      clearTimeout(timer);
      off();
      resolve(message);
    });
  });
}

/**
 * Sends an intent and resolves with the server's answer (`RequestAnswer<T>`); a refusal rejects
 * with the server's `{ code, message }` as the error's `reason`.
 */
export function requestServer<T extends ClientMessageType>(
  room: Room,
  type: T,
  payload: ClientMessage<T>,
  timeoutMs: number,
): Promise<RequestAnswer<T>> {
  return room.request(type, payload, { timeout: timeoutMs }) as Promise<RequestAnswer<T>>;
}
