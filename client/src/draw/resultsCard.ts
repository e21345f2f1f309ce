/**
 * The reveal: each gauge's new value and change with the top reasons behind it, computed by the
 * same step that moved the numbers. Three columns on wide screens, stacked on phones.
 */
import type Phaser from "phaser";
import { BUCKET_IDS, type Allocation, type BucketId } from "../../../shared/model/levers";
import { BUCKET_COLORS, COLORS, teamColor } from "../theme";
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
  /** Every team's revealed decision (wide screens): the strategies side by side. */
  decisions: readonly {
    name: string;
    colorIndex: number;
    allocation: Allocation;
    mine: boolean;
    /** The quarter's CFO KPI and the long-term score, side by side. */
    kpi: string;
    score: string;
  }[];
  kpiLabel: string;
  scoreLabel: string;
  decisionsTitle: string;
  bucketLabel: (id: BucketId) => string;
}

function revealed(
  scene: Phaser.Scene,
  c: Phaser.GameObjects.Container,
  r: Rect,
  m: ResultsCardModel,
): void {
  const rowH = 24;
  c.add(
    text(scene, r.x, r.y, m.decisionsTitle.toUpperCase(), {
      size: 12,
      weight: "bold",
      color: COLORS.textDim,
    }),
  );
  const g = scene.add.graphics();
  c.add(g);
  const nameW = Math.min(180, r.w * 0.28);
  const numbersW = 150;
  const barW = r.w - nameW - 12 - numbersW;
  c.add(
    text(scene, r.x + r.w - 80, r.y, m.kpiLabel, { size: 11, color: COLORS.kpi }).setOrigin(1, 0),
  );
  c.add(
    text(scene, r.x + r.w, r.y, m.scoreLabel, {
      size: 11,
      color: COLORS.score,
      weight: "bold",
    }).setOrigin(1, 0),
  );
  const total = Math.max(
    1,
    ...m.decisions.map((d) => BUCKET_IDS.reduce((n, id) => n + d.allocation[id], 0)),
  );
  m.decisions.forEach((d, i) => {
    const y = r.y + 22 + i * rowH;
    g.fillStyle(teamColor(d.colorIndex), 1);
    g.fillCircle(r.x + 6, y + 8, 5);
    c.add(
      fit(
        text(scene, r.x + 18, y, d.name, { size: 13, weight: d.mine ? "bold" : "normal" }),
        nameW - 20,
      ),
    );
    let x = r.x + nameW;
    const unit = barW / total;
    for (const id of BUCKET_IDS) {
      const w = d.allocation[id] * unit;
      if (w <= 0) continue;
      g.fillStyle(BUCKET_COLORS[id], 1);
      g.fillRect(x + 1, y + 2, Math.max(1, w - 2), 13);
      x += w;
    }
    c.add(text(scene, r.x + r.w - 80, y, d.kpi, { size: 13, color: COLORS.kpi }).setOrigin(1, 0));
    c.add(
      text(scene, r.x + r.w, y, d.score, {
        size: 13,
        weight: "bold",
        color: COLORS.score,
      }).setOrigin(1, 0),
    );
  });
  // The colour key, once.
  let x = r.x + nameW;
  const ly = r.y + 22 + m.decisions.length * rowH + 2;
  for (const id of BUCKET_IDS) {
    g.fillStyle(BUCKET_COLORS[id], 1);
    g.fillRect(x, ly + 3, 10, 10);
    const label = text(scene, x + 14, ly, m.bucketLabel(id), { size: 11, color: COLORS.textFaint });
    c.add(label);
    x += 14 + label.width + 12;
  }
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
      const dx = compact ? box.x + box.w - value.width - 10 : box.x + value.width + 10;
      c.add(
        text(scene, dx, compact ? box.y + 2 : box.y + 36, col.gauge.deltaDisplay, {
          size: compact ? 13 : 16,
          weight: "bold",
          color: up ? COLORS.accent : down ? COLORS.danger : COLORS.textFaint,
        }).setOrigin(compact ? 1 : 0, 0),
      );
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
  const needed = 22 + m.decisions.length * 24 + 24;
  if (!compact && m.decisions.length > 0 && r.y + r.h - footer - reasonsBottom > needed) {
    revealed(
      scene,
      c,
      { x: r.x + pad, y: r.y + r.h - footer - needed, w: r.w - pad * 2, h: needed },
      m,
    );
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
