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
  "debrief.not_yet",
  "export.bad_format",
  "server.error",
] as const;

export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];
/** Model rejections (allocation.*, event.*, game.over …) travel with their own codes. */
export type ErrorCode = ProtocolErrorCode | RejectionCode;

export interface ErrorMessage {
  code: ErrorCode;
  message: string;
}
