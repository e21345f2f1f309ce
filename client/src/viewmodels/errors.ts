/**
 * Every refusal to a readable sentence. Server errors carry a stable code (shared/protocol);
 * matchmaking failures carry the SDK's numeric codes; anything else is a network problem.
 */
import { parseJoinError } from "../../../shared/protocol/errors";
import { hasKey, type MessageKey } from "../i18n/index";

/** Colyseus matchmaking codes (STACK.md): 521 no room, 522 bad/locked id, 524 seat expired. */
const MATCHMAKE: Record<number, MessageKey> = {
  521: "error.join.unknown_code",
  522: "error.join.unknown_code",
  524: "error.timeout",
};

/**
 * Join refusals that waiting will not change: the room is unknown, ended or damaged, or the
 * token is not (any more) ours. A rejoin loop stops on them; a solo game is then forgotten.
 */
const FINAL_JOIN_REFUSALS: readonly MessageKey[] = [
  "error.join.unknown_code",
  "error.join.ended",
  "error.join.bad_token",
  "error.join.damaged",
];

export function isFinalJoinRefusal(key: MessageKey): boolean {
  return FINAL_JOIN_REFUSALS.includes(key);
}

export function errorKey(error: unknown): MessageKey {
  if (typeof error === "string") {
    const key = `error.${error}`;
    return hasKey(key) ? key : "error.generic";
  }
  if (error && typeof error === "object") {
    const e = error as { code?: unknown; reason?: unknown; message?: unknown; data?: unknown };
    // A request refused with ctx.reject({ code, message }) arrives as `reason`.
    if (e.reason !== undefined) return errorKey(e.reason);
    if (e.data && typeof e.data === "object" && "code" in e.data) return errorKey(e.data);
    if (typeof e.code === "string") return errorKey(e.code);
    if (typeof e.code === "number") {
      const mm = MATCHMAKE[e.code];
      if (mm) return mm;
    }
    // Join refusals arrive as matchmaking errors whose message starts with the stable code.
    if (typeof e.message === "string") {
      const parsed = parseJoinError(e.message);
      if (parsed) return errorKey(parsed.code);
      const match = /\b([a-z]+\.[a-z_]+)\b/.exec(e.message);
      if (match?.[1] && hasKey(`error.${match[1]}`)) return `error.${match[1]}` as MessageKey;
      if (/timed? ?out/i.test(e.message)) return "error.timeout";
      if (/fetch|network|ECONNREFUSED|Failed/i.test(e.message)) return "error.network";
      if (/full|locked/i.test(e.message)) return "error.join.full";
      if (/not found|no rooms? found|invalid room/i.test(e.message))
        return "error.join.unknown_code";
    }
  }
  return "error.generic";
}
