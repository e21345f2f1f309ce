/**
 * The session's state hash: SHA-256 of a canonical text of everything the log determines
 * (not who happens to be connected). Equal hashes before a crash and after the replay on
 * restart are the proof that no accepted action was lost or applied differently.
 */
import { createHash } from "node:crypto";
import { canonicalTrajectory } from "../../shared/index";
import type { SessionState } from "./types";

export function canonicalSession(state: SessionState): string {
  const teams = state.game.teamIds.map((id) => state.teams.get(id));
  const players = state.playerOrder.map((id) => state.players.get(id));
  return JSON.stringify({
    config: state.config,
    phase: state.phase,
    pacing: state.pacing,
    seq: state.seq,
    endedAt: state.endedAt,
    timer: state.timer,
    pendingInjected: state.pendingInjected,
    sources: state.sources,
    teams,
    players,
    predictions: state.game.teamIds.map((id) => state.predictions.get(id) ?? null),
    revealed: state.revealed,
    show: state.show,
    log: state.game.log,
    trajectory: canonicalTrajectory(state.game),
  });
}

export function sessionHash(state: SessionState): string {
  return createHash("sha256").update(canonicalSession(state)).digest("hex");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
