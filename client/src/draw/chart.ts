/** Line charts on the canvas: grid and axes, lines (solid or dashed), bands, stacked columns. */
import Phaser from "phaser";
import { COLORS, LUCK } from "../theme";
import type { BandSeries } from "../viewmodels/debrief";
import {
  bandPolygon,
  drawnBand,
  linePoints,
  xFor,
  yFor,
  type Domain,
  type Point,
  type Rect,
} from "../viewmodels/chart";
import { text } from "./text";

const vec = (p: Point) => new Phaser.Math.Vector2(p.x, p.y);

export function axes(
  scene: Phaser.Scene,
  r: Rect,
  domain: Domain,
  quarters: number,
  formatY: (v: number) => string,
  labelX: (q: number) => string,
  /** Room between the value labels and the first quarter (columns need half their width). */
  labelGap = 8,
  /** Label size (larger on the projector). */
  size = 12,
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const g = scene.add.graphics();
  c.add(g);
  for (const tick of domain.ticks) {
    const y = yFor(r, domain, tick);
    g.lineStyle(1, COLORS.line, tick === 0 ? 1 : 0.5);
    g.lineBetween(r.x, y, r.x + r.w, y);
    c.add(
      text(scene, r.x - labelGap, y, formatY(tick), {
        size,
        color: COLORS.textFaint,
        align: "right",
      }).setOrigin(1, 0.5),
    );
  }
  const every = quarters > 24 ? 8 : quarters > 8 ? 4 : 1;
  for (let q = 1; q <= quarters; q++) {
    const x = xFor(r, q, quarters);
    g.lineStyle(1, COLORS.line, q % 4 === 0 ? 0.5 : 0.2);
    g.lineBetween(x, r.y, x, r.y + r.h);
    if (q === 1 || q % every === 0) {
      c.add(
        text(scene, x, r.y + r.h + 8, labelX(q), {
          size,
          color: COLORS.textFaint,
          align: "center",
        }).setOrigin(0.5, 0),
      );
    }
  }
  return c;
}

export function line(
  g: Phaser.GameObjects.Graphics,
  r: Rect,
  domain: Domain,
  quarters: number,
  values: readonly number[],
  color: number,
  width = 3,
  dashed = false,
  alpha = 1,
): void {
  const pts = linePoints(r, domain, quarters, values);
  if (pts.length === 0) return;
  g.lineStyle(width, color, alpha);
  if (!dashed) {
    if (pts.length > 1) g.strokePoints(pts.map(vec), false);
  } else {
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1] as Point;
      const b = pts[i] as Point;
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      const steps = Math.max(1, Math.floor(len / 10));
      for (let k = 0; k < steps; k += 2) {
        const t0 = k / steps;
        const t1 = Math.min(1, (k + 1) / steps);
        g.lineBetween(
          a.x + (b.x - a.x) * t0,
          a.y + (b.y - a.y) * t0,
          a.x + (b.x - a.x) * t1,
          a.y + (b.y - a.y) * t1,
        );
      }
    }
  }
  g.fillStyle(color, alpha);
  for (const p of pts) g.fillCircle(p.x, p.y, Math.max(2, width * 0.9));
}

export function band(
  g: Phaser.GameObjects.Graphics,
  r: Rect,
  domain: Domain,
  quarters: number,
  lower: readonly number[],
  upper: readonly number[],
  color: number,
  alpha: number,
): void {
  if (lower.length < 2) return;
  g.fillStyle(color, alpha);
  g.fillPoints(bandPolygon(r, domain, quarters, lower, upper).map(vec), true);
}

/** Line widths of a luck band, and the thinnest each band is drawn (px). */
export interface LuckStrokes {
  outerEdge: number;
  innerEdge: number;
  median: number;
  minOuter: number;
  minInner: number;
}

/**
 * A luck band as the debrief and the projector draw it: each band told by its edges (3:1 against
 * what surrounds them, theme.ts LUCK; the fills only hint at the area, which a projector washes
 * out), never thinner than `minOuter`/`minInner` px so that a band luck hardly moved still shows
 * around the real line, then the median dashed. Returns the 90 % band as drawn.
 */
