/**
 * The facilitator's hand on the game: phases (lobby → briefing → decision → results → … →
 * debrief → ended), the decision timer, injected events and pacing. Time comes in with each
 * action (`at`), never from a clock here, so a replayed log lands on the same deadlines.
 */
import {
  isFinished,
  validateInjected,
  type EventId,
  type Pacing,
  type StrategyId,
} from "../../shared/index";
import { openDecision, refuse, resolve, resolveIfReady } from "./decisions";
import { teamsNobodyPlays } from "./roster";
import type { Plan, SessionState } from "./types";

export function endSession(state: SessionState, at: number): void {
  state.phase = "ended";
  state.endedAt = at;
  state.timer = { deadline: 0, paused: false, remainingMs: 0 };
}

/** Who plays a team nobody joined once the game starts: a steady, readable rival. */
export const STAND_IN_BOT: StrategyId = "balanced";

/**
 * Starting needs at least one participant (or a team the facilitator gave a bot); a team
 * nobody joined is handed to a bot, and the room says so, rather than playing defaults.
 */
export function planStart(state: SessionState): Plan {
  if (state.phase !== "lobby") return refuse("phase.wrong", "The game has already started.");
  const empty = teamsNobodyPlays(state);
  if (empty.length === state.game.teamIds.length) {
    return refuse(
      "game.no_players",
      "Nobody has joined yet: wait for participants, or give teams a bot.",
    );
  }
  return {
    ok: true,
    commit: () => {
      for (const id of empty) {
        const team = state.teams.get(id);
        if (team) team.bot = STAND_IN_BOT;
      }
      state.phase = "briefing";
    },
  };
}

export function planNext(state: SessionState, at: number): Plan {
  switch (state.phase) {
    case "lobby":
      return refuse("phase.wrong", "Start the game first (game.start).");
    case "briefing":
      return { ok: true, commit: () => openDecision(state, at) };
    case "decision":
      return { ok: true, commit: () => resolve(state) };
    case "results":
      return {
        ok: true,
        commit: () => void (state.phase = isFinished(state.game) ? "debrief" : "briefing"),
      };
    case "debrief":
      return { ok: true, commit: () => endSession(state, at) };
    case "ended":
      return refuse("phase.wrong", "The workshop has ended.");
  }
}

export function planEnd(state: SessionState, at: number): Plan {
  if (state.phase === "ended") return refuse("phase.wrong", "The workshop has already ended.");
  return { ok: true, commit: () => endSession(state, at) };
}

export function planPacing(state: SessionState, pacing: Pacing): Plan {
  if (state.phase === "ended") return refuse("phase.wrong", "The workshop has ended.");
  return {
    ok: true,
    commit: () => {
      state.pacing = pacing;
      resolveIfReady(state);
    },
  };
}

export function planInject(state: SessionState, eventId: EventId, teams?: string[]): Plan {
  const open = ["lobby", "briefing", "decision", "results"].includes(state.phase);
  if (!open || isFinished(state.game)) {
    return refuse("phase.wrong", "No quarter is left to strike.");
  }
  const checked = validateInjected(state.game, [
    teams ? { event: eventId, teams } : { event: eventId },
  ]);
  if (!checked.ok) return refuse(checked.error.code, checked.error.message);
  return { ok: true, commit: () => void state.pendingInjected.push(...checked.value) };
}

function inDecision(state: SessionState): Plan | null {
  return state.phase === "decision"
    ? null
    : refuse("phase.wrong", "The timer runs during the decision phase only.");
}

export function planPause(state: SessionState, at: number): Plan {
  const wrong = inDecision(state);
  if (wrong) return wrong;
  const { timer } = state;
  if (timer.paused || timer.deadline === 0) return refuse("timer.not_running", "No timer runs.");
  return {
    ok: true,
    commit: () => {
      state.timer = { deadline: 0, paused: true, remainingMs: Math.max(0, timer.deadline - at) };
    },
  };
}

export function planResume(state: SessionState, at: number): Plan {
  const wrong = inDecision(state);
  if (wrong) return wrong;
  const { timer } = state;
  if (!timer.paused) return refuse("timer.not_paused", "The timer is not paused.");
  return {
    ok: true,
    commit: () => {
      state.timer = { deadline: at + timer.remainingMs, paused: false, remainingMs: 0 };
    },
  };
}

export function planExtend(state: SessionState, seconds: number): Plan {
  const wrong = inDecision(state);
  if (wrong) return wrong;
  const { timer } = state;
  if (!timer.paused && timer.deadline === 0) return refuse("timer.not_running", "No timer runs.");
  return {
    ok: true,
    commit: () => {
      if (timer.paused) timer.remainingMs += seconds * 1000;
      else timer.deadline += seconds * 1000;
    },
  };
}

/** The room clock fired: valid only if the deadline it was set for still stands. */
export function planExpire(state: SessionState, at: number): Plan {
  const { timer } = state;
  if (state.phase !== "decision" || timer.paused || timer.deadline === 0 || at < timer.deadline) {
    return refuse("timer.not_running", "The deadline has moved.");
  }
  return { ok: true, commit: () => resolve(state) };
}
