/** A canvas button: rounded, with hover and pressed states, disabled look and a keyboard-free click. */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import { text } from "./text";

export interface ButtonOptions {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  size?: number;
  fill?: number;
  color?: number;
  enabled?: boolean;
  radius?: number;
  outline?: boolean;
  onClick: () => void;
}

export function canvasButton(scene: Phaser.Scene, o: ButtonOptions): Phaser.GameObjects.Container {
  const enabled = o.enabled ?? true;
  const fill = o.fill ?? COLORS.accent;
  const radius = o.radius ?? Math.min(12, o.h / 2);
  const g = scene.add.graphics();
  const draw = (state: "idle" | "hover" | "down") => {
    g.clear();
    const alpha = !enabled ? 0.35 : state === "hover" ? 0.92 : state === "down" ? 0.78 : 1;
    if (o.outline) {
      g.lineStyle(2, fill, enabled ? 1 : 0.4);
      g.fillStyle(fill, state === "idle" ? 0.08 : 0.18);
      g.fillRoundedRect(0, 0, o.w, o.h, radius);
      g.strokeRoundedRect(1, 1, o.w - 2, o.h - 2, radius);
    } else {
      g.fillStyle(fill, alpha);
      g.fillRoundedRect(0, 0, o.w, o.h, radius);
    }
  };
  draw("idle");
  const label = text(scene, o.w / 2, o.h / 2, o.label, {
    size: o.size ?? Math.round(Math.min(20, o.h * 0.4)),
    weight: "bold",
    color: o.color ?? (o.outline ? fill : COLORS.backgroundDeep),
    align: "center",
  }).setOrigin(0.5);
  if (!enabled) label.setAlpha(o.outline ? 0.5 : 0.7);
  const c = scene.add.container(o.x, o.y, [g, label]);
  c.setSize(o.w, o.h);
  if (enabled) {
    const zone = scene.add.zone(o.w / 2, o.h / 2, o.w, o.h).setInteractive({ useHandCursor: true });
    c.add(zone);
    zone.on("pointerover", () => draw("hover"));
    zone.on("pointerout", () => draw("idle"));
    zone.on("pointerdown", () => draw("down"));
    zone.on("pointerup", () => {
      draw("hover");
      o.onClick();
    });
  }
  return c;
}
