/**
 * The session reducer: `plan(state, envelope)` checks an action against role, phase and rules
 * and returns either a refusal (state untouched) or a commit. `replaySession` rebuilds a
 * session from its config and log through exactly the same path, which is what makes the
 * event-sourced store and the restart guarantee work.
 */
import { createSession } from "./config";
import { planPredict, planReveal, planShow } from "./debrief";
import { planAdjust, planAllocation, refuse } from "./decisions";
import {
  planEnd,
  planExpire,
  planExtend,
  planInject,
  planNext,
  planPacing,
  planPause,
  planResume,
  planStart,
} from "./flow";
import { authorize } from "./permissions";
import { planBot, planJoin, planLeave, planMove, planRename } from "./roster";
import type { Envelope, Plan, Refusal, SessionConfig, SessionState } from "./types";

function actingPlayer(envelope: Envelope): string {
  return envelope.by.kind === "player" ? envelope.by.playerId : "";
}

function route(state: SessionState, envelope: Envelope): Plan {
  const { action, at } = envelope;
  switch (action.type) {
    case "player.join":
      return planJoin(state, action.playerId, action.name, action.tokenHash);
    case "player.leave":
      return planLeave(state, action.playerId);
    case "team.join":
      return planMove(state, actingPlayer(envelope), action.teamId, true);
    case "allocation.set":
      return planAllocation(state, actingPlayer(envelope), action.allocation, false);
    case "allocation.submit":
      return planAllocation(state, actingPlayer(envelope), action.allocation, true);
    case "allocation.adjust":
      return planAdjust(state, actingPlayer(envelope), action.bucket, action.delta);
    case "game.start":
      return planStart(state);
    case "phase.next":
      return planNext(state, at);
    case "timer.pause":
      return planPause(state, at);
    case "timer.resume":
      return planResume(state, at);
    case "timer.extend":
      return planExtend(state, action.seconds);
    case "timer.expire":
      return planExpire(state, at);
    case "event.inject":
      return planInject(state, action.eventId, action.teams);
    case "team.rename":
      return planRename(state, action.teamId, action.name);
    case "player.move":
      return planMove(state, action.playerId, action.teamId, false);
    case "team.bot":
      return planBot(state, action.teamId, action.strategy);
    case "pacing.set":
      return planPacing(state, action.pacing);
    case "game.end":
      return planEnd(state, at);
    case "debrief.predict":
      return planPredict(state, actingPlayer(envelope), action.lever);
    case "debrief.reveal":
      return planReveal(state);
    case "debrief.show":
      return planShow(state, action.view, action.team);
    default: {
      const unknown: never = action;
      return refuse("message.unknown", `Unknown action ${JSON.stringify(unknown).slice(0, 60)}.`);
    }
  }
}

/**
 * Checks an action; the returned commit applies it. Counting it in `seq` is the logger's job
 * (`apply` here, the room when it appends), because a room may fold several draft edits of one
 * team into one logged entry.
 */
export function plan(state: SessionState, envelope: Envelope): Plan {
  const denied = authorize(state, envelope);
  if (denied) return { ok: false, error: denied };
  return route(state, envelope);
}

/** Plan, commit and count in one go (tests and replay). */
export function apply(state: SessionState, envelope: Envelope): Refusal | null {
  const planned = plan(state, envelope);
  if (!planned.ok) return planned.error;
  planned.commit();
  state.seq += 1;
  return null;
}

/** Rebuilds a session from its log; a refused entry means the log and the code disagree. */
export function replaySession(config: SessionConfig, log: readonly Envelope[]): SessionState {
  const state = createSession(config);
  log.forEach((envelope, index) => {
    const refused = apply(state, envelope);
    if (refused) {
      throw new Error(`Log entry ${index + 1} (${envelope.action.type}) refused: ${refused.code}`);
    }
  });
  return state;
}
