/**
 * A quarter's decisions: drafts and submissions during the decision phase, bots deciding when
 * the phase opens, and the resolution that turns whatever each team has (decision, else last
 * draft, else the scenario's default) into one `step` of the shared simulation.
 */
import {
  allocationTotal,
  botDecision,
  emptyAllocation,
  fitToBudget,
  step,
  validateAllocation,
  type Allocation,
  type BucketId,
  type DecisionSource,
} from "../../shared/index";
import type { Plan, Refusal, SessionState, TeamSeat } from "./types";

export const refuse = (code: Refusal["code"], message: string): Plan => ({
  ok: false,
  error: { code, message },
});

/** A team the config created (every id in `game.teamIds` has a seat). */
export function teamSeat(state: SessionState, teamId: string): TeamSeat {
  const team = state.teams.get(teamId);
  if (!team) throw new Error(`No seat for team "${teamId}".`);
  return team;
}

export function budgetOf(state: SessionState, teamId: string): number {
  return state.game.teams[teamId]?.budget ?? 0;
}

export function allDecided(state: SessionState): boolean {
  return state.game.teamIds.every((id) => state.teams.get(id)?.decision !== null);
}

/** A bot takes its seat's decision if the team has none yet (decision phase only). */
export function botDecides(state: SessionState, team: TeamSeat): void {
  if (state.phase !== "decision" || team.bot === null || team.decision !== null) return;
  team.decision = botDecision(state.game, team.id, team.bot);
  team.decisionSource = "bot";
}

export function openDecision(state: SessionState, at: number): void {
  state.phase = "decision";
  const seconds = state.config.decisionSeconds;
  state.timer =
    seconds > 0
      ? { deadline: at + seconds * 1000, paused: false, remainingMs: 0 }
      : { deadline: 0, paused: false, remainingMs: 0 };
  for (const team of state.teams.values()) botDecides(state, team);
  resolveIfReady(state);
}

/** Automatic pacing: the quarter resolves as soon as every team has decided. */
export function resolveIfReady(state: SessionState): void {
  if (state.phase === "decision" && state.pacing === "auto" && allDecided(state)) resolve(state);
}

/**
 * Resolves the quarter being decided. Every input was validated when it was accepted (drafts
 * and decisions against this quarter's budget, injected events against the teams), so a
 * failing `step` is a bug, not bad input: it throws rather than half-applying.
 */
export function resolve(state: SessionState): void {
  const decisions: Record<string, Allocation> = {};
  const sources: Record<string, DecisionSource> = {};
  for (const id of state.game.teamIds) {
    const team = teamSeat(state, id);
    if (team.decision) {
      decisions[id] = team.decision;
      sources[id] = team.decisionSource ?? "submitted";
    } else if (team.draft) {
      decisions[id] = team.draft;
      sources[id] = "draft";
    } else {
      decisions[id] = fitToBudget(state.game.scenario.defaultAllocation, budgetOf(state, id));
      sources[id] = "default";
    }
  }
  const result = step(state.game, decisions, state.pendingInjected);
  if (!result.ok) throw new Error(`Resolution failed: ${result.error.message}`);
  state.game = result.game;
  state.sources.push(sources);
  for (const team of state.teams.values()) {
    team.draft = null;
    team.draftBy = "";
    team.decision = null;
    team.decisionSource = null;
  }
  state.pendingInjected = [];
  state.timer = { deadline: 0, paused: false, remainingMs: 0 };
  state.phase = "results";
}

/** The acting player's team, checked for the decision phase and an open decision. */
function openTeam(state: SessionState, playerId: string): TeamSeat | Refusal {
  if (state.phase !== "decision") {
    return { code: "phase.wrong", message: "Allocations are accepted during the decision phase." };
  }
  const teamId = state.players.get(playerId)?.teamId;
  const team = teamId === undefined ? undefined : state.teams.get(teamId);
  if (!team) return { code: "team.not_member", message: "You are not in a team." };
  if (team.decision !== null) {
    return {
      code: "allocation.already_submitted",
      message: "Your team has already submitted.",
    };
  }
  return team;
}

export function planAllocation(
  state: SessionState,
  playerId: string,
  input: unknown,
  submit: boolean,
): Plan {
  const team = openTeam(state, playerId);
  if ("code" in team) return { ok: false, error: team };
  const checked = validateAllocation(input, budgetOf(state, team.id));
  if (!checked.ok) return refuse(checked.error.code, checked.error.message);
  const allocation = checked.value;
  return {
    ok: true,
    commit: () => {
      team.draft = allocation;
      team.draftBy = playerId;
      if (submit) {
        team.decision = allocation;
        team.decisionSource = "submitted";
        resolveIfReady(state);
      }
    },
  };
}

/**
 * A draft edit as an operation: `delta` tokens on one bucket of the team's one draft (an empty
 * draft when nobody has touched it yet). Teammates' operations compose instead of overwriting
 * each other; one that cannot apply at all (no free token, nothing to take) is refused.
 */
export function planAdjust(
  state: SessionState,
  playerId: string,
  bucket: BucketId,
  delta: number,
): Plan {
  const team = openTeam(state, playerId);
  if ("code" in team) return { ok: false, error: team };
  const draft = team.draft ?? emptyAllocation();
  const free = budgetOf(state, team.id) - allocationTotal(draft);
  const change = delta > 0 ? Math.min(delta, free) : Math.max(delta, -draft[bucket]);
  if (change === 0) {
    return delta > 0
      ? refuse("allocation.over_budget", "Every token of the budget is already placed.")
      : refuse("allocation.negative", `No token left to take from "${bucket}".`);
  }
  const allocation = { ...draft, [bucket]: draft[bucket] + change };
  return {
    ok: true,
    commit: () => {
      team.draft = allocation;
      team.draftBy = playerId;
    },
  };
}
