/**
 * One lever on the board: icon, name, token count with a pip per token, and − / + controls.
 * The campaigns tile is the temptation: dashed, hot-coloured, labelled apart.
 */
import type Phaser from "phaser";
import { iconKey } from "../constants";
import { BUCKET_COLORS, COLORS } from "../theme";
import type { TileModel } from "../viewmodels/board";
import { tileGeometry } from "../viewmodels/controls";
import { dashedRect, roundControl } from "./panel";
import { fit, text } from "./text";

export interface TileHandlers {
  adjust(delta: number): void;
  select(): void;
}

const VOWEL = /[aeiouyàâäéèêëîïôöùûü]/i;
const INSEPARABLE = new Set(["ch", "gn", "ph", "th", "qu"]);

/**
 * A single word too long for its line is split over two with a hyphen, between two consonants
 * as French and English both allow ("Gouver-nance", "Accom-pagnement").
 */
function hyphenate(t: Phaser.GameObjects.Text, room: number): void {
  const word = t.text;
  if (/\s/.test(word) || word.length < 8) return;
  for (let cut = word.length - 3; cut >= 3; cut--) {
    const a = word[cut - 1] ?? "";
    const b = word[cut] ?? "";
    if (VOWEL.test(a) || VOWEL.test(b) || INSEPARABLE.has((a + b).toLowerCase())) continue;
    t.setText(`${word.slice(0, cut)}-\n${word.slice(cut)}`);
    if (t.width <= room) return;
  }
  t.setText(word);
}

export function leverTile(
  scene: Phaser.Scene,
  x: number,
  y: number,
  w: number,
  h: number,
  tile: TileModel,
  compact: boolean,
  handlers: TileHandlers,
  temptationLabel: string,
): Phaser.GameObjects.Container {
  const color = BUCKET_COLORS[tile.id];
  const c = scene.add.container(x, y);
  const g = scene.add.graphics();
  g.fillStyle(COLORS.panelRaised, 1);
  g.fillRoundedRect(0, 0, w, h, 14);
  g.fillStyle(color, tile.tokens > 0 ? 0.16 : 0.05);
  g.fillRoundedRect(0, 0, w, h, 14);
  if (tile.temptation) dashedRect(g, { x: 0, y: 0, w, h }, color);
  else {
    g.lineStyle(
      tile.selected ? 3 : 1.5,
      tile.selected ? COLORS.text : color,
      tile.selected ? 1 : 0.55,
    );
    g.strokeRoundedRect(1, 1, w - 2, h - 2, 14);
  }
  if (tile.temptation && tile.selected) {
    g.lineStyle(3, COLORS.text, 1);
    g.strokeRoundedRect(-3, -3, w + 6, h + 6, 16);
  }
  c.add(g);
  // Selecting by pointer: anywhere on the tile that is not a control.
  const hit = scene.add.zone(w / 2, h / 2, w, h).setInteractive();
  hit.on("pointerdown", () => handlers.select());
  c.add(hit);

  const { pad, wide, iconSize, control, cy, minusX, plusX, countX, room, badge } = tileGeometry(
    w,
    h,
    compact,
  );
  const icon = scene.add.image(
    pad + iconSize / 2,
    wide ? h / 2 : pad + iconSize / 2,
    iconKey(tile.id),
  );
  icon.setDisplaySize(iconSize, iconSize).setTint(color);
  c.add(icon);
  // Whole words only: a name that needs a third line or a broken word shrinks a little, then
  // falls back to its short form, and only then is cut with an ellipsis.
  let size = compact ? 14 : Math.round(Math.max(13, Math.min(17, w * 0.085)));
  const name = text(
    scene,
    pad + iconSize + 8,
    wide ? h / 2 : pad + iconSize / 2,
    compact && !tile.temptation ? tile.short : tile.name,
    {
      size,
      weight: "bold",
      wrap: room,
      wrapWords: true,
      lineSpacing: 1,
    },
  ).setOrigin(0, 0.5);
  const tooBig = () => name.width > room + 1 || name.height > size * 2.6;
  while (tooBig() && size > 12) {
    size -= 1;
    name.setFontSize(size);
  }
  if (tooBig()) name.setText(tile.short);
  if (tooBig()) hyphenate(name, room);
  fit(name, room);
  c.add(name);
  const count = text(scene, countX, cy, String(tile.tokens), {
    size: Math.round(control * 1.05),
    weight: "bold",
    color: tile.tokens > 0 ? COLORS.text : COLORS.textFaint,
    align: "center",
  }).setOrigin(0.5);
  c.add(count);
  c.add(
    roundControl(
      scene,
      minusX,
      cy,
      control,
      "-",
      color,
      tile.canRemove,
      () => handlers.adjust(-1),
      `minus-${tile.id}`,
    ),
  );
  c.add(
    roundControl(
      scene,
      plusX,
      cy,
      control,
      "+",
      color,
      tile.canAdd,
      () => handlers.adjust(1),
      `plus-${tile.id}`,
    ),
  );
  // One pip per token, between the name and the count (tiles only).
  const pipsY = (pad + iconSize + cy - control / 2) / 2 + 2;
  const pip = compact ? 5 : 7;
  const gap = compact ? 3 : 4;
  const shown = Math.min(tile.tokens, 10);
  if (!wide && shown > 0 && pipsY - pad - iconSize > pip) {
    const p = scene.add.graphics();
    const total = shown * pip + (shown - 1) * gap;
    p.fillStyle(color, 1);
    for (let i = 0; i < shown; i++)
      p.fillCircle(w / 2 - total / 2 + pip / 2 + i * (pip + gap), pipsY, pip / 2);
    c.add(p);
  }
  if (tile.key) {
    // The key that selects this lever: what "1–7 choisit un levier" points at.
    const { x: bx, y: by, r } = badge;
    const disc = scene.add.graphics();
    disc.fillStyle(COLORS.backgroundDeep, 1);
    disc.fillCircle(bx, by, r);
    disc.lineStyle(1.5, tile.selected ? COLORS.text : COLORS.textDim, 1);
    disc.strokeCircle(bx, by, r - 0.75);
    c.add(disc);
    c.add(
      text(scene, bx, by, String(tile.key), {
        size: compact ? 10 : 12,
        weight: "bold",
        color: COLORS.text,
        align: "center",
      }).setOrigin(0.5),
    );
  }
  if (tile.temptation) {
    const tag = text(scene, w / 2, -8, temptationLabel.toUpperCase(), {
      size: compact ? 10 : 12,
      weight: "bold",
      color,
      align: "center",
    }).setOrigin(0.5, 1);
    c.add(tag);
  }
  return c;
}
