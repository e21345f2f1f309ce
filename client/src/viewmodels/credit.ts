/**
 * The debrief's "what mattered": the score credited to the levers (a waterfall from the score of
 * playing nothing to the real one), the team's best single-token changes, and each team's answer
 * to "which lever mattered most for us?" set against the lever the attribution credits most.
 * Pure functions of the attribution (computed in shared/) and the room view.
 */
import {
  ATTRIBUTION_GAUGES,
  ATTRIBUTION_KEYS,
  type Attribution,
  type AttributionGauge,
  type AttributionKey,
  type BestChange,
} from "../../../shared/analysis/attribution";
import { topLever, type TeamInsights } from "../../../shared/analysis/insights";
import { BUCKET_IDS, type BucketId } from "../../../shared/model/levers";
import type { Language } from "../../../shared/protocol/messages";
import type { Prediction, TeamView } from "../../../shared/protocol/view";
import { translate } from "../i18n/index";
import type { ClientView } from "../net/normalize";
import { formatMetric, scoreSplit } from "./metrics";
import type { Role } from "./route";

/** A gauge's value quarter by quarter, split by lever: the "how" behind the score's "what". */
export type QuarterlyPeriod = `quarters:${AttributionGauge}`;

/** The whole game, one year (1-based), or one gauge quarter by quarter. */
export type CreditPeriod = "game" | number | QuarterlyPeriod;

export const QUARTERLY_PERIODS: readonly QuarterlyPeriod[] = ATTRIBUTION_GAUGES.map(
  (g): QuarterlyPeriod => `quarters:${g}`,
);

/** The gauge a quarterly period splits, or null for the game or a year. */
export function quarterlyGauge(period: CreditPeriod): AttributionGauge | null {
  if (typeof period !== "string" || period === "game") return null;
  return period.slice("quarters:".length) as AttributionGauge;
}

/** Reads a period back from its select value ("game", "2", "quarters:trust"); null if foreign. */
export function parsePeriod(value: string, years: number): CreditPeriod | null {
  if (value === "game") return "game";
  const quarterly = QUARTERLY_PERIODS.find((p) => p === value);
  if (quarterly) return quarterly;
  const year = Number(value);
  return Number.isInteger(year) && year >= 1 && year <= years ? year : null;
}

/** The score split of the game or of one year (null for a quarterly period or a year not played). */
export function attributionOf(team: TeamInsights, period: CreditPeriod): Attribution | null {
  if (period === "game") return team.attribution.total;
  if (typeof period !== "number") return null;
  return team.attribution.byYear[period - 1] ?? null;
}

export interface QuarterColumn {
  quarter: number;
  /** The gauge's value that quarter: the sum of the parts. */
  total: number;
  /** Playing nothing, then each lever, in board order (negative parts pull the gauge down). */
  parts: { key: AttributionKey; value: number }[];
}

export interface QuarterCreditModel {
  gauge: AttributionGauge;
  columns: QuarterColumn[];
  /** Lowest and highest point a column reaches (negatives stacked down, positives up). */
  min: number;
  max: number;
  /** The lever that added most to the gauge over the game, and its sentence. */
  top: BucketId | null;
  line: string;
  format(value: number): string;
}

/**
 * One gauge quarter by quarter, each quarter's value split into playing nothing and the seven
 * levers (exact Shapley values, shared/analysis/attribution.ts). Where the score's waterfall says
 * which choices counted, this says when, and through which gauge.
 */
export function quarterCredit(
  language: Language,
  team: TeamInsights,
  gauge: AttributionGauge,
): QuarterCreditModel {
  const split = team.attribution.byQuarter[gauge];
  let min = 0;
  let max = 0;
  const sums = Object.fromEntries(BUCKET_IDS.map((id) => [id, 0])) as Record<BucketId, number>;
  const columns = split.map((a, i): QuarterColumn => {
    let up = 0;
    let down = 0;
    let total = 0;
    const parts = ATTRIBUTION_KEYS.map((key) => {
      const value = a[key];
      total += value;
      if (value >= 0) up += value;
      else down += value;
      if (key !== "base") sums[key] += value;
      return { key, value };
    });
    min = Math.min(min, down);
    max = Math.max(max, up);
    return { quarter: i + 1, total, parts };
  });
  let top: BucketId | null = null;
  for (const id of BUCKET_IDS) if (sums[id] > 0 && (!top || sums[id] > sums[top])) top = id;
  const label = translate(language, `gauge.${gauge}`);
  return {
    gauge,
    columns,
    min,
    max,
    top,
    line: top
      ? translate(language, "credit.quarterTop", {
          gauge: label,
          lever: translate(language, `lever.${top}.name`),
        })
      : translate(language, "credit.quarterNone", { gauge: label }),
    format: (value) => formatMetric(language, gauge, value),
  };
}

