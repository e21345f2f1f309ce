/**
 * The reveal: what a board and the projector play when a quarter resolves, as data. The event
 * card, then every team's gauges sweeping from the previous quarter's values to the new ones,
 * the ranking re-ordering, the biggest mover called out — and after the last quarter a podium.
 * The scenes only turn `revealFrame` into tweens; what is shown, in which order and for how
 * long is decided here, so it can be tested without a browser.
 *
 * Reduced motion (`prefers-reduced-motion: reduce`) gives every step a zero duration: the
 * sequence is over as soon as it starts, and a scene draws its end state at once.
 */
import type { Language } from "../../../shared/protocol/messages";
import type { TeamView } from "../../../shared/protocol/view";
import { translate } from "../i18n/index";
import { eventCards, type EventCardModel } from "./eventCards";
import { GAUGE_IDS, type GaugeId, type StartPoint } from "./gauges";
import { formatMetric } from "./metrics";

export const REVEAL_STEPS = ["event", "gauges", "ranking", "mover", "podium"] as const;
export type RevealStepId = (typeof REVEAL_STEPS)[number];

/** Milliseconds per step: ≈ 4.5 s a quarter, ≈ 6 s with the podium. */
export const STEP_MS: Record<RevealStepId, number> = {
  event: 900,
  gauges: 1300,
  ranking: 1100,
  mover: 1200,
  podium: 1400,
};

export interface RevealStep {
  id: RevealStepId;
  /** Milliseconds from the start of the sequence. */
  start: number;
  duration: number;
}

export interface RevealTeam {
  id: string;
  name: string;
  colorIndex: number;
  mine: boolean;
  before: Record<GaugeId, number>;
  after: Record<GaugeId, number>;
  /** The gauges' new values as the boards print them. */
  display: Record<GaugeId, string>;
  scoreBefore: number;
  scoreAfter: number;
  scoreDisplay: string;
}

export interface PodiumPlace {
  /** 1, 2 or 3 (teams with equal scores share a place). */
  place: number;
  teamId: string;
  name: string;
  colorIndex: number;
  scoreDisplay: string;
}

export interface RevealModel {
  /** The quarter revealed (1-based). */
  turn: number;
  /** The last quarter: the sequence ends on the podium. */
  final: boolean;
  cards: EventCardModel[];
  teams: RevealTeam[];
  /** Team ids by score, best first, before and after this quarter. */
  rankBefore: string[];
  rankAfter: string[];
  /** The team that gained most points this quarter, called out by name. */
  mover: { teamId: string; gain: number; text: string } | null;
  podium: PodiumPlace[];
  steps: RevealStep[];
  /** Length of the whole sequence, ms (0 with reduced motion). */
  total: number;
}

const gaugesOf = (
  row: Record<GaugeId, number> | undefined,
  start: StartPoint,
): Record<GaugeId, number> => {
  const out = {} as Record<GaugeId, number>;
  for (const id of GAUGE_IDS) out[id] = row?.[id] ?? start[id];
  return out;
};

/** Team ids by score, best first; equal scores keep the room's order. */
export function ranking(scores: readonly { id: string; score: number }[]): string[] {
  return scores
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((s) => s.id);
}

/**
 * The sequence for quarter `turn` (the last one resolved), or null when it cannot be told (no
 * team has that quarter in its history).
 */
export function revealModel(
  language: Language,
  teams: readonly TeamView[],
  turn: number,
  turnsTotal: number,
  events: readonly string[],
  options: { myTeamId: string | null; start: StartPoint; reducedMotion: boolean },
): RevealModel | null {
  if (turn < 1 || !teams.some((t) => t.history.length >= turn)) return null;
  const rows: RevealTeam[] = teams.map((team, i) => {
    const now = team.history[turn - 1];
    const was = turn >= 2 ? team.history[turn - 2] : undefined;
    const after = gaugesOf(now, options.start);
    const display = {} as Record<GaugeId, string>;
    for (const id of GAUGE_IDS) display[id] = formatMetric(language, id, after[id]);
    const scoreAfter = now?.score ?? 0;
    return {
      id: team.id,
      name: team.name,
      colorIndex: i,
      mine: team.id === options.myTeamId,
      before: gaugesOf(was, options.start),
      after,
      display,
      scoreBefore: was?.score ?? 0,
      scoreAfter,
      scoreDisplay: formatMetric(language, "score", scoreAfter),
    };
  });
  const rankBefore = ranking(rows.map((r) => ({ id: r.id, score: r.scoreBefore })));
  const rankAfter = ranking(rows.map((r) => ({ id: r.id, score: r.scoreAfter })));
  const final = turn >= turnsTotal;
  const steps: RevealStep[] = [];
  let at = 0;
  const ids = REVEAL_STEPS.filter((id) => id !== "podium" || final);
  for (const id of ids) {
    const duration = options.reducedMotion ? 0 : STEP_MS[id];
    steps.push({ id, start: at, duration });
    at += duration;
  }
  return {
    turn,
    final,
    cards: eventCards(language, [...events]),
    teams: rows,
    rankBefore,
    rankAfter,
    mover: biggestMover(language, rows),
    podium: final ? podium(rows, rankAfter) : [],
    steps,
    total: at,
  };
}

