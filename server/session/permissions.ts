/**
 * Who may do what. One table, checked before any rule, so "a participant cannot act as
 * facilitator or for another team" holds for every action, including ones added later.
 */
import { FACILITATOR_MESSAGES, SOLO_LEARNER_MESSAGES } from "../../shared/index";
import type { ActionType, Envelope, Refusal, SessionState } from "./types";

// The facilitator's messages are listed once, in the protocol.
const FACILITATOR_ONLY: ReadonlySet<ActionType> = new Set<ActionType>(FACILITATOR_MESSAGES);

/** Done by the server itself: joins, leaves and timer expiry never come from a message. */
const SYSTEM_ONLY: ReadonlySet<ActionType> = new Set<ActionType>([
  "player.join",
  "player.leave",
  "timer.expire",
]);

/** A solo learner runs their own pace: these facilitator actions are theirs too. */
const SOLO_LEARNER: ReadonlySet<ActionType> = new Set<ActionType>(SOLO_LEARNER_MESSAGES);

export function isFacilitatorAction(type: ActionType): boolean {
  return FACILITATOR_ONLY.has(type);
}

export function authorize(state: SessionState, envelope: Envelope): Refusal | null {
  const { by, action } = envelope;
  if (by.kind === "system") return null;
  if (SYSTEM_ONLY.has(action.type)) {
    return { code: "message.unknown", message: `"${action.type}" is not a client action.` };
  }
  if (by.kind === "facilitator") {
    if (FACILITATOR_ONLY.has(action.type)) return null;
    return { code: "team.not_member", message: "The facilitator does not play in a team." };
  }
  if (!state.players.has(by.playerId)) {
    return { code: "player.unknown", message: "Unknown player." };
  }
  if (FACILITATOR_ONLY.has(action.type)) {
    if (state.config.kind === "solo" && SOLO_LEARNER.has(action.type)) return null;
    return { code: "role.not_facilitator", message: "Only the facilitator may do this." };
  }
  return null;
}
