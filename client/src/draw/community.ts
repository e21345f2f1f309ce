/**
 * The community at the centre of the ring: members as dots on a sunflower spiral, lit in
 * proportion to engagement, inside a halo whose colour strength follows trust.
 */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import { text } from "./text";

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export function community(
  scene: Phaser.Scene,
  cx: number,
  cy: number,
  radius: number,
  engagementFill: number,
  trust: number,
  title: string,
  caption: string,
): Phaser.GameObjects.Container {
  const c = scene.add.container(cx, cy);
  const g = scene.add.graphics();
  g.fillStyle(COLORS.trust, 0.05 + 0.12 * trust);
  g.fillCircle(0, 0, radius);
  g.lineStyle(2, COLORS.trust, 0.25 + 0.5 * trust);
  g.strokeCircle(0, 0, radius);
  const dots = Math.round(Math.max(40, Math.min(120, radius * 0.9)));
  const lit = Math.round(dots * Math.max(0.02, Math.min(1, engagementFill)));
  const inner = radius * 0.78;
  for (let i = 0; i < dots; i++) {
    const r = inner * Math.sqrt((i + 0.5) / dots);
    const a = i * GOLDEN_ANGLE;
    const on = i < lit;
    g.fillStyle(on ? COLORS.engagement : COLORS.textFaint, on ? 0.95 : 0.3);
    g.fillCircle(Math.cos(a) * r, Math.sin(a) * r, on ? 3.2 : 2.4);
  }
  c.add(g);
  const size = Math.round(Math.max(11, Math.min(18, radius * 0.14)));
  c.add(
    text(scene, 0, radius + 8, title, {
      size,
      weight: "bold",
      align: "center",
      color: COLORS.textDim,
    }).setOrigin(0.5, 0),
  );
  c.add(
    text(scene, 0, radius + 10 + size * 1.4, caption, {
      size: size - 1,
      align: "center",
      color: COLORS.engagement,
    }).setOrigin(0.5, 0),
  );
  return c;
}
