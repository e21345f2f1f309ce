/**
 * The budget meter: one slot per token of the quarter, filled in lever colours in board order,
 * so the shape of the allocation is visible at a glance. Empty slots are tokens that will be lost.
 */
import type Phaser from "phaser";
import { BUCKET_IDS, type Allocation } from "../../../shared/model/levers";
import { BUCKET_COLORS, COLORS } from "../theme";
import type { Rect } from "../viewmodels/chart";
import { text } from "./text";

export function budgetMeter(
  scene: Phaser.Scene,
  r: Rect,
  draft: Allocation,
  total: number,
  label: string,
  value: string,
  note: string,
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  c.add(
    text(scene, r.x, r.y, label.toUpperCase(), { size: 12, weight: "bold", color: COLORS.textDim }),
  );
  c.add(
    text(scene, r.x + r.w, r.y - 4, value, { size: 20, weight: "bold", align: "right" }).setOrigin(
      1,
      0,
    ),
  );
  const g = scene.add.graphics();
  const slots = Math.max(1, total);
  const gap = 4;
  const top = r.y + 24;
  const h = Math.max(10, Math.min(22, r.h - 24 - (note ? 18 : 0)));
  const w = (r.w - gap * (slots - 1)) / slots;
  const colors: number[] = [];
  for (const id of BUCKET_IDS) for (let i = 0; i < draft[id]; i++) colors.push(BUCKET_COLORS[id]);
  for (let i = 0; i < slots; i++) {
    const x = r.x + i * (w + gap);
    const color = colors[i];
    if (color !== undefined) {
      g.fillStyle(color, 1);
      g.fillRoundedRect(x, top, w, h, 4);
    } else {
      g.lineStyle(1.5, COLORS.textFaint, 0.7);
      g.strokeRoundedRect(x + 0.75, top + 0.75, w - 1.5, h - 1.5, 4);
    }
  }
  c.add(g);
  if (note) c.add(text(scene, r.x, top + h + 4, note, { size: 12, color: COLORS.warning }));
  return c;
}
