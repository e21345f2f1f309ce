/**
 * A chart's legend as a row of swatches and labels that wraps onto the next line instead of
 * running past the chart's right edge (a phone is narrower than any legend).
 */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import { text } from "./text";

export interface LegendItem {
  color: number;
  alpha?: number;
  label: string;
  /** A box (an area, a band) or a line (a trajectory; dashed ones too). */
  swatch: "box" | "line";
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
    g.fillStyle(item.color, item.alpha ?? 1);
    if (item.swatch === "box") g.fillRect(cx, cy + 3, SWATCH - 2, 10);
    else g.fillRect(cx, cy + 6, SWATCH, 4);
    label.setX(cx + SWATCH + 6);
    add(label);
    cx += width + GAP;
  }
  return cy + ROW - y;
}
