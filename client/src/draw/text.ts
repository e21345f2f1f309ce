/** Text on the canvas, crisp on high-density screens, in the app's font. */
import type Phaser from "phaser";
import { COLORS, FONT, css } from "../theme";

export interface TextStyle {
  size: number;
  color?: number;
  weight?: "normal" | "bold" | "600";
  align?: "left" | "center" | "right";
  wrap?: number;
  /** Break only between words (a word wider than the line overflows, for the caller to detect). */
  wrapWords?: boolean;
  lineSpacing?: number;
  alpha?: number;
}

const RESOLUTION =
  typeof window === "undefined" ? 1 : Math.min(3, Math.max(1, window.devicePixelRatio || 1));

/**
 * Phaser measures a font's ascent and descent by drawing it and reading pixels back, for every
 * new text object; that read-back dominated redraw time. Metrics depend only on the font, so
 * each size/weight is measured once and handed to later texts.
 */
const metricsCache = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();

export function text(
  scene: Phaser.Scene,
  x: number,
  y: number,
  value: string,
  style: TextStyle,
): Phaser.GameObjects.Text {
  const size = Math.round(style.size);
  const bold = style.weight === "bold" || style.weight === "600";
  const metricsKey = `${size}:${bold ? "b" : "n"}`;
  const known = metricsCache.get(metricsKey);
  const t = scene.add.text(x, y, value, {
    fontFamily: FONT,
    fontSize: `${size}px`,
    fontStyle: bold ? "bold" : "normal",
    resolution: RESOLUTION,
    ...(known ? { metrics: known } : {}),
    color: css(style.color ?? COLORS.text),
    align: style.align ?? "left",
    wordWrap: style.wrap ? { width: style.wrap, useAdvancedWrap: !style.wrapWords } : undefined,
    lineSpacing: style.lineSpacing ?? Math.round(style.size * 0.25),
  });
  if (!known) metricsCache.set(metricsKey, t.getTextMetrics());
  if (style.alpha !== undefined) t.setAlpha(style.alpha);
  return t;
}

/** Shortens a text object with an ellipsis until it fits `maxWidth`. */
export function fit(t: Phaser.GameObjects.Text, maxWidth: number): Phaser.GameObjects.Text {
  if (t.width <= maxWidth) return t;
  let value = t.text;
  while (value.length > 1 && t.width > maxWidth) {
    value = value.slice(0, -1);
    t.setText(`${value.trimEnd()}…`);
  }
  return t;
}
