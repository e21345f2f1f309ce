/** The leaderboard: the CFO's quarterly KPI next to the long-term score, the gap made visible. */
import type Phaser from "phaser";
import { COLORS, teamColor } from "../theme";
import type { Rect } from "../viewmodels/chart";
import type { LeaderRow } from "../viewmodels/leaderboard";
import { fit, text } from "./text";

export interface LeaderLabels {
  title: string;
  kpi: string;
  score: string;
  you: string;
}

export function leaderboardTable(
  scene: Phaser.Scene,
  r: Rect,
  rows: readonly LeaderRow[],
  labels: LeaderLabels,
  options: { showSubmitted?: boolean; scale?: number } = {},
): Phaser.GameObjects.Container {
  const s = options.scale ?? 1;
  const c = scene.add.container(0, 0);
  c.add(
    text(scene, r.x, r.y, labels.title.toUpperCase(), {
      size: 12 * s,
      weight: "bold",
      color: COLORS.textDim,
    }),
  );
  const colScore = r.x + r.w;
  const headY = r.y + 22 * s;
  const scoreHead = text(scene, colScore, headY, labels.score, {
    size: 11 * s,
    color: COLORS.score,
    align: "right",
    weight: "bold",
  }).setOrigin(1, 0);
  const colKpi = colScore - Math.max(Math.round(110 * s), scoreHead.width + 20 * s);
  c.add(scoreHead);
  c.add(
    text(scene, colKpi, headY, labels.kpi, {
      size: 11 * s,
      color: COLORS.kpi,
      align: "right",
    }).setOrigin(1, 0),
  );
  const top = headY + 22 * s;
  const rowH = Math.max(26 * s, Math.min(44 * s, (r.y + r.h - top) / Math.max(1, rows.length)));
  const g = scene.add.graphics();
  c.add(g);
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    if (y + rowH > r.y + r.h + 2) return;
    if (row.mine) {
      g.fillStyle(COLORS.panelRaised, 1);
      g.fillRoundedRect(r.x - 6, y, r.w + 12, rowH - 4, 8);
    }
    const mid = y + (rowH - 4) / 2;
    c.add(
      text(scene, r.x, mid, String(row.scoreRank), {
        size: 15 * s,
        weight: "bold",
        color: COLORS.textDim,
      }).setOrigin(0, 0.5),
    );
    g.fillStyle(teamColor(row.colorIndex), 1);
    g.fillCircle(r.x + 28 * s, mid, 6 * s);
    const same = row.name.toLocaleLowerCase() === labels.you.toLocaleLowerCase();
    const name = row.mine && !same ? `${row.name} (${labels.you})` : row.name;
    const nameText = text(scene, r.x + 42 * s, mid, name, {
      size: 15 * s,
      weight: row.mine ? "bold" : "normal",
    }).setOrigin(0, 0.5);
    // Long names stop short of the ✓ column (the mark sits beside a name, never over it).
    const nameEnd = colKpi - (options.showSubmitted ? 80 : 60) * s;
    c.add(fit(nameText, nameEnd - (r.x + 42 * s)));
    if (options.showSubmitted && row.submitted) {
      g.lineStyle(3, COLORS.accent, 1);
      const tx = colKpi - 72 * s;
      g.lineBetween(tx, mid, tx + 5 * s, mid + 5 * s);
      g.lineBetween(tx + 5 * s, mid + 5 * s, tx + 13 * s, mid - 5 * s);
    }
    c.add(
      text(scene, colKpi, mid, row.kpiDisplay, {
        size: 15 * s,
        color: COLORS.kpi,
        align: "right",
      }).setOrigin(1, 0.5),
    );
    c.add(
      text(scene, colScore, mid, row.scoreDisplay, {
        size: 16 * s,
        weight: "bold",
        color: COLORS.score,
        align: "right",
      }).setOrigin(1, 0.5),
    );
  });
  return c;
}
