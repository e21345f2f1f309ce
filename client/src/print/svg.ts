/**
 * The paper's charts as inline SVG: vectors that stay sharp in the PDF, with their labels as
 * real text. Colours are dark enough for white paper and each team also gets its own dash
 * pattern, so a black-and-white copy still tells the lines apart.
 */
import { BUCKET_COLORS, css } from "../theme";
import { linePoints, niceDomain, xFor, yFor, type Rect } from "../viewmodels/chart";
import type { ChartLine, CreditBlock, TrajectoryChart } from "./model";

const NS = "http://www.w3.org/2000/svg";

/** Okabe–Ito-like hues that read on white and apart from each other. */
export const PAPER_TEAM_COLORS = [
  "#0b62a4",
  "#c2410c",
  "#047857",
  "#a21caf",
  "#a16207",
  "#0e7490",
  "#1f2937",
  "#b91c1c",
] as const;
const DASHES = ["", "6 3", "2 2", "9 3 2 3"] as const;

type SvgAttrs = Record<string, string | number>;

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: SvgAttrs = {},
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  for (const child of children) el.append(child);
  return el;
}

export function lineStyle(style: ChartLine["style"]): SvgAttrs {
  switch (style.kind) {
    case "team": {
      const dash = DASHES[Math.floor(style.index / 2) % DASHES.length] ?? "";
      return {
        stroke: PAPER_TEAM_COLORS[style.index % PAPER_TEAM_COLORS.length] ?? "#111",
        "stroke-width": 1.8,
        ...(dash ? { "stroke-dasharray": dash } : {}),
      };
    }
    case "own":
      return { stroke: PAPER_TEAM_COLORS[0], "stroke-width": 3 };
    case "other":
      return { stroke: "#a3a3a3", "stroke-width": 1 };
    case "average":
      return { stroke: "#404040", "stroke-width": 1.6, "stroke-dasharray": "5 3" };
  }
}

const W = 320;
const H = 176;
const PLOT: Rect = { x: 46, y: 8, w: W - 46 - 10, h: H - 8 - 24 };

/** Quarter labels: every one when they fit, else every year's first quarter. */
function xLabels(quarters: number): number[] {
  if (quarters <= 12) return Array.from({ length: quarters }, (_, i) => i + 1);
  return Array.from({ length: quarters }, (_, i) => i + 1).filter((q) => q % 4 === 1);
}

export function trajectorySvg(
  chart: TrajectoryChart,
  quarters: number,
  qLabel: (q: number) => string,
) {
  const domain = niceDomain(chart.lines.flatMap((l) => l.values));
  const root = svg("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "pd-chart",
    role: "img",
    "aria-label": chart.title,
  });
  for (const tick of domain.ticks) {
    const y = yFor(PLOT, domain, tick);
    root.append(
      svg("line", { x1: PLOT.x, x2: PLOT.x + PLOT.w, y1: y, y2: y, stroke: "#e5e5e5" }),
      svg(
        "text",
        { x: PLOT.x - 5, y: y + 3.5, "text-anchor": "end", "font-size": 9, fill: "#404040" },
        chart.format(tick),
      ),
    );
  }
  for (const q of xLabels(quarters)) {
    const x = xFor(PLOT, q, quarters);
    root.append(
      svg(
        "text",
        { x, y: H - 8, "text-anchor": "middle", "font-size": 9, fill: "#404040" },
        qLabel(q),
      ),
    );
  }
  root.append(
    svg("line", {
      x1: PLOT.x,
      x2: PLOT.x + PLOT.w,
      y1: PLOT.y + PLOT.h,
      y2: PLOT.y + PLOT.h,
      stroke: "#737373",
    }),
  );
  for (const line of chart.lines) {
    const points = linePoints(PLOT, domain, quarters, line.values)
      .map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)
      .join(" ");
    root.append(
      svg(
        "polyline",
        { points, fill: "none", "stroke-linejoin": "round", ...lineStyle(line.style) },
        svg("title", {}, line.label),
      ),
    );
  }
  return root;
}

/** A small line sample for a legend entry. */
export function legendSample(style: ChartLine["style"]): SVGSVGElement {
  return svg(
    "svg",
    { viewBox: "0 0 28 8", width: 28, height: 8, "aria-hidden": "true" },
    svg("line", { x1: 1, x2: 27, y1: 4, y2: 4, ...lineStyle(style) }),
  );
}

/** One bar of the credit table, from zero, on the block's common scale. */
export function creditBar(
  bar: CreditBlock["bars"][number],
  min: number,
  max: number,
): SVGSVGElement {
  const width = 150;
  const span = max - min || 1;
  const x = (v: number) => ((v - min) / span) * width;
  const color =
    bar.key === "total"
      ? "#1f2937"
      : bar.key === "base"
        ? "#a3a3a3"
        : css(BUCKET_COLORS[bar.key as keyof typeof BUCKET_COLORS] ?? 0x737373);
  const from = Math.min(x(0), x(bar.value));
  return svg(
    "svg",
    { viewBox: `0 0 ${width} 10`, width, height: 10, "aria-hidden": "true", class: "pd-bar" },
    svg("rect", {
      x: from,
      y: 1,
      width: Math.max(0.8, Math.abs(x(bar.value) - x(0))),
      height: 8,
      fill: color,
    }),
    svg("line", { x1: x(0), x2: x(0), y1: 0, y2: 10, stroke: "#404040", "stroke-width": 0.8 }),
  );
}
