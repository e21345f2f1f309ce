/**
 * The podium after the last quarter: the top three on steps (second, first, third from the
 * left), each team's name and final score above its step. Large on the projector, in the
 * quarter's card slot on a board.
 */
import type Phaser from "phaser";
import { COLORS, teamColor } from "../theme";
import type { Rect } from "../viewmodels/chart";
import type { PodiumPlace } from "../viewmodels/reveal";
import { fit, text } from "./text";

export interface PodiumView {
  container: Phaser.GameObjects.Container;
  /** Each step with what stands on it, bottom-anchored, for a rising tween. */
  steps: Phaser.GameObjects.Container[];
}

/** Step heights as shares of the room the steps have, by place. */
const HEIGHT: Record<number, number> = { 1: 1, 2: 0.72, 3: 0.5 };

export function podiumView(
  scene: Phaser.Scene,
  r: Rect,
  places: readonly PodiumPlace[],
  title: string,
  scale = 1,
): PodiumView {
  const c = scene.add.container(0, 0);
  const s = scale;
  const titleText = text(scene, r.x + r.w / 2, r.y, title.toUpperCase(), {
    size: 14 * s,
    weight: "bold",
    color: COLORS.accent,
  }).setOrigin(0.5, 0);
  c.add(titleText);
  const top = r.y + titleText.height + 8 * s;
  // Second, first, third: the winner in the middle, as on a real podium.
  const order = [places.find((p) => p.place === 2), places[0], places.find((p) => p.place === 3)];
  // Ties share a place: whoever is not placed above fills the next free slot.
  const used = new Set(order.filter(Boolean).map((p) => p?.teamId));
  for (const p of places) {
    if (used.has(p.teamId)) continue;
    const free = order.findIndex((o) => !o);
    if (free < 0) break;
    order[free] = p;
    used.add(p.teamId);
  }
  const colW = r.w / 3;
  const nameSize = Math.max(12, 18 * s);
  const labelH = nameSize * 1.3 + 16 * s * 1.3 + 6 * s;
  const room = r.y + r.h - top - labelH;
  const steps: Phaser.GameObjects.Container[] = [];
  order.forEach((place, i) => {
    if (!place) return;
    const stepH = Math.max(16 * s, room * (HEIGHT[place.place] ?? 0.4));
    const x = r.x + i * colW + 6 * s;
    const w = colW - 12 * s;
    const bottom = r.y + r.h;
    // Drawn relative to the step's bottom-left, so scaling its height makes it rise.
    const step = scene.add.container(x, bottom);
    const g = scene.add.graphics();
    g.fillStyle(teamColor(place.colorIndex), 0.9);
    g.fillRoundedRect(0, -stepH, w, stepH, { tl: 8 * s, tr: 8 * s, bl: 0, br: 0 });
    step.add(g);
    step.add(
      text(scene, w / 2, -stepH + 6 * s, String(place.place), {
        size: Math.min(48 * s, stepH * 0.7),
        weight: "bold",
        color: COLORS.backgroundDeep,
      }).setOrigin(0.5, 0),
    );
    const name = fit(
      text(scene, w / 2, -stepH - labelH, place.name, { size: nameSize, weight: "bold" }),
      w,
    ).setOrigin(0.5, 0);
    step.add(name);
    step.add(
      text(scene, w / 2, -stepH - labelH + nameSize * 1.3 + 2 * s, `${place.scoreDisplay} pts`, {
        size: 16 * s,
        color: COLORS.score,
        weight: "bold",
      }).setOrigin(0.5, 0),
    );
    c.add(step);
    steps.push(step);
  });
  const hooks = window.__elan;
  if (hooks) hooks.podium = { scene: scene.scene.key, names: places.map((p) => p.name) };
  return { container: c, steps };
}
