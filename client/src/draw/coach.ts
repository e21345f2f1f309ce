/** A small side note on the board: the solo coach's hint, or what the selected lever does. */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import type { Rect } from "../viewmodels/chart";
import { panel } from "./panel";
import { text } from "./text";

export function noteCard(
  scene: Phaser.Scene,
  r: Rect,
  heading: string,
  body: string,
  accent: number = COLORS.accent,
  /** Fill the whole slot (the card slot of the board) rather than shrink to the text. */
  fill = false,
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const bodyText = text(scene, r.x + 14, r.y + 32, body, {
    size: 14,
    color: COLORS.textDim,
    wrap: r.w - 28,
    lineSpacing: 3,
  });
  const h = fill ? r.h : Math.min(r.h, bodyText.height + 46);
  c.add(
    panel(
      scene,
      { x: r.x, y: r.y, w: r.w, h },
      { fill: COLORS.panel, alpha: 0.85, border: accent, borderAlpha: 0.45 },
    ),
  );
  c.add(
    text(scene, r.x + 14, r.y + 12, heading.toUpperCase(), {
      size: 11,
      weight: "bold",
      color: accent,
    }),
  );
  c.add(bodyText);
  return c;
}
