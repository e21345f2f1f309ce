/**
 * A gauge row: name and value, change since last quarter, a needle bar (with the forecast as a
 * ghost marker while deciding) and the sparkline of the whole history. Optional reason lines.
 */
import Phaser from "phaser";
import { COLORS } from "../theme";
import type { Rect } from "../viewmodels/chart";
import type { GaugeModel } from "../viewmodels/gauges";
import type { ReasonLine } from "../viewmodels/reasons";
import { fit, text } from "./text";

export const GAUGE_COLORS = {
  engagement: COLORS.engagement,
  reach: COLORS.reach,
  trust: COLORS.trust,
} as const;

export function sparkline(
  g: Phaser.GameObjects.Graphics,
  r: Rect,
  values: readonly number[],
  color: number,
  slots: number,
): void {
  g.lineStyle(1, COLORS.line, 0.8);
  g.lineBetween(r.x, r.y + r.h, r.x + r.w, r.y + r.h);
  if (values.length === 0) return;
  const n = Math.max(slots, values.length) - 1 || 1;
  const pts = values.map(
    (v, i) => new Phaser.Math.Vector2(r.x + (i / n) * r.w, r.y + r.h - v * r.h),
  );
  // A soft area under the line, then the line, then the last point.
  g.fillStyle(color, 0.12);
  g.fillPoints(
    [
      new Phaser.Math.Vector2(r.x, r.y + r.h),
      ...pts,
      new Phaser.Math.Vector2(pts[pts.length - 1]!.x, r.y + r.h),
    ],
    true,
  );
  g.lineStyle(2, color, 1);
  g.strokePoints(pts, false);
  const last = pts[pts.length - 1]!;
  g.fillStyle(color, 1);
  g.fillCircle(last.x, last.y, 3.5);
}

export function gaugeRow(
  scene: Phaser.Scene,
  r: Rect,
  model: GaugeModel,
  label: string,
  hint: string,
  slots: number,
  reasons: readonly ReasonLine[] = [],
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const color = GAUGE_COLORS[model.id];
  const big = r.h >= 110 ? 26 : 20;
  // The explanatory hint only where there is room for it and for a readable sparkline.
  const showHint = hint !== "" && r.w > 300 && r.h - reasons.length * 19 >= 104;
  c.add(text(scene, r.x, r.y, label, { size: 15, weight: "bold" }));
  if (showHint)
    c.add(fit(text(scene, r.x, r.y + 20, hint, { size: 12, color: COLORS.textFaint }), r.w * 0.55));
  const value = text(scene, r.x + r.w, r.y - 4, model.display, {
    size: big,
    weight: "bold",
    color,
    align: "right",
  }).setOrigin(1, 0);
  c.add(value);
  if (model.deltaDisplay) {
    const up = model.delta > 1e-9;
    const down = model.delta < -1e-9;
    c.add(
      text(scene, r.x + r.w - value.width - 10, r.y + 4, model.deltaDisplay, {
        size: 13,
        weight: "bold",
        color: up ? COLORS.accent : down ? COLORS.danger : COLORS.textFaint,
        align: "right",
      }).setOrigin(1, 0),
    );
  }
  const g = scene.add.graphics();
  const barY = r.y + (showHint ? 42 : 28);
  const barH = 6;
  g.fillStyle(COLORS.backgroundDeep, 1);
  g.fillRoundedRect(r.x, barY, r.w, barH, barH / 2);
  g.fillStyle(color, 1);
  if (model.fill > 0.004)
    g.fillRoundedRect(r.x, barY, Math.max(barH, r.w * model.fill), barH, barH / 2);
  if (model.forecastFill !== undefined) {
    const fx = r.x + r.w * model.forecastFill;
    g.lineStyle(2, COLORS.text, 0.9);
    g.lineBetween(fx, barY - 5, fx, barY + barH + 5);
    g.fillStyle(COLORS.text, 0.9);
    g.fillTriangle(fx - 5, barY - 9, fx + 5, barY - 9, fx, barY - 3);
  }
  const sparkTop = barY + barH + 8;
  const reasonsH = reasons.length * 19;
  const sparkH = Math.max(16, r.y + r.h - sparkTop - reasonsH - (reasons.length ? 6 : 0));
  sparkline(g, { x: r.x, y: sparkTop, w: r.w, h: sparkH }, model.spark, color, slots + 1);
  c.add(g);
  if (model.forecastDelta !== undefined && r.w > 240) {
    c.add(
      text(scene, r.x + r.w, barY + barH + 4, model.forecastDelta, {
        size: 11,
        color: COLORS.textDim,
        align: "right",
      }).setOrigin(1, 0),
    );
  }
  reasons.forEach((line, i) => {
    const y = sparkTop + sparkH + 6 + i * 19;
    const sign = text(scene, r.x, y, line.display, {
      size: 13,
      weight: "bold",
      color: line.positive ? COLORS.accent : COLORS.danger,
    });
    c.add(sign);
    c.add(fit(text(scene, r.x + 64, y, line.label, { size: 13, color: COLORS.textDim }), r.w - 64));
  });
  return c;
}