/** Most points gained this quarter (first in the room's order on a tie); none when nobody gained. */
export function biggestMover(
  language: Language,
  rows: readonly RevealTeam[],
): RevealModel["mover"] {
  let best: RevealTeam | null = null;
  for (const row of rows) {
    const gain = row.scoreAfter - row.scoreBefore;
    if (gain > 0 && (!best || gain > best.scoreAfter - best.scoreBefore)) best = row;
  }
  if (!best) return null;
  const gain = best.scoreAfter - best.scoreBefore;
  return {
    teamId: best.id,
    gain,
    text: translate(language, "reveal.mover", {
      team: best.name,
      gain: formatMetric(language, "score", gain, true),
    }),
  };
}

/** The top three places; teams with equal scores share one, so a podium may hold more than 3. */
export function podium(rows: readonly RevealTeam[], order: readonly string[]): PodiumPlace[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: PodiumPlace[] = [];
  for (const id of order) {
    const row = byId.get(id);
    if (!row) continue;
    const place = 1 + rows.filter((r) => r.scoreAfter > row.scoreAfter).length;
    if (place > 3) break;
    out.push({
      place,
      teamId: id,
      name: row.name,
      colorIndex: row.colorIndex,
      scoreDisplay: row.scoreDisplay,
    });
  }
  return out;
}

export interface RevealFrame {
  /** The step playing, or "done" once the sequence is over. */
  step: RevealStepId | "done";
  /** How far each step has played, in [0, 1] (1 for steps over, 0 for steps to come). */
  progress: Record<RevealStepId, number>;
}

/** Where the sequence is `elapsed` ms after it started. */
export function revealFrame(model: RevealModel, elapsed: number): RevealFrame {
  const progress = {} as Record<RevealStepId, number>;
  for (const id of REVEAL_STEPS) progress[id] = 0;
  let step: RevealFrame["step"] = "done";
  for (const s of model.steps) {
    const p = s.duration === 0 ? 1 : (elapsed - s.start) / s.duration;
    progress[s.id] = p <= 0 ? 0 : p >= 1 ? 1 : p;
    if (step === "done" && elapsed < s.start + s.duration) step = s.id;
  }
  return { step, progress };
}

/** A gauge or score between its old and new values, `t` ∈ [0, 1] (eased by the caller). */
export function between(before: number, after: number, t: number): number {
  return before + (after - before) * t;
}

/**
 * Whether a newly received view resolves a quarter this screen saw being played: the turn moved
 * forward into the results. A screen opened (or reloaded) on results plays nothing.
 */
export function revealsQuarter(
  previous: { turn: number; phase: string } | null,
  next: { turn: number; phase: string },
): boolean {
  return previous !== null && next.phase === "results" && next.turn > previous.turn;
}

/**
 * The podium a screen shows once the last quarter is revealed (none before), or once the
 * facilitator has ended the workshop early (the standings then are final): the top three of
 * the final ranking. Ends the game on the boards as on the projector.
 */
export function finalPodium(
  language: Language,
  view: { phase: string; turn: number; turnsTotal: number; teams: Record<string, TeamView> },
  myTeamId: string | null,
): PodiumPlace[] {
  const over = view.phase === "debrief" || view.phase === "ended";
  if ((view.turn < view.turnsTotal && !over) || view.phase === "lobby") return [];
  // An early end counts as the last quarter: the model's podium is the final one.
  const last = over ? view.turn : view.turnsTotal;
  const model = revealModel(language, Object.values(view.teams), view.turn, last, [], {
    myTeamId,
    start: { engagement: 0, reach: 0, trust: 0 },
    reducedMotion: true,
  });
  return model?.podium ?? [];
}