export interface WaterfallBar {
  key: AttributionKey | "total";
  label: string;
  value: number;
  /** Where the bar starts and ends on the score axis (a waterfall: each lever adds to the last). */
  from: number;
  to: number;
  display: string;
}

export interface WaterfallModel {
  bars: WaterfallBar[];
  /** Smallest and largest value the axis must show (0 included). */
  min: number;
  max: number;
}

/**
 * Base, then the seven buckets in board order, then the total: every bar starts where the one
 * before it ended, so the chart reads as "nothing played → what each lever added → the score".
 */
export function waterfall(
  language: Language,
  a: Attribution,
  period: CreditPeriod,
  /** Short lever names ("Culture"), where room is scarce (the projector's team panels). */
  short = false,
): WaterfallModel {
  const tr = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const bars: WaterfallBar[] = [
    {
      key: "base",
      label: tr(period === "game" ? "credit.base" : "credit.baseYear"),
      value: a.base,
      from: 0,
      to: a.base,
      display: formatMetric(language, "score", a.base, period !== "game"),
    },
  ];
  let level = a.base;
  for (const id of BUCKET_IDS) {
    const value = a[id];
    bars.push({
      key: id,
      label: tr(short ? `lever.${id}.short` : `lever.${id}.name`),
      value,
      from: level,
      to: level + value,
      display: formatMetric(language, "score", value, true),
    });
    level += value;
  }
  bars.push({
    key: "total",
    label: tr(period === "game" ? "credit.total" : "credit.totalYear"),
    value: level,
    from: 0,
    to: level,
    display: formatMetric(language, "score", level, period !== "game"),
  });
  const ends = bars.flatMap((b) => [b.from, b.to]);
  return { bars, min: Math.min(0, ...ends), max: Math.max(0, ...ends) };
}

/**
 * "Q6: one token from Buzz campaigns to Digital culture → +3.1 %": the gain read against the
 * team's real score (in score units when that score is not positive).
 */
export function bestChangeLines(
  language: Language,
  changes: readonly BestChange[],
  score: number,
): string[] {
  return changes.map((c) =>
    translate(language, "credit.change", {
      q: c.quarter,
      from: translate(language, `lever.${c.from}.name`),
      to: translate(language, `lever.${c.to}.name`),
      gain:
        score > 0
          ? formatMetric(language, "change", c.gain / score, true)
          : formatMetric(language, "score", c.gain, true),
    }),
  );
}

/** A team's answer as this viewer may see it: public after the reveal, its own before. */
export function answerOf(team: TeamView): Prediction {
  return team.prediction || team.private?.prediction || "";
}

/** Teams the question is asked of: those with people in them (bots do not answer). */
export function askedTeams(view: ClientView): TeamView[] {
  const seated = new Set(Object.values(view.players).map((p) => p.teamId));
  return Object.values(view.teams).filter((team) => seated.has(team.id));
}

export interface AnswerCount {
  answered: number;
  total: number;
}

export function answerCount(view: ClientView): AnswerCount {
  const asked = askedTeams(view);
  return { answered: asked.filter((t) => t.predicted).length, total: asked.length };
}

export interface PredictModel {
  revealed: boolean;
  /** This viewer may answer for their team now (a member, during the debrief, before the reveal). */
  canAnswer: boolean;
  /** This viewer may reveal (the facilitator; in solo, the learner). */
  canReveal: boolean;
  /** The viewer's team's answer ("" = none yet; always "" for the facilitator). */
  answer: Prediction;
  count: AnswerCount;
}

