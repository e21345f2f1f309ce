/** The phone's bottom tab bar: decide, gauges, ranking. */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import type { Rect } from "../viewmodels/chart";
import { text } from "./text";

export function tabBar<T extends string>(
  scene: Phaser.Scene,
  r: Rect,
  tabs: readonly { id: T; label: string; badge?: boolean }[],
  active: T,
  onSelect: (id: T) => void,
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const g = scene.add.graphics();
  g.fillStyle(COLORS.backgroundDeep, 0.97);
  g.fillRect(r.x, r.y, r.w, r.h);
  g.lineStyle(1, COLORS.line, 1);
  g.lineBetween(r.x, r.y, r.x + r.w, r.y);
  c.add(g);
  const w = r.w / tabs.length;
  tabs.forEach((tab, i) => {
    const x = r.x + i * w;
    const on = tab.id === active;
    if (on) {
      g.fillStyle(COLORS.accent, 1);
      g.fillRoundedRect(x + w * 0.3, r.y, w * 0.4, 3, 1.5);
    }
    c.add(
      text(scene, x + w / 2, r.y + r.h / 2, tab.label, {
        size: 14,
        weight: "bold",
        color: on ? COLORS.text : COLORS.textDim,
        align: "center",
      }).setOrigin(0.5),
    );
    if (tab.badge) {
      g.fillStyle(COLORS.warning, 1);
      g.fillCircle(x + w / 2 + 40, r.y + r.h / 2 - 10, 4);
    }
    const zone = scene.add
      .zone(x + w / 2, r.y + r.h / 2, w, r.h)
      .setInteractive({ useHandCursor: true });
    zone.on("pointerdown", () => onSelect(tab.id));
    c.add(zone);
  });
  return c;
}
