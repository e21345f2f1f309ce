/**
 * A horizontal waterfall: one row per bar (label, bar, value), each bar starting where the one
 * above ended, thin connectors between them, a zero line. Rows, not columns, so the levers'
 * full names stay readable on a phone.
 */
import type Phaser from "phaser";
import { BUCKET_COLORS, COLORS } from "../theme";
import type { Rect } from "../viewmodels/chart";
import type { WaterfallBar, WaterfallModel } from "../viewmodels/credit";
import { fit, text } from "./text";

/** Playing nothing in grey, each lever in its colour, the score in the score's. */
export function attributionColor(bar: WaterfallBar): number {
  if (bar.key === "base") return COLORS.textFaint;
  if (bar.key === "total") return COLORS.score;
  return BUCKET_COLORS[bar.key];
}

export interface WaterfallStyle {
  /** Type scale (1 on a laptop; larger on the projector). */
  scale: number;
  color(bar: WaterfallBar): number;
  /** A short note after a bar's value ("← your answer"). */
  note?(bar: WaterfallBar): string;
}

export function waterfallChart(
  scene: Phaser.Scene,
  r: Rect,
  model: WaterfallModel,
  style: WaterfallStyle,
): Phaser.GameObjects.Container {
  const s = style.scale;
  const c = scene.add.container(0, 0);
  const g = scene.add.graphics();
  c.add(g);
  const rows = model.bars.length;
  const rowH = r.h / Math.max(1, rows);
  const barH = Math.max(4, Math.min(rowH * 0.62, 30 * s));
  const labelW = Math.min(r.w * 0.36, 250 * s);
  const valueW = Math.min(r.w * 0.3, 190 * s);
  const x0 = r.x + labelW + 10 * s;
  const w = Math.max(10, r.w - labelW - valueW - 20 * s);
  const span = model.max - model.min || 1;
  const xOf = (v: number) => x0 + ((v - model.min) / span) * w;
  // Zero.
  g.lineStyle(1, COLORS.line, 1);
  g.lineBetween(xOf(0), r.y, xOf(0), r.y + r.h);
  const size = Math.max(11, Math.min(15 * s, rowH * 0.5));
  model.bars.forEach((bar, i) => {
    const cy = r.y + i * rowH + rowH / 2;
    const left = xOf(Math.min(bar.from, bar.to));
    const right = xOf(Math.max(bar.from, bar.to));
    const color = style.color(bar);
    g.fillStyle(color, bar.key === "base" ? 0.55 : 1);
    g.fillRect(left, cy - barH / 2, Math.max(2, right - left), barH);
    if (bar.value < 0) {
      g.lineStyle(2, COLORS.danger, 1);
      g.strokeRect(left, cy - barH / 2, Math.max(2, right - left), barH);
    }
    const next = model.bars[i + 1];
    if (next && next.key !== "total") {
      g.lineStyle(1, COLORS.textFaint, 0.6);
      g.lineBetween(xOf(bar.to), cy + barH / 2, xOf(bar.to), cy + rowH - barH / 2);
    }
    const bold = bar.key === "total" ? "bold" : "normal";
    c.add(
      fit(
        text(scene, x0 - 12 * s, cy, bar.label, {
          size,
          color: COLORS.textDim,
          weight: bold,
          align: "right",
        }).setOrigin(1, 0.5),
        labelW - 6 * s,
      ),
    );
    const note = style.note?.(bar) ?? "";
    c.add(
      fit(
        text(scene, right + 8 * s, cy, note ? `${bar.display}  ${note}` : bar.display, {
          size,
          color: bar.value < 0 ? COLORS.danger : COLORS.text,
          weight: "bold",
        }).setOrigin(0, 0.5),
        Math.max(40, r.x + r.w - right - 8 * s),
      ),
    );
  });
  return c;
}