export function luckBands(
  g: Phaser.GameObjects.Graphics,
  r: Rect,
  domain: Domain,
  quarters: number,
  b: BandSeries,
  strokes: LuckStrokes,
): { lower: number[]; upper: number[] } {
  const outer = drawnBand(r, domain, b.p5, b.p95, strokes.minOuter);
  const wide = drawnBand(r, domain, b.p25, b.p75, strokes.minInner);
  // The 50 % band stays inside the 90 % one, widened or not.
  const inner = {
    lower: wide.lower.map((v, i) => Math.max(v, outer.lower[i] ?? v)),
    upper: wide.upper.map((v, i) => Math.min(v, outer.upper[i] ?? v)),
  };
  band(g, r, domain, quarters, outer.lower, outer.upper, LUCK.outer, LUCK.outerFill);
  band(g, r, domain, quarters, inner.lower, inner.upper, LUCK.inner, LUCK.innerFill);
  for (const edge of [outer.lower, outer.upper])
    line(g, r, domain, quarters, edge, LUCK.outer, strokes.outerEdge, false, 1);
  for (const edge of [inner.lower, inner.upper])
    line(g, r, domain, quarters, edge, LUCK.inner, strokes.innerEdge, false, 1);
  line(g, r, domain, quarters, b.p50, LUCK.median, strokes.median, true, 1);
  return outer;
}

/** Stacked columns: stacks[q][k] tokens of colour colors[k]; the scale is `max` tokens. */
export function stackedColumns(
  g: Phaser.GameObjects.Graphics,
  r: Rect,
  stacks: readonly (readonly number[])[],
  colors: readonly number[],
  max: number,
  quarters: number,
): void {
  const slot = r.w / Math.max(1, quarters);
  const w = Math.max(2, slot * 0.7);
  stacks.forEach((stack, q) => {
    let y = r.y + r.h;
    const x = r.x + q * slot + (slot - w) / 2;
    stack.forEach((tokens, k) => {
      if (tokens <= 0) return;
      const h = (tokens / max) * r.h;
      g.fillStyle(colors[k] ?? COLORS.text, 1);
      g.fillRect(x, y - h, w, Math.max(1, h - 1));
      y -= h;
    });
  });
  g.lineStyle(1, COLORS.line, 1);
  g.lineBetween(r.x, r.y + r.h, r.x + r.w, r.y + r.h);
}

/** The width of one quarter's column when columns sit on the quarters' x (divergingColumns). */
export function columnWidth(r: Rect, quarters: number): number {
  const slot = r.w / Math.max(1, quarters - 1);
  return Math.max(3, Math.min(34, slot * 0.6));
}

/**
 * Columns of signed parts, one per quarter centred on the quarter's x: positive parts stacked up
 * from zero, negative ones down, so a part that took value away reads below the line.
 */
export function divergingColumns(
  g: Phaser.GameObjects.Graphics,
  r: Rect,
  domain: Domain,
  quarters: number,
  columns: readonly (readonly { value: number; color: number }[])[],
): void {
  const w = columnWidth(r, quarters);
  const zero = yFor(r, domain, 0);
  columns.forEach((parts, i) => {
    const x = xFor(r, i + 1, quarters) - w / 2;
    let up = 0;
    let down = 0;
    for (const { value, color } of parts) {
      if (value === 0) continue;
      const from = value > 0 ? up : down;
      const to = from + value;
      if (value > 0) up = to;
      else down = to;
      const y0 = yFor(r, domain, from);
      const y1 = yFor(r, domain, to);
      const h = Math.abs(y1 - y0);
      if (h < 0.5) continue;
      g.fillStyle(color, 1);
      g.fillRect(x, Math.min(y0, y1), w, Math.max(1, h - 0.5));
    }
  });
  g.lineStyle(1, COLORS.text, 0.6);
  g.lineBetween(r.x - w / 2, zero, r.x + r.w + w / 2, zero);
}
