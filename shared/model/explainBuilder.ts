/**
 * Accumulates named contributions to a gauge's change. Contributions to the same cause merge,
 * so the debrief shows "recruitment" once even when it moved members and experts.
 */
import type { CauseId, Contribution, GaugeExplanation } from "./types";

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

/** The `count` largest contributions by magnitude: what players read after a reveal. */
export function topReasons(explanation: GaugeExplanation, count = 3): Contribution[] {
  return [...explanation.parts]
    .filter((p) => Math.abs(p.value) > 1e-12)
    .sort((x, y) => Math.abs(y.value) - Math.abs(x.value) || (x.cause < y.cause ? -1 : 1))
    .slice(0, count);
}
