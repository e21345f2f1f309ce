/**
 * Every refusal the server can answer, with a stable code. Clients translate by code; tests and
 * docs/protocol.md list these. A refused message changes nothing.
 */
import type { RejectionCode } from "../model/validate";

export const PROTOCOL_ERROR_CODES = [
  "message.unknown",
  "message.invalid",
  "message.too_large",
  "rate.limited",
  "phase.wrong",
  "role.not_facilitator",
  "team.not_member",
  "team.unknown",
  "team.has_humans",
  "player.unknown",
  "allocation.already_submitted",
  "bot.unknown_strategy",
  "timer.not_running",
  "timer.not_paused",
  "join.unknown_code",
  "join.full",
  "join.bad_name",
  "join.bad_token",
  "join.bad_options",
  "join.name_taken",
  "join.ended",
  "join.weak_token",
  "join.no_code",
  "join.not_ready",
  "join.damaged",
  "game.no_players",
  "team.bad_name",
  "debrief.not_yet",
  "debrief.revealed",
  "export.bad_format",
  "server.error",
  // issue 10 (ops): a draining process opens no new room
  "server.draining",
] as const;

export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];
/** Model rejections (allocation.*, event.*, game.over …) travel with their own codes. */
export type ErrorCode = ProtocolErrorCode | RejectionCode;

export interface ErrorMessage {
  code: ErrorCode;
  message: string;
}

/**
 * Join refusals travel as a Colyseus `ServerError` (the SDK throws a `MatchMakeError` with a
 * numeric code and a message). The message starts with the stable code, then ": " and the
 * human text, so clients recover the code with `parseJoinError(error.message)`.
 */
export function formatJoinError(code: ErrorCode, message: string): string {
  return `${code}: ${message}`;
}

export function parseJoinError(message: string): ErrorMessage | undefined {
  const at = message.indexOf(": ");
  const code = at > 0 ? message.slice(0, at) : message;
  const known = (PROTOCOL_ERROR_CODES as readonly string[]).includes(code);
  return known
    ? { code: code as ErrorCode, message: at > 0 ? message.slice(at + 2) : "" }
    : undefined;
}
