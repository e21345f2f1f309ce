/**
 * The reveal: each gauge's new value and change with the top reasons behind it, computed by the
 * same step that moved the numbers. Three columns on wide screens, stacked on phones.
 */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import type { Rect } from "../viewmodels/chart";
import type { GaugeModel } from "../viewmodels/gauges";
import type { ReasonLine } from "../viewmodels/reasons";
import { canvasButton } from "./button";
import { resultsActionRect } from "../viewmodels/controls";
import { GAUGE_COLORS } from "./gauge";
import { panel } from "./panel";
import { fit, text } from "./text";

export interface ResultColumn {
  gauge: GaugeModel;
  label: string;
  reasons: readonly ReasonLine[];
}

export interface ResultsCardModel {
  title: string;
  heading: string;
  columns: readonly ResultColumn[];
  notes: readonly string[];
  action: { label: string; onClick: () => void } | null;
  waiting: string;
  /**
   * Every team's revealed decision (wide screens), drawn by the caller in the room the card
   * leaves for it: `height` tall, above the notes.
   */
  decisions: {
    height: number;
    /** The least it can be drawn in, when the card is short. */
    minHeight: number;
    draw: (r: Rect) => Phaser.GameObjects.GameObject | null;
  } | null;
}

export function resultsCard(
  scene: Phaser.Scene,
  r: Rect,
  m: ResultsCardModel,
  compact: boolean,
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  c.add(
    panel(scene, r, { fill: COLORS.panel, border: COLORS.accent, borderAlpha: 0.6, radius: 18 }),
  );
  const pad = compact ? 16 : 28;
  c.add(
    text(scene, r.x + pad, r.y + pad * 0.8, m.heading.toUpperCase(), {
      size: 12,
      weight: "bold",
      color: COLORS.accent,
    }),
  );
  c.add(
    fit(
      text(scene, r.x + pad, r.y + pad * 0.8 + 18, m.title, {
        size: compact ? 20 : 28,
        weight: "bold",
      }),
      r.w - pad * 2,
    ),
  );
  const top = r.y + pad * 0.8 + (compact ? 52 : 64);
  // Notes wrap rather than lose their end ("…l'allocation par défaut a été jouée" on a phone).
  const notes = m.notes.map((note) =>
    text(scene, r.x + pad, 0, note, { size: 13, color: COLORS.warning, wrap: r.w - pad * 2 }),
  );
  const notesH = notes.reduce((sum, t) => sum + t.height + 4, 0);
  const footer = (notes.length ? notesH + 4 : 0) + 64;
  const areaH = r.y + r.h - footer - top;
  const n = m.columns.length;
  m.columns.forEach((col, i) => {
    const color = GAUGE_COLORS[col.gauge.id];
    const box: Rect = compact
      ? { x: r.x + pad, y: top + (i * areaH) / n, w: r.w - pad * 2, h: areaH / n - 8 }
      : { x: r.x + pad + (i * (r.w - pad * 2)) / n, y: top, w: (r.w - pad * 2) / n - 20, h: areaH };
    c.add(text(scene, box.x, box.y, col.label, { size: compact ? 14 : 16, weight: "bold", color }));
    const value = text(
      scene,
      compact ? box.x + box.w : box.x,
      compact ? box.y - 4 : box.y + 22,
      col.gauge.display,
      {
        size: compact ? 22 : 34,
        weight: "bold",
      },
    ).setOrigin(compact ? 1 : 0, 0);
    c.add(value);
    if (col.gauge.deltaDisplay) {
      const up = col.gauge.delta > 1e-9;
      const down = col.gauge.delta < -1e-9;
      const delta = text(scene, 0, compact ? box.y + 2 : box.y + 36, col.gauge.deltaDisplay, {
        size: compact ? 13 : 16,
        weight: "bold",
        color: up ? COLORS.accent : down ? COLORS.danger : COLORS.textFaint,
      }).setOrigin(compact ? 1 : 0, 0);
      // Side by side in the column: on a narrow card the value's digits shrink to make room.
      const room = box.w - 10 - delta.width;
      if (!compact && value.width > room && room > 0) {
        value.setFontSize(Math.max(18, Math.floor((34 * room) / value.width)));
      }
      delta.setX(compact ? box.x + box.w - value.width - 10 : box.x + value.width + 10);
      c.add(delta);
    }
    const lineH = compact ? 18 : 24;
    const y0 = box.y + (compact ? 26 : 76);
    col.reasons.forEach((line, k) => {
      const y = y0 + k * lineH;
      if (y + lineH > box.y + box.h + 4) return;
      c.add(
        text(scene, box.x, y, line.display, {
          size: compact ? 12 : 14,
          weight: "bold",
          color: line.positive ? COLORS.accent : COLORS.danger,
        }),
      );
      c.add(
        fit(
          text(scene, box.x + (compact ? 62 : 74), y, line.label, {
            size: compact ? 12 : 14,
            color: COLORS.textDim,
          }),
          box.w - (compact ? 62 : 74),
        ),
      );
    });
  });
  const reasonsBottom = top + (compact ? areaH : 76 + 3 * 24 + 8);
  const room = r.y + r.h - footer - reasonsBottom;
  const needed = Math.min(room, (m.decisions?.height ?? 0) + 12);
  if (!compact && m.decisions && needed >= m.decisions.minHeight + 12) {
    const table = m.decisions.draw({
      x: r.x + pad,
      y: r.y + r.h - footer - needed,
      w: r.w - pad * 2,
      h: needed - 12,
    });
    if (table) c.add(table);
  }
  let y = r.y + r.h - footer;
  for (const note of notes) {
    c.add(note.setY(y));
    y += note.height + 4;
  }
  const by = r.y + r.h - 60;
  if (m.action) {
    const at = resultsActionRect(r, compact);
    c.add(
      canvasButton(scene, {
        ...at,
        label: m.action.label,
        onClick: m.action.onClick,
      }),
    );
  } else if (m.waiting) {
    c.add(text(scene, r.x + pad, by + 14, m.waiting, { size: 14, color: COLORS.textDim }));
  }
  return c;
}
