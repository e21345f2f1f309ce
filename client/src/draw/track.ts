/** The year/quarter track across the top: played quarters filled, the current one ringed. */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import type { Rect } from "../viewmodels/chart";
import type { TrackYear } from "../viewmodels/track";
import { text } from "./text";

export function quarterTrack(
  scene: Phaser.Scene,
  r: Rect,
  years: readonly TrackYear[],
  yearLabel: (year: number) => string,
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const g = scene.add.graphics();
  c.add(g);
  const quarters = years.reduce((n, y) => n + y.quarters.length, 0);
  const yearGap = 14;
  const slot = Math.max(
    10,
    Math.min(34, (r.w - yearGap * (years.length - 1)) / Math.max(1, quarters)),
  );
  const pip = Math.max(4, Math.min(8, slot * 0.28));
  const labelSize = slot < 16 ? 10 : 12;
  // At the foot of the box, but never up into the year labels (nor its event marks): a short
  // box (a small projector) grows downwards instead.
  const labelH = Math.ceil(labelSize * 1.4);
  const marks = years.some((y) => y.quarters.some((q) => q.event)) ? 14 : 4;
  const cy = Math.max(r.y + r.h - pip - 6, r.y + labelH + pip + marks);
  let x = r.x;
  for (const year of years) {
    const start = x;
    for (const q of year.quarters) {
      const px = x + slot / 2;
      if (q.state === "done") {
        g.fillStyle(COLORS.accent, 1);
        g.fillCircle(px, cy, pip);
      } else if (q.state === "current") {
        g.fillStyle(COLORS.text, 1);
        g.fillCircle(px, cy, pip);
        g.lineStyle(2, COLORS.accent, 1);
        g.strokeCircle(px, cy, pip + 4);
      } else {
        g.lineStyle(1.5, COLORS.textFaint, 0.8);
        g.strokeCircle(px, cy, pip - 0.5);
      }
      if (q.event) {
        g.fillStyle(COLORS.warning, 1);
        const ey = cy - pip - 9;
        g.fillTriangle(px, ey - 4, px + 4, ey, px, ey + 4);
        g.fillTriangle(px, ey - 4, px - 4, ey, px, ey + 4);
      }
      x += slot;
    }
    g.lineStyle(1, COLORS.line, 1);
    g.lineBetween(start + 2, cy + pip + 5, x - 2, cy + pip + 5);
    if (slot * year.quarters.length > 30) {
      c.add(
        text(scene, start + 2, r.y, yearLabel(year.year), {
          size: labelSize,
          color: COLORS.textDim,
          weight: "bold",
        }),
      );
    }
    x += yearGap;
  }
  return c;
}
