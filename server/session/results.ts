/**
 * A team's revealed quarters, built from the simulation's own records so the numbers on the
 * board are the numbers of the model. Exact here (the exports); what the synchronized state
 * carries of them is shaped in server/rooms/roleView.ts (`wireResult`, `lastReasons`).
 */
import {
  gaugeReasons,
  type DecisionSource,
  type ReasonView,
  type TurnRecord,
  type TurnResultView,
} from "../../shared/index";
import type { SessionState } from "./types";

export const REASONS_PER_GAUGE = 3;

export function reasonsOf(record: TurnRecord): ReasonView[] {
  return gaugeReasons(record.explain, REASONS_PER_GAUGE);
}

/** A revealed quarter with its reasons, exact: what the exports print. */
export interface QuarterResult extends TurnResultView {
  reasons: ReasonView[];
}

export function turnResult(record: TurnRecord, source: DecisionSource): QuarterResult {
  return {
    turn: record.turn,
    ...record.outputs,
    allocation: { ...record.allocation },
    forced: record.forced,
    decisionSource: source,
    events: [...record.events],
    reasons: reasonsOf(record),
  };
}

/** A team's revealed quarters, oldest first, exact and with their reasons. */
export function teamHistory(state: SessionState, teamId: string): QuarterResult[] {
  const records = state.game.history[teamId] ?? [];
  return records.map((record, i) => turnResult(record, state.sources[i]?.[teamId] ?? "default"));
}

/**
 * Events on the card: the quarter just resolved while its results show; during briefing and
 * decision, the scenario's certain events for the coming quarter plus injected ones (chance
 * events stay a surprise until they strike).
 */
export function currentEvents(state: SessionState): string[] {
  const { game, phase } = state;
  if (phase === "results") return [...(game.eventsByTurn[game.turn - 1] ?? [])];
  if (phase !== "briefing" && phase !== "decision") return [];
  const quarter = game.turn + 1;
  const certain = game.scenario.events
    .filter((e) => e.quarter === quarter && (e.probability ?? 1) >= 1)
    .map((e) => e.event as string);
  return [...new Set([...certain, ...state.pendingInjected.map((e) => e.event)])];
}
