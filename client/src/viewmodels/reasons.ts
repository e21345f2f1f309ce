/**
 * "Why did it move?": the top reasons per gauge after a reveal, as translated lines. The server
 * sends the reasons computed by the same step function that moved the numbers.
 */
import { EVENT_CARDS, isEventId } from "../../../shared/model/events";
import { largestContributions } from "../../../shared/model/explainBuilder";
import type { Language } from "../../../shared/protocol/messages";
import type { ReasonView } from "../../../shared/protocol/view";
import { forcedTokens } from "../../../shared/protocol/forced";
import { hasKey, translate, translatePlural } from "../i18n/index";
import { decimal } from "./format";
import { displayGauge, GAUGE_IDS, type GaugeId } from "./gauges";

export interface ReasonLine {
  label: string;
  value: number;
  display: string;
  positive: boolean;
}

export interface GaugeReasons {
  gauge: GaugeId;
  lines: ReasonLine[];
}

export function causeLabel(language: Language, cause: string): string {
  if (cause.startsWith("event:")) {
    const id = cause.slice("event:".length);
    const title = isEventId(id) ? EVENT_CARDS[id].title[language] : id;
    return translate(language, "cause.event", { title });
  }
  const key = `cause.${cause}`;
  return hasKey(key) ? translate(language, key) : cause;
}

/** Tokens pressure moved into campaigns, as every screen prints them ("0,6"). */
export function formatForced(language: Language, forced: number): string {
  return decimal(language, forcedTokens(forced), 1);
}

/**
 * The why-panel's word on pressure: said whenever it moved anything, since those tokens then
 * show up among the reasons as campaigns the team may never have funded.
 */
export function forcedNote(language: Language, forced: number): string | null {
  const n = forcedTokens(forced);
  if (n <= 0) return null;
  return translatePlural(language, "board.forced", n, { n: formatForced(language, forced) }, 1);
}

/** Below these a reason would print as "+0.0": not worth a line. */
const VISIBLE: Record<GaugeId, number> = { engagement: 0.0005, trust: 0.0005, reach: 0.05 };

export function reasonsModel(
  language: Language,
  reasons: readonly ReasonView[],
  perGauge = 3,
): GaugeReasons[] {
  return GAUGE_IDS.map((gauge) => ({
    gauge,
    lines: largestContributions(
      reasons.filter((r) => r.gauge === gauge && Math.abs(r.value) >= VISIBLE[gauge]),
      perGauge,
    ).map((r) => ({
      label: causeLabel(language, r.cause),
      value: r.value,
      display: displayGauge(language, gauge, r.value, true),
      positive: r.value > 0,
    })),
  }));
}
