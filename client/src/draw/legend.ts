/**
 * A chart's legend as a row of swatches and labels that wraps onto the next line instead of
 * running past the chart's right edge (a phone is narrower than any legend).
 */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import { text } from "./text";

export interface LegendItem {
  color: number;
  label: string;
  /** A box (an area), a band (a filled range with its edges) or a line (a trajectory). */
  swatch: "box" | "band" | "line";
  /** Fill opacity of a box or band (default 1). */
  fill?: number;
  /** Line width of a line, or of a band's edges (default 3 for a line, none for a band). */
  edge?: number;
}

const SIZE = 12;
const ROW = 18;
const SWATCH = 16;
const GAP = 22;

/** Draws the legend from (x, y) within `maxWidth`; returns the height it took. */
export function legend(
  scene: Phaser.Scene,
  g: Phaser.GameObjects.Graphics,
  add: (o: Phaser.GameObjects.GameObject) => void,
  items: readonly LegendItem[],
  x: number,
  y: number,
  maxWidth: number,
): number {
  let cx = x;
  let cy = y;
  for (const item of items) {
    const label = text(scene, 0, cy, item.label, { size: SIZE, color: COLORS.textDim });
    const width = SWATCH + 6 + label.width;
    if (cx > x && cx + width > x + maxWidth) {
      cx = x;
      cy += ROW;
      label.setY(cy);
    }
    if (item.swatch === "line") {
      g.lineStyle(item.edge ?? 3, item.color, 1);
      g.lineBetween(cx, cy + 8, cx + SWATCH, cy + 8);
    } else {
      g.fillStyle(item.color, item.fill ?? 1);
      g.fillRect(cx, cy + 2, SWATCH - 2, 12);
      if (item.swatch === "band" && item.edge) {
        g.lineStyle(item.edge, item.color, 1);
        g.lineBetween(cx, cy + 2, cx + SWATCH - 2, cy + 2);
        g.lineBetween(cx, cy + 14, cx + SWATCH - 2, cy + 14);
      }
    }
    label.setX(cx + SWATCH + 6);
    add(label);
    cx += width + GAP;
  }
  return cy + ROW - y;
}
