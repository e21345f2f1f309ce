/**
 * Seats: players joining (auto-balanced), leaving the lobby, choosing or being moved to a team,
 * team names and bots. A team with humans is played by them; a bot only fills an empty team,
 * and steps aside as soon as a human lands in it.
 */
import { checkName, type StrategyId } from "../../shared/index";
import { botDecides, refuse, resolveIfReady } from "./decisions";
import type { Plan, SessionState, TeamSeat } from "./types";

export function membersOf(state: SessionState, teamId: string): string[] {
  return state.playerOrder.filter((id) => state.players.get(id)?.teamId === teamId);
}

/** Teams with neither a participant nor a bot, in team order. */
export function teamsNobodyPlays(state: SessionState): string[] {
  return state.game.teamIds.filter(
    (id) => state.teams.get(id)?.bot === null && membersOf(state, id).length === 0,
  );
}

/** The team a newcomer lands in: fewest humans, preferring teams no bot plays; ties by order. */
export function pickTeam(state: SessionState): string {
  const ids = state.game.teamIds;
  const humanTeams = ids.filter((id) => state.teams.get(id)?.bot === null);
  const pool = humanTeams.length > 0 ? humanTeams : ids;
  let best = pool[0] as string;
  let bestCount = Infinity;
  for (const id of pool) {
    const count = membersOf(state, id).length;
    if (count < bestCount) {
      best = id;
      bestCount = count;
    }
  }
  return best;
}

function seatIn(state: SessionState, playerId: string, teamId: string): void {
  const player = state.players.get(playerId);
  const team = state.teams.get(teamId);
  if (!player || !team) return;
  player.teamId = teamId;
  team.bot = null;
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export function planJoin(
  state: SessionState,
  playerId: string,
  rawName: string,
  tokenHash: string,
): Plan {
  if (state.phase === "ended") return refuse("join.ended", "This workshop has ended.");
  const name = checkName(rawName);
  if (!name.ok) return refuse("join.bad_name", `The name is ${name.reason.replace("_", " ")}.`);
  if ([...state.players.values()].some((p) => sameName(p.name, name.name))) {
    return refuse("join.name_taken", "Someone already uses this name in the room.");
  }
  if (state.playerOrder.length >= state.config.maxPlayers) {
    return refuse("join.full", "The room is full.");
  }
  if (playerId.startsWith("@") || state.players.has(playerId)) {
    return refuse("server.error", "Player id clash.");
  }
  return {
    ok: true,
    commit: () => {
      const teamId = pickTeam(state);
      state.players.set(playerId, { id: playerId, name: name.name, teamId, tokenHash });
      state.playerOrder.push(playerId);
      seatIn(state, playerId, teamId);
    },
  };
}

/** Only a lobby seat is given up on a deliberate leave; in game, the seat waits for its owner. */
export function planLeave(state: SessionState, playerId: string): Plan {
  if (state.phase !== "lobby") return refuse("phase.wrong", "Seats are kept once the game runs.");
  if (!state.players.has(playerId)) return refuse("player.unknown", "Unknown player.");
  return {
    ok: true,
    commit: () => {
      state.players.delete(playerId);
      state.playerOrder = state.playerOrder.filter((id) => id !== playerId);
    },
  };
}

export function planMove(
  state: SessionState,
  playerId: string,
  teamId: string,
  lobbyOnly: boolean,
): Plan {
  if (lobbyOnly && state.phase !== "lobby") {
    return refuse("phase.wrong", "Teams can be chosen in the lobby only.");
  }
  if (state.phase === "ended") return refuse("phase.wrong", "The workshop has ended.");
  if (!state.players.has(playerId)) return refuse("player.unknown", "Unknown player.");
  if (!state.teams.has(teamId)) return refuse("team.unknown", "Unknown team.");
  return { ok: true, commit: () => seatIn(state, playerId, teamId) };
}

export function planRename(state: SessionState, teamId: string, rawName: string): Plan {
  const team = state.teams.get(teamId);
  if (!team) return refuse("team.unknown", "Unknown team.");
  if (state.phase === "ended") return refuse("phase.wrong", "The workshop has ended.");
  const name = checkName(rawName);
  if (!name.ok) return refuse("team.bad_name", `The name is ${name.reason.replace("_", " ")}.`);
  return { ok: true, commit: () => void (team.name = name.name) };
}

export function planBot(state: SessionState, teamId: string, strategy: StrategyId | null): Plan {
  const team: TeamSeat | undefined = state.teams.get(teamId);
  if (!team) return refuse("team.unknown", "Unknown team.");
  if (state.phase === "debrief" || state.phase === "ended") {
    return refuse("phase.wrong", "The game is over.");
  }
  if (strategy !== null && membersOf(state, teamId).length > 0) {
    return refuse("team.has_humans", "Humans play this team.");
  }
  return {
    ok: true,
    commit: () => {
      team.bot = strategy;
      botDecides(state, team);
      resolveIfReady(state);
    },
  };
}
