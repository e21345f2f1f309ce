/**
 * Where things go on the board, for any screen from a 390 px phone to a 1920 px projector.
 * Pure geometry so it can be tested at the sizes we promise without a browser.
 */
import { LEVER_IDS, type BucketId } from "../../../shared/model/levers";
import type { Rect } from "./chart";

/** Height the DOM top bar covers. */
export const TOP_BAR = 52;
const PAD = 16;

export type BoardTab = "decide" | "gauges" | "ranking";

export interface RingLayout {
  /** The community circle at the centre (wide screens only; phones use a grid). */
  community: { cx: number; cy: number; r: number } | null;
  /** Each bucket's tile. */
  tiles: Record<BucketId, Rect>;
}

export interface BoardLayout {
  compact: boolean;
  width: number;
  height: number;
  header: Rect;
  /** The levers, the temptation tile, the budget and submit (the "decide" panel on phones). */
  decide: Rect;
  ring: RingLayout;
  budget: Rect;
  submit: Rect;
  /** Right column on wide screens; full panels under tabs on phones. */
  card: Rect;
  gauges: Rect;
  ranking: Rect;
  tabs: Rect | null;
}

/** Wide screens: six tiles on a hexagon around the community, the temptation apart on the right. */
function ring(area: Rect): RingLayout {
  const ringArea: Rect = { x: area.x, y: area.y, w: area.w * 0.76, h: area.h - 44 };
  const cos30 = Math.sqrt(3) / 2;
  const gap = 10;
  // Neighbours on the hexagon sit R·cos30 apart across and R/2 down: shrink the tiles until
  // they clear each other one way or the other.
  let tw = Math.round(Math.max(110, Math.min(200, ringArea.w * 0.24)));
  let th = Math.round(tw * 0.7);
  let radius = 0;
  for (;;) {
    radius = Math.max(
      60,
      Math.min((ringArea.h - th) / 2 - 4, (ringArea.w / 2 - tw / 2 - 4) / cos30),
    );
    const clears = radius * cos30 >= tw + gap || radius / 2 >= th + gap;
    if ((clears && radius >= th + gap) || tw <= 96) break;
    tw -= 4;
    th = Math.round(tw * 0.7);
  }
  const cx = ringArea.x + ringArea.w / 2;
  const cy = ringArea.y + ringArea.h / 2;
  const tiles = {} as Record<BucketId, Rect>;
  LEVER_IDS.forEach((id, i) => {
    const angle = -Math.PI / 2 + (i * Math.PI) / 3;
    tiles[id] = {
      x: Math.round(cx + radius * Math.cos(angle) - tw / 2),
      y: Math.round(cy + radius * Math.sin(angle) - th / 2),
      w: tw,
      h: th,
    };
  });
  tiles.campaigns = {
    x: Math.round(ringArea.x + ringArea.w + (area.w - ringArea.w - tw) / 2),
    y: Math.round(cy - th / 2),
    w: tw,
    h: th,
  };
  return { community: { cx, cy, r: radius * 0.42 }, tiles };
}

/** Phones: the six levers in a 2 × 3 grid, the temptation full width below, set apart. */
function grid(area: Rect, tileH: number, temptationH: number): RingLayout {
  const gap = 8;
  const w = (area.w - gap) / 2;
  const tiles = {} as Record<BucketId, Rect>;
  LEVER_IDS.forEach((id, i) => {
    tiles[id] = {
      x: area.x + (i % 2) * (w + gap),
      y: area.y + Math.floor(i / 2) * (tileH + gap),
      w,
      h: tileH,
    };
  });
  tiles.campaigns = { x: area.x, y: area.y + 3 * (tileH + gap) + 18, w: area.w, h: temptationH };
  return { community: null, tiles };
}

export function boardLayout(width: number, height: number): BoardLayout {
  const compact = width < 760 || width / height < 1.05;
  const top = TOP_BAR;
  if (compact) {
    const header: Rect = { x: PAD, y: top, w: width - 2 * PAD, h: 64 };
    const tabs: Rect = { x: 0, y: height - 60, w: width, h: 60 };
    const bodyY = header.y + header.h + 4;
    const bodyH = tabs.y - bodyY - 8;
    const footerH = 112;
    // Tiles shrink on short phones before the quarter's card does.
    const tileH = Math.round(Math.max(58, Math.min(80, (bodyH - footerH - 96 - 24 - 88) / 3 - 8)));
    const temptationH = Math.max(56, Math.round(tileH * 0.85));
    const gridH = 3 * (tileH + 8) + 18 + temptationH;
    const cardH = Math.round(Math.max(72, Math.min(200, bodyH - footerH - gridH - 16)));
    const card: Rect = { x: PAD, y: bodyY, w: width - 2 * PAD, h: cardH };
    const decide: Rect = { x: PAD, y: card.y + card.h + 12, w: width - 2 * PAD, h: gridH };
    const budget: Rect = { x: PAD, y: decide.y + decide.h + 10, w: width - 2 * PAD, h: 44 };
    const submit: Rect = { x: PAD, y: budget.y + budget.h + 8, w: width - 2 * PAD, h: 52 };
    const panel: Rect = { x: PAD, y: bodyY, w: width - 2 * PAD, h: bodyH };
    return {
      compact,
      width,
      height,
      header,
      decide,
      ring: grid(decide, tileH, temptationH),
      budget,
      submit,
      card,
      gauges: panel,
      ranking: panel,
      tabs,
    };
  }
  const header: Rect = { x: PAD * 2, y: top + 8, w: width - PAD * 4, h: 64 };
  const bodyY = header.y + header.h + 12;
  const bodyH = height - bodyY - PAD * 2;
  const sideW = Math.round(Math.min(560, Math.max(340, width * 0.32)));
  const side: Rect = { x: width - sideW - PAD * 2, y: bodyY, w: sideW, h: bodyH };
  const mainW = side.x - PAD * 2 - header.x;
  const footerH = 84;
  const decide: Rect = { x: header.x, y: bodyY, w: mainW, h: bodyH - footerH - 12 };
  const budget: Rect = { x: decide.x, y: decide.y + decide.h + 12, w: mainW * 0.6, h: footerH };
  const submit: Rect = {
    x: budget.x + budget.w + PAD,
    y: budget.y + 14,
    w: mainW - budget.w - PAD,
    h: footerH - 28,
  };
  const cardH = Math.round(Math.min(190, bodyH * 0.22));
  const card: Rect = { x: side.x, y: side.y, w: side.w, h: cardH };
  const gaugesH = Math.round((bodyH - cardH) * 0.56);
  const gauges: Rect = { x: side.x, y: card.y + cardH + 12, w: side.w, h: gaugesH - 12 };
  const ranking: Rect = {
    x: side.x,
    y: gauges.y + gauges.h + 12,
    w: side.w,
    h: side.y + side.h - (gauges.y + gauges.h + 12),
  };
  return {
    compact,
    width,
    height,
    header,
    decide,
    ring: ring(decide),
    budget,
    submit,
    card,
    gauges,
    ranking,
    tabs: null,
  };
}
