/**
 * A small causal-loop diagram: engagement in the middle, the four feedback loops around it, each
 * drawn as a closed loop (out to its node, back to engagement) as wide as its contribution that
 * year — green when it pushed engagement up, red when it pulled it down; the dominant loop full
 * strength, the others softer.
 */
import Phaser from "phaser";
import type { LoopId } from "../../../shared/analysis/loops";
import { COLORS } from "../theme";
import type { Point, Rect } from "../viewmodels/chart";
import type { LoopEdge, LoopPanel } from "../viewmodels/loops";
import { fit, text } from "./text";

/** Where each loop's node sits around engagement (radians, screen y downwards). */
const ANGLES: Record<LoopId, number> = {
  culture: (-3 * Math.PI) / 4,
  experts: -Math.PI / 4,
  champions: (3 * Math.PI) / 4,
  buzz: Math.PI / 4,
};

function bezier(a: Point, control: Point, b: Point): Phaser.Math.Vector2[] {
  const curve = new Phaser.Curves.QuadraticBezier(
    new Phaser.Math.Vector2(a.x, a.y),
    new Phaser.Math.Vector2(control.x, control.y),
    new Phaser.Math.Vector2(b.x, b.y),
  );
  return curve.getPoints(20);
}

function arrowHead(
  g: Phaser.GameObjects.Graphics,
  points: Phaser.Math.Vector2[],
  size: number,
): void {
  const tip = points[points.length - 1];
  const before = points[points.length - 3];
  if (!tip || !before) return;
  const angle = Math.atan2(tip.y - before.y, tip.x - before.x);
  const spread = Math.PI / 7;
  g.fillTriangle(
    tip.x,
    tip.y,
    tip.x - size * Math.cos(angle - spread),
    tip.y - size * Math.sin(angle - spread),
    tip.x - size * Math.cos(angle + spread),
    tip.y - size * Math.sin(angle + spread),
  );
}

/** One loop: out along one side, back along the other, both arrows as wide as the edge. */
function loop(
  g: Phaser.GameObjects.Graphics,
  center: Point,
  node: Point,
  hub: number,
  dot: number,
  edge: LoopEdge,
  scale: number,
): void {
  const angle = Math.atan2(node.y - center.y, node.x - center.x);
  const from = { x: center.x + hub * Math.cos(angle), y: center.y + hub * Math.sin(angle) };
  const to = { x: node.x - dot * Math.cos(angle), y: node.y - dot * Math.sin(angle) };
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const bend = Math.hypot(to.x - from.x, to.y - from.y) * 0.45;
  const side = { x: -Math.sin(angle) * bend, y: Math.cos(angle) * bend };
  const color = edge.positive ? COLORS.accent : COLORS.danger;
  const alpha = edge.dominant ? 1 : 0.55;
  const width = Math.max(1, edge.width * scale);
  for (const [a, b, sign] of [
    [from, to, 1],
    [to, from, -1],
  ] as const) {
    const points = bezier(a, { x: mid.x + sign * side.x, y: mid.y + sign * side.y }, b);
    g.lineStyle(width, color, alpha);
    g.strokePoints(points, false);
    g.fillStyle(color, alpha);
    arrowHead(g, points, 6 * scale + width);
  }
}

export function loopDiagram(
  scene: Phaser.Scene,
  r: Rect,
  panel: LoopPanel,
  hubLabel: string,
  scale: number,
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const title = fit(
    text(scene, r.x + r.w / 2, r.y, panel.title, {
      size: 15 * scale,
      weight: "bold",
      align: "center",
    }).setOrigin(0.5, 0),
    r.w,
  );
  // The sentence under the diagram is laid out first: the diagram takes what is left.
  const summary = text(scene, r.x + r.w / 2, 0, panel.summary, {
    size: 12 * scale,
    color: COLORS.textDim,
    align: "center",
    wrap: r.w - 8,
    wrapWords: true,
  }).setOrigin(0.5, 0);
  summary.setY(r.y + r.h - summary.height);
  c.add([title, summary]);
  const top = r.y + title.height + 4 * scale;
  const area = { x: r.x, y: top, w: r.w, h: summary.y - 4 * scale - top };
  const center = { x: area.x + area.w / 2, y: area.y + area.h / 2 };
  // Nodes sit at 0.55·reach from the centre on each axis; their two lines of text (≈ 32 px at
  // scale 1, ≈ 80 px wide) must stay inside the box.
  const reach = Math.max(
    30,
    Math.min(
      area.w / 2,
      area.h / 2,
      (area.h / 2 - 32 * scale) / 0.68,
      (area.w / 2 - 40 * scale) / 0.55,
    ),
  );
  const hub = Math.max(14, reach * 0.26);
  const dot = Math.max(8, reach * 0.13);
  const g = scene.add.graphics();
  c.add(g);
  for (const edge of panel.edges) {
    const angle = ANGLES[edge.id];
    const node = {
      x: center.x + reach * 0.78 * Math.cos(angle),
      y: center.y + reach * 0.78 * Math.sin(angle),
    };
    loop(g, center, node, hub, dot, edge, scale);
    g.fillStyle(COLORS.panelRaised, 1);
    g.fillCircle(node.x, node.y, dot);
    g.lineStyle(2, edge.positive ? COLORS.accent : COLORS.danger, edge.dominant ? 1 : 0.5);
    g.strokeCircle(node.x, node.y, dot);
    const below = Math.sin(angle) > 0;
    const label = text(scene, node.x, node.y + (below ? dot + 2 : -dot - 2), edge.node, {
      size: 12 * scale,
      weight: edge.dominant ? "bold" : "normal",
      color: COLORS.textDim,
      align: "center",
    }).setOrigin(0.5, below ? 0 : 1);
    const value = text(
      scene,
      node.x,
      label.y + (below ? label.height : -label.height),
      edge.display,
      {
        size: 12 * scale,
        weight: "bold",
        color: edge.positive ? COLORS.accent : COLORS.danger,
        align: "center",
      },
    ).setOrigin(0.5, below ? 0 : 1);
    c.add([label, value]);
  }
  g.fillStyle(COLORS.panelRaised, 1);
  g.fillCircle(center.x, center.y, hub);
  g.lineStyle(2, COLORS.engagement, 1);
  g.strokeCircle(center.x, center.y, hub);
  c.add(
    fit(
      text(scene, center.x, center.y, hubLabel, {
        // Small enough for the word to sit inside the circle (≈ 0.62 em per bold character).
        size: Math.min(12 * scale, (2 * hub - 8) / (0.62 * Math.max(1, hubLabel.length))),
        weight: "bold",
        align: "center",
      }).setOrigin(0.5),
      hub * 2 - 4,
    ),
  );
  return c;
}
