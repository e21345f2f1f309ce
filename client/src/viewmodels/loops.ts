/**
 * Loop dominance, ready to draw: per year, each feedback loop's signed contribution to the change
 * in engagement becomes an edge of a small causal-loop diagram, as wide as the contribution (one
 * scale for every year, so a thin edge in year 3 really is smaller than a thick one in year 1).
 */
import { LOOP_IDS, type LoopId, type LoopYear } from "../../../shared/analysis/loops";
import type { Language } from "../../../shared/protocol/messages";
import { translate } from "../i18n/index";
import { formatMetric } from "./metrics";

export const LOOP_MIN_WIDTH = 1;
export const LOOP_MAX_WIDTH = 14;

export interface LoopEdge {
  id: LoopId;
  /** The loop spelled out ("Training → culture → coaching"). */
  label: string;
  /** Its node on the diagram ("Culture"). */
  node: string;
  value: number;
  /** Stroke width in px at scale 1: |value| relative to the largest of the game. */
  width: number;
  positive: boolean;
  display: string;
  /** The year's largest contribution, in absolute value. */
  dominant: boolean;
}

export interface LoopPanel {
  year: number;
  title: string;
  edges: LoopEdge[];
  /** null when nothing moved engagement that year. */
  dominant: LoopId | null;
  summary: string;
}

/**
 * The whole game in one diagram (the projector's): contributions to engagement's change add up,
 * so each loop's is the sum of its years'.
 */
export function gameLoopPanel(language: Language, years: readonly LoopYear[]): LoopPanel | null {
  if (years.length === 0) return null;
  const loops = Object.fromEntries(
    LOOP_IDS.map((id) => [id, years.reduce((sum, y) => sum + y.loops[id], 0)]),
  ) as Record<LoopId, number>;
  const other = years.reduce((sum, y) => sum + y.other, 0);
  const [panel] = loopPanels(language, [{ year: 0, loops, other }]);
  return panel ? { ...panel, title: translate(language, "loops.game") } : null;
}

export function loopPanels(language: Language, years: readonly LoopYear[]): LoopPanel[] {
  const largest = Math.max(0, ...years.flatMap((y) => LOOP_IDS.map((id) => Math.abs(y.loops[id]))));
  return years.map((y) => {
    let dominant: LoopId | null = null;
    for (const id of LOOP_IDS) {
      const size = Math.abs(y.loops[id]);
      if (size > 0 && (dominant === null || size > Math.abs(y.loops[dominant]))) dominant = id;
    }
    const edges = LOOP_IDS.map((id): LoopEdge => {
      const value = y.loops[id];
      const share = largest > 0 ? Math.abs(value) / largest : 0;
      return {
        id,
        label: translate(language, `loop.${id}`),
        node: translate(language, `loop.${id}.node`),
        value,
        width: LOOP_MIN_WIDTH + share * (LOOP_MAX_WIDTH - LOOP_MIN_WIDTH),
        positive: value >= 0,
        display: formatMetric(language, "engagement", value, true),
        dominant: id === dominant,
      };
    });
    const lead = edges.find((e) => e.dominant);
    return {
      year: y.year,
      title: translate(language, "common.year", { y: y.year }),
      edges,
      dominant,
      summary: lead
        ? translate(language, "loops.dominant", { loop: lead.label, value: lead.display })
        : translate(language, "loops.none"),
    };
  });
}
