/**
 * Predict, then reveal (the Beer Game's trick): before the debrief shows which levers the
 * attribution credits, each team answers "which lever mattered most for us?". Any member may
 * answer or change the team's answer (the last one counts) until the facilitator — in solo, the
 * learner — reveals; from then on the answers are frozen and everyone sees them.
 */
import { ROOM_ONLY_SCREENS, type BucketId, type DebriefScreen } from "../../shared/index";
import { refuse } from "./decisions";
import type { Plan, SessionState } from "./types";

export function planPredict(state: SessionState, playerId: string, lever: BucketId): Plan {
  if (state.phase !== "debrief") {
    return refuse("phase.wrong", "Teams answer at the start of the debrief.");
  }
  const teamId = state.players.get(playerId)?.teamId;
  if (teamId === undefined || !state.teams.has(teamId)) {
    return refuse("team.not_member", "You are not in a team.");
  }
  if (state.revealed) {
    return refuse("debrief.revealed", "The answers have been revealed: they can no longer change.");
  }
  return { ok: true, commit: () => void state.predictions.set(teamId, lever) };
}

/** Revealing is once: a workshop that ended before it may still reveal. */
export function planReveal(state: SessionState): Plan {
  if (state.phase !== "debrief" && state.phase !== "ended") {
    return refuse("phase.wrong", "The answers are revealed during the debrief.");
  }
  if (state.revealed) return refuse("debrief.revealed", "The answers are already revealed.");
  return { ok: true, commit: () => void (state.revealed = true) };
}

/**
 * The facilitator picks what the projector shows; any number of times, during the debrief or
 * after the end. A team must be one of the room's, and only for screens that can be about one.
 */
export function planShow(state: SessionState, view: DebriefScreen, team: string | undefined): Plan {
  if (state.phase !== "debrief" && state.phase !== "ended") {
    return refuse("phase.wrong", "The projector follows the debrief once the game is over.");
  }
  if (team !== undefined) {
    if (!state.teams.has(team)) return refuse("team.unknown", "Unknown team.");
    if (ROOM_ONLY_SCREENS.includes(view)) {
      return refuse("message.invalid", `"${view}" is about every team: send it without a team.`);
    }
  }
  return { ok: true, commit: () => void (state.show = { view, team: team ?? "" }) };
}
