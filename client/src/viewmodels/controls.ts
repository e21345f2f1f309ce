/**
 * Where the board's controls sit, for the canvas that draws them and for the DOM buttons laid
 * exactly over them (screen readers and keyboards cannot reach a canvas). One geometry, so the
 * focus ring always circles the control the eye sees.
 */
import type { Rect } from "./chart";

/** Inside one lever tile, relative to its top-left corner. */
export interface TileGeometry {
  pad: number;
  /** A wide strip (the phone's temptation): controls on the right, not in the corners. */
  wide: boolean;
  iconSize: number;
  /** Diameter of the − and + controls. */
  control: number;
  /** Vertical centre of the controls and the count. */
  cy: number;
  minusX: number;
  plusX: number;
  countX: number;
  /** Width left for the lever's name. */
  room: number;
  /** The keyboard number's badge: centre and radius, on the icon's corner. */
  badge: { x: number; y: number; r: number };
}

export function tileGeometry(w: number, h: number, compact: boolean): TileGeometry {
  const pad = Math.round(Math.max(8, Math.min(w, h * 1.6) * 0.07));
  const wide = w > h * 2.8;
  const iconSize = Math.round(Math.min(h * (wide ? 0.42 : 0.3), 40, w * 0.2));
  const control = Math.round(Math.max(30, Math.min(40, h * (compact ? 0.42 : 0.3))));
  const cy = wide ? h / 2 : h - pad - control / 2;
  const minusX = wide ? w - pad - control * 2.9 : pad + control / 2;
  const plusX = w - pad - control / 2;
  const countX = wide ? (minusX + plusX) / 2 : w / 2;
  const room = wide ? minusX - control / 2 - pad * 2 - iconSize - 8 : w - pad * 2 - iconSize - 8;
  // On the icon's lower right corner, as a badge on an app icon: it takes no room from the name
  // (which starts 8 px right of the icon) nor from the controls below.
  const r = compact ? 8 : 10;
  const iconBottom = wide ? h / 2 + iconSize / 2 : pad + iconSize;
  const badge = { x: pad + iconSize + 6 - r, y: iconBottom - r * 0.6, r };
  return { pad, wide, iconSize, control, cy, minusX, plusX, countX, room, badge };
}

/** The − and + of a tile drawn at `tile`, in screen coordinates. */
export function tileControlRects(tile: Rect, compact: boolean): { minus: Rect; plus: Rect } {
  const g = tileGeometry(tile.w, tile.h, compact);
  const at = (cx: number): Rect => ({
    x: tile.x + cx - g.control / 2,
    y: tile.y + g.cy - g.control / 2,
    w: g.control,
    h: g.control,
  });
  return { minus: at(g.minusX), plus: at(g.plusX) };
}

/** The results card's own button (solo: go on), bottom right of the card. */
export function resultsActionRect(card: Rect, compact: boolean): Rect {
  const pad = compact ? 16 : 28;
  const w = Math.min(300, card.w - pad * 2);
  return { x: card.x + card.w - pad - w, y: card.y + card.h - 60, w, h: 46 };
}

/** The phone's tab bar: equal slots, left to right. */
export function tabRects(bar: Rect, count: number): Rect[] {
  const w = bar.w / count;
  return Array.from({ length: count }, (_, i) => ({ x: bar.x + i * w, y: bar.y, w, h: bar.h }));
}

/**
 * One control the canvas draws, as the DOM mirrors it: where, what it is called, what it does.
 * `run` is the very handler the canvas control calls, so both send the same intent.
 */
export interface ControlSpot {
  /** Stable across redraws, so the focused button survives a redraw. */
  key: string;
  rect: Rect;
  label: string;
  enabled: boolean;
  /** Tabs: whether this one shows. */
  current?: boolean;
  /** The controls of one lever share a named group ("Culture numérique : 2 jetons"). */
  group?: { key: string; label: string; rect: Rect };
  run(): void;
  /** What focusing it means on the canvas (a lever's buttons select that lever). */
  focus?(): void;
}
