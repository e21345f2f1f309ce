/**
 * The three gauges (engagement, buzz, trust): current value, change since last quarter, where the
 * needle sits on a fixed scale and the history as a sparkline, all normalised to [0, 1] so a
 * scene only has to multiply by pixels.
 */
import type { Language } from "../../../shared/protocol/messages";
import type { TurnResultView } from "../../../shared/protocol/view";
import type { Scenario } from "../../../shared/model/types";
import { engagement, GAUGE_IDS, type GaugeId } from "../../../shared/model/gauges";
import { formatMetric } from "./metrics";

export { GAUGE_IDS, type GaugeId };

/**
 * Scales: trust is a share on 0–100 %; engagement and buzz scale to the best value any team has
 * reached (with a floor), so early quarters are readable and teams stay comparable.
 */
const MIN_ENGAGEMENT_SCALE = 0.05;
const MIN_REACH_SCALE = 4;
/** A sparkline spans at least this share of its gauge's scale, so noise is not blown up. */
const MIN_SPARK_SPAN = 0.12;

export interface GaugeModel {
  id: GaugeId;
  value: number;
  display: string;
  /** Change since last quarter; 0 when it would print as zero. */
  delta: number;
  deltaDisplay: string;
  /** Needle position in [0, 1]. */
  fill: number;
  /** History, oldest first (the scenario's start first), each in [0, 1]. */
  spark: number[];
  /** Expected change from the current draft, as a needle position, when a forecast exists. */
  forecastFill?: number;
  forecastDelta?: string;
}

export interface StartPoint {
  engagement: number;
  reach: number;
  trust: number;
}

export function startPoint(scenario: Scenario | undefined): StartPoint {
  const s = scenario?.start;
  if (!s) return { engagement: 0, reach: 0, trust: 0.5 };
  return { engagement: engagement(s), reach: 0, trust: s.T };
}

export function gaugeScale(id: GaugeId, histories: readonly (readonly TurnResultView[])[]): number {
  if (id === "trust") return 1;
  let max = id === "engagement" ? MIN_ENGAGEMENT_SCALE : MIN_REACH_SCALE;
  for (const h of histories) for (const r of h) max = Math.max(max, r[id] * 1.2);
  return max;
}

/** A gauge's value or change, as every screen prints it (viewmodels/metrics.ts). */
export function displayGauge(
  language: Language,
  id: GaugeId,
  value: number,
  signed = false,
): string {
  return formatMetric(language, id, value, signed);
}

/** Points of a sparkline in [0, 1], framed on the series' own range (at least MIN_SPARK_SPAN). */
export function sparkPoints(values: readonly number[], scale: number): number[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = Math.max(hi - lo, MIN_SPARK_SPAN * scale);
  const base = Math.max(0, (lo + hi) / 2 - span / 2);
  return values.map((v) => clamp01((v - base) / span));
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

export function gaugeModels(
  language: Language,
  history: readonly TurnResultView[],
  start: StartPoint,
  options: {
    scales?: Partial<Record<GaugeId, number>>;
    forecast?: Partial<Record<GaugeId, number>>;
  } = {},
): GaugeModel[] {
  return GAUGE_IDS.map((id) => {
    const scale = options.scales?.[id] ?? gaugeScale(id, [history]);
    const values = [start[id], ...history.map((r) => r[id])];
    const value = values[values.length - 1] ?? 0;
    const previous = values.length > 1 ? (values[values.length - 2] ?? 0) : value;
    const raw = value - previous;
    // A change too small to print is no change: no green or red for "+0.0".
    const delta = Math.abs(raw) < (id === "reach" ? 0.05 : 0.0005) ? 0 : raw;
    const model: GaugeModel = {
      id,
      value,
      display: displayGauge(language, id, value),
      delta,
      deltaDisplay: history.length > 0 ? displayGauge(language, id, delta, true) : "",
      fill: clamp01(value / scale),
      spark: sparkPoints(values, scale),
    };
    const change = options.forecast?.[id];
    if (change !== undefined) {
      model.forecastFill = clamp01((value + change) / scale);
      model.forecastDelta = displayGauge(language, id, change, true);
    }
    return model;
  });
}
