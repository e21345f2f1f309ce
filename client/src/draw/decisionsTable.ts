/**
 * The revealed decisions as a table on the canvas: a row per team, a cell per bucket with its
 * tokens (tinted by how many), the total at the end. The header is the view-model's choice:
 * short names, or the tiles' icons where the names would not fit.
 */
import type Phaser from "phaser";
import type { Language } from "../../../shared/protocol/messages";
import type { TeamView } from "../../../shared/protocol/view";
import { iconKey } from "../constants";
import { BUCKET_COLORS, COLORS, FONT, teamColor } from "../theme";
import type { Rect } from "../viewmodels/chart";
import {
  decisionsTable,
  TOTAL_HEADER,
  type DecisionsTableModel,
} from "../viewmodels/decisionsTable";
import { fit, text } from "./text";

/** A header cell as drawn, for the browser tests' overlap check. */
export interface HeaderBox {
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

let measureContext: CanvasRenderingContext2D | null = null;

/** Width of `value` in the canvas font, without making a text object. */
export function measureText(value: string, size: number, bold: boolean): number {
  measureContext ??= document.createElement("canvas").getContext("2d");
  if (!measureContext) return value.length * size * 0.6;
  measureContext.font = `${bold ? "bold " : ""}${Math.round(size)}px ${FONT}`;
  return measureContext.measureText(value).width;
}

/** Height the table takes for `teams` rows at scale `s`, comfortably. */
export function decisionsTableHeight(teams: number, s = 1): number {
  return (20 + 26 + teams * 26) * s;
}

/** The least height it can be drawn in (rows squeezed, still readable). */
export function decisionsTableMinHeight(teams: number, s = 1): number {
  return (20 + 26 + teams * MIN_ROW) * s;
}

const MIN_ROW = 17;

export interface DecisionsTableOptions {
  language: Language;
  teams: readonly TeamView[];
  myTeamId: string | null;
  /** Type scale (1 on a board, larger on the projector). */
  scale?: number;
  /** Where the header boxes are reported (the test hooks). */
  report?: (boxes: HeaderBox[]) => void;
}

export function decisionsTableView(
  scene: Phaser.Scene,
  r: Rect,
  o: DecisionsTableOptions,
): Phaser.GameObjects.Container | null {
  const s = o.scale ?? 1;
  const headSize = 12 * s;
  const model = decisionsTable(o.language, o.teams, o.myTeamId, r.w, (v) =>
    measureText(v, headSize, true),
  );
  if (!model) return null;
  const c = scene.add.container(0, 0);
  c.add(
    fit(
      text(scene, r.x, r.y, model.title.toUpperCase(), {
        size: 12 * s,
        weight: "bold",
        color: COLORS.textDim,
      }),
      r.w,
    ),
  );
  const headY = r.y + 20 * s;
  const rowH = Math.max(
    MIN_ROW * s,
    Math.min(26 * s, (r.y + r.h - headY - 26 * s) / model.rows.length),
  );
  const boxes = header(scene, c, r, headY, model, s);
  o.report?.(boxes);
  const g = scene.add.graphics();
  c.addAt(g, 1);
  const top = headY + 26 * s;
  const max = Math.max(1, ...model.rows.flatMap((row) => Object.values(row.tokens)));
  const size = Math.min(14 * s, rowH * 0.6);
  model.rows.forEach((row, i) => {
    const y = top + i * rowH;
    if (row.mine) {
      g.fillStyle(COLORS.panelRaised, 1);
      g.fillRoundedRect(r.x - 4, y, r.w + 8, rowH - 2, 6);
    }
    g.fillStyle(teamColor(row.colorIndex), 1);
    g.fillCircle(r.x + 5 * s, y + rowH / 2 - 1, 4 * s);
    c.add(
      fit(
        text(scene, r.x + 14 * s, y + (rowH - 2 - size * 1.25) / 2, row.name, {
          size,
          weight: row.mine ? "bold" : "normal",
        }),
        model.nameW - 18 * s,
      ),
    );
    model.columns.forEach((col, k) => {
      const x = r.x + model.nameW + k * model.colW;
      const tokens = row.tokens[col.id];
      if (tokens > 0) {
        g.fillStyle(BUCKET_COLORS[col.id], 0.18 + 0.5 * (tokens / max));
        g.fillRoundedRect(x + 2, y + 2, model.colW - 4, rowH - 6, 4);
      }
      c.add(
        text(
          scene,
          x + model.colW / 2,
          y + (rowH - 2 - size * 1.25) / 2,
          tokens ? String(tokens) : "·",
          {
            size,
            weight: "bold",
            color: tokens ? COLORS.text : COLORS.textFaint,
          },
        ).setOrigin(0.5, 0),
      );
    });
    c.add(
      text(scene, r.x + r.w, y + (rowH - 2 - size * 1.25) / 2, String(row.total), {
        size,
        color: COLORS.textDim,
      }).setOrigin(1, 0),
    );
  });
  return c;
}

function header(
  scene: Phaser.Scene,
  c: Phaser.GameObjects.Container,
  r: Rect,
  y: number,
  model: DecisionsTableModel,
  s: number,
): HeaderBox[] {
  const boxes: HeaderBox[] = [];
  const size = 12 * s;
  model.columns.forEach((col, k) => {
    const cx = r.x + model.nameW + (k + 0.5) * model.colW;
    if (model.header === "labels") {
      const label = text(scene, cx, y, col.label, {
        size,
        weight: "bold",
        color: BUCKET_COLORS[col.id],
      }).setOrigin(0.5, 0);
      c.add(label);
      boxes.push({ label: col.label, x: cx - label.width / 2, y, w: label.width, h: label.height });
    } else {
      const icon = Math.min(20 * s, model.colW - 6);
      const image = scene.add.image(cx, y + icon / 2, iconKey(col.id));
      image.setDisplaySize(icon, icon).setTint(BUCKET_COLORS[col.id]);
      c.add(image);
      boxes.push({ label: col.label, x: cx - icon / 2, y, w: icon, h: icon });
    }
  });
  const total = text(scene, r.x + r.w, y, TOTAL_HEADER, {
    size,
    weight: "bold",
    color: COLORS.textDim,
  }).setOrigin(1, 0);
  c.add(total);
  boxes.push({
    label: TOTAL_HEADER,
    x: r.x + r.w - total.width,
    y,
    w: total.width,
    h: total.height,
  });
  return boxes;
}
