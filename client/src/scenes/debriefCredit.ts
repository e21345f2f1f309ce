/**
 * The debrief's canvas for "what mattered" and "loops": the chosen team's score as a waterfall
 * from playing nothing to what it scored (whole game or one year), and one small causal-loop
 * diagram per year. Drawn only once the attribution may be seen (after the reveal; the
 * facilitator at any time).
 */
import type Phaser from "phaser";
import type { TeamInsights } from "../../../shared/analysis/insights";
import type { Language } from "../../../shared/protocol/messages";
import type { Prediction } from "../../../shared/protocol/view";
import { translate } from "../i18n/index";
import type { Rect } from "../viewmodels/chart";
import { niceDomain } from "../viewmodels/chart";
import {
  attributionOf,
  quarterCredit,
  quarterlyGauge,
  waterfall,
  type CreditPeriod,
} from "../viewmodels/credit";
import { axes, columnWidth, divergingColumns, line } from "../draw/chart";
import type { AttributionGauge } from "../../../shared/analysis/attribution";
import { loopPanels } from "../viewmodels/loops";
import { loopDiagram } from "../draw/loopDiagram";
import { attributionColor, waterfallChart } from "../draw/waterfall";
import { BUCKET_COLORS, COLORS } from "../theme";

export interface CreditChartParams {
  area: Rect;
  compact: boolean;
  language: Language;
  team: TeamInsights;
  period: CreditPeriod;
  /** The team's answer, marked on its bar. */
  answer: Prediction;
}

/** Returns how many bars it drew. */
export function drawCredit(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  p: CreditChartParams,
): number {
  const attribution = attributionOf(p.team, p.period);
  if (!attribution) return 0;
  const model = waterfall(p.language, attribution, p.period);
  const mark = translate(p.language, "credit.answerMark");
  root.add(
    waterfallChart(scene, p.area, model, {
      scale: p.compact ? 0.85 : 1,
      color: attributionColor,
      note: (bar) => (bar.key === p.answer ? mark : ""),
    }),
  );
  return model.bars.length;
}

/** One gauge quarter by quarter, split by lever, with the gauge's own line; returns the columns. */
export function drawQuarterCredit(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  p: Omit<CreditChartParams, "period" | "answer"> & { gauge: AttributionGauge },
): number {
  const model = quarterCredit(p.language, p.team, p.gauge);
  const n = model.columns.length;
  if (n === 0) return 0;
  // Room for the value labels on the left and the quarter labels below.
  const left = p.compact ? 44 : 64;
  const outer = { x: p.area.x + left, y: p.area.y + 8, w: p.area.w - left, h: p.area.h - 36 };
  // The first and last columns are centred on their quarter: inset by half a column.
  const half = columnWidth(outer, n) / 2 + 2;
  const r = { ...outer, x: outer.x + half, w: outer.w - 2 * half };
  if (r.w < 60 || r.h < 60) return 0;
  const totals = model.columns.map((c) => c.total);
  const domain = niceDomain([model.min, model.max, ...totals]);
  const qLabel = (q: number) => translate(p.language, "common.quarterShort", { q });
  root.add(axes(scene, r, domain, n, (v) => model.format(v), qLabel, half + 8));
  const g = scene.add.graphics();
  divergingColumns(
    g,
    r,
    domain,
    n,
    model.columns.map((c) =>
      c.parts.map(({ key, value }) => ({
        value,
        color: key === "base" ? COLORS.textFaint : BUCKET_COLORS[key],
      })),
    ),
  );
  line(g, r, domain, n, totals, COLORS.text, 2);
  root.add(g);
  return n;
}

/** Returns how many diagrams (years) it drew. */
export function drawLoops(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  p: Omit<CreditChartParams, "period" | "answer">,
): number {
  const panels = loopPanels(p.language, p.team.loops);
  if (panels.length === 0) return 0;
  const cols = p.compact ? Math.min(2, panels.length) : Math.min(4, panels.length);
  const rows = Math.ceil(panels.length / cols);
  const cellW = p.area.w / cols;
  const cellH = p.area.h / rows;
  const hub = translate(p.language, "gauge.engagement");
  panels.forEach((panel, i) => {
    const r: Rect = {
      x: p.area.x + (i % cols) * cellW + 6,
      y: p.area.y + Math.floor(i / cols) * cellH,
      w: cellW - 12,
      h: cellH - 8,
    };
    const scale = Math.max(0.7, Math.min(1.2, Math.min(r.w, r.h) / 260));
    root.add(loopDiagram(scene, r, panel, hub, scale));
  });
  return panels.length;
}

export interface CreditTabParams {
  width: number;
  height: number;
  /** Where the DOM controls end. */
  top: number;
  language: Language;
  tab: "credit" | "loops";
  team: TeamInsights;
  period: CreditPeriod;
  answer: Prediction;
}

/** The chart of either tab, in what the DOM controls leave free. */
export function drawCreditTab(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  p: CreditTabParams,
): void {
  const compact = p.width < 760;
  const area: Rect = {
    x: compact ? 10 : 40,
    y: p.top + 6,
    w: p.width - (compact ? 20 : 80),
    h: p.height - p.top - 24,
  };
  if (area.h < 120) return;
  const params = { area, compact, language: p.language, team: p.team };
  const gauge = quarterlyGauge(p.period);
  const items =
    p.tab === "loops"
      ? drawLoops(scene, root, params)
      : gauge
        ? drawQuarterCredit(scene, root, { ...params, gauge })
        : drawCredit(scene, root, { ...params, period: p.period, answer: p.answer });
  const hooks = window.__elan;
  if (hooks) hooks.debriefChart = { tab: p.tab, items };
}
