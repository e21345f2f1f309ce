/** The decision clock in the header: big digits, amber under a minute, red under 15 s. */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import type { TimerModel } from "../viewmodels/timer";
import { text } from "./text";

export function timerColor(model: TimerModel): number {
  if (model.paused) return COLORS.textDim;
  return model.urgency === "urgent"
    ? COLORS.danger
    : model.urgency === "soon"
      ? COLORS.warning
      : COLORS.text;
}

/** Returns the text object so the scene can update it every second without a redraw. */
export function timerBadge(
  scene: Phaser.Scene,
  x: number,
  y: number,
  model: TimerModel,
  caption: string,
  size: number,
): { container: Phaser.GameObjects.Container; digits: Phaser.GameObjects.Text } {
  const c = scene.add.container(0, 0);
  const digits = text(scene, x, y, model.text, {
    size,
    weight: "bold",
    color: timerColor(model),
    align: "right",
  }).setOrigin(1, 0);
  c.add(digits);
  c.add(
    // Under the digits as measured: the font's own height, not a guess from its size.
    text(scene, x, y + digits.height, caption, {
      size: Math.max(11, size * 0.34),
      color: COLORS.textDim,
      align: "right",
    }).setOrigin(1, 0),
  );
  return { container: c, digits };
}