export function predictModel(view: ClientView, role: Role, teamId: string | null): PredictModel {
  const revealed = view.revealed;
  const over = view.phase === "debrief" || view.phase === "ended";
  const member = (role === "participant" || role === "solo") && teamId !== null;
  const team = teamId ? view.teams[teamId] : undefined;
  return {
    revealed,
    canAnswer: member && !revealed && view.phase === "debrief",
    canReveal: (role === "facilitator" || role === "solo") && over && !revealed,
    answer: team ? answerOf(team) : "",
    count: answerCount(view),
  };
}

export interface VerdictRow {
  teamId: string;
  name: string;
  answer: Prediction;
  answerLabel: string;
  top: BucketId;
  topLabel: string;
  /** null: the team gave no answer. */
  match: boolean | null;
}

/** Predicted vs attributed, per team asked (or that answered), in room order. */
export function verdictRows(
  language: Language,
  view: ClientView,
  insights: readonly TeamInsights[],
): VerdictRow[] {
  const asked = new Set(askedTeams(view).map((t) => t.id));
  const rows: VerdictRow[] = [];
  for (const credit of insights) {
    const team = view.teams[credit.teamId];
    if (!team) continue;
    const answer = answerOf(team);
    if (!asked.has(team.id) && !answer) continue;
    const top = topLever(credit.attribution.total);
    rows.push({
      teamId: team.id,
      name: team.name,
      answer,
      answerLabel: answer
        ? translate(language, `lever.${answer}.name`)
        : translate(language, "credit.noAnswer"),
      top,
      topLabel: translate(language, `lever.${top}.name`),
      match: answer ? answer === top : null,
    });
  }
  return rows;
}

/** What the debrief's "what mattered" and "loops" tabs show, for one viewer. */
export interface CreditPanelModel {
  predict: PredictModel;
  solo: boolean;
  /** The attribution may be seen: after the reveal, or by the facilitator. */
  shown: boolean;
  /** The attribution is being computed. */
  computing: boolean;
  /** It could not be computed. */
  failed: boolean;
  /** In a quarterly view: which lever built the gauge most over the game (else null). */
  quarterly: string | null;
  /** The chosen team's final score in its parts: accumulated over the game + its legacy. */
  split: string | null;
  /** The chosen team's credited lever and best changes (null / [] until computed). */
  top: string | null;
  best: string[];
  /** Predicted vs attributed, once revealed. */
  verdict: VerdictRow[];
}

export interface CreditInput {
  language: Language;
  view: ClientView;
  role: Role;
  /** The viewer's team (participants, solo), else null. */
  ownTeam: string | null;
  /** null while computing. */
  insights: readonly TeamInsights[] | null;
  failed: boolean;
  /** The team chosen on screen. */
  team: string;
  /** What the waterfall splits (default: the whole game). */
  period?: CreditPeriod | undefined;
}

function quarterlyLine(
  language: Language,
  team: TeamInsights | null,
  period: CreditPeriod,
): string | null {
  const gauge = quarterlyGauge(period);
  return team && gauge ? quarterCredit(language, team, gauge).line : null;
}

export function creditPanelModel(i: CreditInput): CreditPanelModel {
  const predict = predictModel(i.view, i.role, i.ownTeam);
  const chosen = i.insights?.find((x) => x.teamId === i.team) ?? null;
  const top = chosen ? topLever(chosen.attribution.total) : null;
  return {
    predict,
    solo: i.role === "solo",
    shown: predict.revealed || i.role === "facilitator",
    computing: i.insights === null && !i.failed,
    failed: i.failed,
    quarterly: quarterlyLine(i.language, chosen, i.period ?? "game"),
    split: scoreSplit(i.language, i.view.teams[i.team]?.history.at(-1)),
    top: top
      ? translate(i.language, "credit.top", { lever: translate(i.language, `lever.${top}.name`) })
      : null,
    best: chosen ? bestChangeLines(i.language, chosen.bestChanges, chosen.attribution.score) : [],
    verdict: i.insights && predict.revealed ? verdictRows(i.language, i.view, i.insights) : [],
  };
}
