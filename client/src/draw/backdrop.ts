/**
 * The community as art: members as dots joined by faint links, a few of them lit. Positions come
 * from a fixed pseudo-random sequence so every screen (and every screenshot) looks the same.
 */
import type Phaser from "phaser";
import { COLORS } from "../theme";

function sequence(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function backdrop(
  scene: Phaser.Scene,
  width: number,
  height: number,
  options: { nodes?: number; lit?: number; alpha?: number } = {},
): Phaser.GameObjects.Graphics {
  const g = scene.add.graphics();
  const rnd = sequence(7);
  const count = options.nodes ?? Math.round(Math.min(140, (width * height) / 14000));
  const points = Array.from({ length: count }, () => ({
    x: rnd() * width,
    y: rnd() * height,
    r: 1.5 + rnd() * 3,
  }));
  const alpha = options.alpha ?? 1;
  const reach = Math.max(90, Math.min(width, height) / 6);
  g.lineStyle(1, COLORS.line, 0.45 * alpha);
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as { x: number; y: number };
    for (let j = i + 1; j < points.length; j++) {
      const b = points[j] as { x: number; y: number };
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      if (dx * dx + dy * dy < reach * reach) g.lineBetween(a.x, a.y, b.x, b.y);
    }
  }
  const lit = options.lit ?? 0.18;
  points.forEach((p, i) => {
    const on = i / points.length < lit;
    g.fillStyle(on ? COLORS.accent : COLORS.textFaint, (on ? 0.9 : 0.35) * alpha);
    g.fillCircle(p.x, p.y, on ? p.r + 1 : p.r);
  });
  return g;
}
