/**
 * How each of the model's outputs reads, in one place: the board's gauges, the reasons, the
 * leaderboard, the debrief's chart labels and its sentences all print a value through
 * `formatMetric`, so one number never reads two ways (the luck summary once printed buzz in
 * points, "414,4", beside a chart that said 4,1).
 */
import type { Language } from "../../../shared/protocol/messages";
import { translate } from "../i18n/index";
import { decimal, percent, points } from "./format";

/** The outputs people read: shares (engagement, trust), buzz, and the scores. */
export const METRIC_IDS = ["score", "engagement", "trust", "reach", "kpi", "ssv"] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/**
 * Besides the outputs: `change`, a relative change of one of them (0.031 → "+3.1 %"), as the
 * debrief's "best changes" read against the team's real score.
 */
export type FormatId = MetricId | "change";

/**
 * Engagement and trust are shares, read as percentages (trust as a whole percentage, its changes
 * to a tenth); buzz is its own unit, to a tenth; the KPI and the quarter's engaged-and-trusting
 * members are points (per 100 people); the score already is in those points, summed over the
 * quarters (shared/model/score.ts), so it prints as it is, to a tenth.
 */
export function formatMetric(
  language: Language,
  metric: FormatId,
  value: number,
  signed = false,
): string {
  switch (metric) {
    case "change":
      return percent(language, value, 1, signed);
    case "engagement":
      return percent(language, value, 1, signed);
    case "trust":
      return percent(language, value, signed ? 1 : 0, signed);
    case "reach":
      return decimal(language, value, 1, signed);
    case "kpi":
    case "ssv":
      return points(language, value, signed);
    case "score":
      return decimal(language, value, 1, signed);
  }
}

/**
 * The final score in its two visible parts: what the game accumulated (engaged, trusting members,
 * quarter after quarter) and the legacy, what the community left behind is worth (score.ts).
 * Null before the last quarter, when the score is all accumulation.
 */
export function scoreSplit(
  language: Language,
  last: { score: number; legacy: number } | undefined,
): string | null {
  if (!last || last.legacy === 0) return null;
  return translate(language, "score.split", {
    score: formatMetric(language, "score", last.score),
    played: formatMetric(language, "score", last.score - last.legacy),
    legacy: formatMetric(language, "score", last.legacy),
  });
}
