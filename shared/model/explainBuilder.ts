/**
 * Accumulates named contributions to a gauge's change. Contributions to the same cause merge,
 * so the debrief shows "recruitment" once even when it moved members and experts.
 */
import { GAUGE_IDS, type GaugeId } from "./gauges";
import type { CauseId, Contribution, Explanation, GaugeExplanation } from "./types";

export class ContributionLedger {
  private readonly byCause = new Map<CauseId, number>();

  add(cause: CauseId, value: number): void {
    if (value === 0) return;
    this.byCause.set(cause, (this.byCause.get(cause) ?? 0) + value);
  }

  finish(before: number, after: number): GaugeExplanation {
    const parts: Contribution[] = [];
    for (const [cause, value] of this.byCause) parts.push({ cause, value });
    return { before, after, parts };
  }
}

/**
 * The `count` largest contributions by magnitude, ties by cause name: the one order every list
 * of reasons follows, from a gauge's explanation or from reasons received on the wire.
 */
export function largestContributions<T extends { cause: string; value: number }>(
  parts: readonly T[],
  count = 3,
): T[] {
  return [...parts]
    .filter((p) => Math.abs(p.value) > 1e-12)
    .sort((x, y) => Math.abs(y.value) - Math.abs(x.value) || (x.cause < y.cause ? -1 : 1))
    .slice(0, count);
}

/** The `count` largest contributions by magnitude: what players read after a reveal. */
export function topReasons(explanation: GaugeExplanation, count = 3): Contribution[] {
  return largestContributions(explanation.parts, count);
}

/** One line of the why-panel: a cause and how much it moved one gauge this quarter. */
export interface GaugeReason {
  gauge: GaugeId;
  cause: CauseId;
  value: number;
}

/**
 * A quarter's top reasons, gauge by gauge in board order: what the server sends after a reveal,
 * the debrief shows for any quarter and the exports print.
 */
export function gaugeReasons(explain: Explanation, perGauge = 3): GaugeReason[] {
  const out: GaugeReason[] = [];
  for (const gauge of GAUGE_IDS) {
    for (const part of topReasons(explain[gauge], perGauge)) {
      out.push({ gauge, cause: part.cause, value: part.value });
    }
  }
  return out;
}
