/** Rounded panels and small shapes the screens are built from. */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import type { Rect } from "../viewmodels/chart";

export interface PanelStyle {
  fill?: number;
  alpha?: number;
  border?: number;
  borderAlpha?: number;
  radius?: number;
  lineWidth?: number;
}

export function panel(
  scene: Phaser.Scene,
  r: Rect,
  style: PanelStyle = {},
): Phaser.GameObjects.Graphics {
  const g = scene.add.graphics();
  const radius = style.radius ?? 14;
  g.fillStyle(style.fill ?? COLORS.panel, style.alpha ?? 0.96);
  g.fillRoundedRect(r.x, r.y, r.w, r.h, radius);
  if (style.border !== undefined) {
    const lw = style.lineWidth ?? 1;
    g.lineStyle(lw, style.border, style.borderAlpha ?? 1);
    g.strokeRoundedRect(r.x + lw / 2, r.y + lw / 2, r.w - lw, r.h - lw, radius);
  }
  return g;
}

/** A dashed rounded outline (the temptation tile): dashes along the straight edges only. */
export function dashedRect(
  g: Phaser.GameObjects.Graphics,
  r: Rect,
  color: number,
  dash = 8,
  gap = 6,
): void {
  g.lineStyle(2, color, 0.9);
  const edge = (x1: number, y1: number, x2: number, y2: number) => {
    const len = Math.hypot(x2 - x1, y2 - y1);
    const ux = (x2 - x1) / len;
    const uy = (y2 - y1) / len;
    for (let d = 0; d < len; d += dash + gap) {
      const e = Math.min(len, d + dash);
      g.lineBetween(x1 + ux * d, y1 + uy * d, x1 + ux * e, y1 + uy * e);
    }
  };
  const k = 12;
  edge(r.x + k, r.y, r.x + r.w - k, r.y);
  edge(r.x + r.w, r.y + k, r.x + r.w, r.y + r.h - k);
  edge(r.x + r.w - k, r.y + r.h, r.x + k, r.y + r.h);
  edge(r.x, r.y + r.h - k, r.x, r.y + k);
}

/** A round +/− control drawn with graphics so it is crisp at any size. */
export function roundControl(
  scene: Phaser.Scene,
  x: number,
  y: number,
  size: number,
  sign: "+" | "-",
  color: number,
  enabled: boolean,
  onClick: () => void,
  label: string,
): Phaser.GameObjects.Container {
  const g = scene.add.graphics();
  const r = size / 2;
  const draw = (hover: boolean) => {
    g.clear();
    g.fillStyle(color, enabled ? (hover ? 0.35 : 0.2) : 0.06);
    g.fillCircle(0, 0, r);
    g.lineStyle(2, color, enabled ? 1 : 0.3);
    g.strokeCircle(0, 0, r - 1);
    g.lineStyle(3, enabled ? COLORS.text : COLORS.textFaint, 1);
    g.lineBetween(-r * 0.42, 0, r * 0.42, 0);
    if (sign === "+") g.lineBetween(0, -r * 0.42, 0, r * 0.42);
  };
  draw(false);
  const c = scene.add.container(x, y, [g]);
  c.setName(label);
  if (enabled) {
    const zone = scene.add.zone(0, 0, size + 8, size + 8).setInteractive({ useHandCursor: true });
    zone.on("pointerover", () => draw(true));
    zone.on("pointerout", () => draw(false));
    zone.on(
      "pointerdown",
      (_p: unknown, _x: number, _y: number, event: { stopPropagation(): void }) => {
        event.stopPropagation();
        onClick();
      },
    );
    c.add(zone);
  }
  return c;
}
