import { describe, expect, it } from "vitest";
import { BUCKET_IDS } from "../../shared/model/levers";
import type { Rect } from "../../client/src/viewmodels/chart";
import {
  resultsActionRect,
  tabRects,
  tileControlRects,
  tileGeometry,
} from "../../client/src/viewmodels/controls";
import { boardLayout } from "../../client/src/viewmodels/layout";

const SIZES = [
  [390, 844],
  [1024, 768],
  [1280, 720],
  [1366, 768],
  [1920, 1080],
] as const;

const inside = (a: Rect, b: Rect) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.w <= b.x + b.w + 0.5 &&
  a.y + a.h <= b.y + b.h + 0.5;
const apart = (a: Rect, b: Rect) =>
  a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

describe("where the board's buttons go (the DOM ones sit exactly over the canvas ones)", () => {
  for (const [w, h] of SIZES) {
    it(`keeps every lever's − and + inside its tile, apart, clear of the key badge at ${w}×${h}`, () => {
      const L = boardLayout(w, h);
      for (const id of BUCKET_IDS) {
        const tile = L.ring.tiles[id];
        const { minus, plus } = tileControlRects(tile, L.compact);
        expect(inside(minus, tile), `${id} − inside`).toBe(true);
        expect(inside(plus, tile), `${id} + inside`).toBe(true);
        expect(apart(minus, plus), `${id} − and + apart`).toBe(true);
        // Big enough to hit: WCAG 2.2 target size (24 px at least).
        expect(minus.w).toBeGreaterThanOrEqual(24);
        const g = tileGeometry(tile.w, tile.h, L.compact);
        const badge: Rect = {
          x: tile.x + g.badge.x - g.badge.r,
          y: tile.y + g.badge.y - g.badge.r,
          w: g.badge.r * 2,
          h: g.badge.r * 2,
        };
        expect(inside(badge, tile), `${id} badge inside`).toBe(true);
        expect(apart(badge, minus) && apart(badge, plus), `${id} badge clear`).toBe(true);
        // The name starts 8 px right of the icon: the badge stays left of it.
        expect(g.badge.x + g.badge.r).toBeLessThanOrEqual(g.pad + g.iconSize + 8);
        expect(g.room, `${id} room for the name`).toBeGreaterThan(40);
      }
      const card = {
        x: L.decide.x,
        y: L.decide.y,
        w: L.decide.w,
        h: L.submit.y + L.submit.h - L.decide.y,
      };
      expect(inside(resultsActionRect(card, L.compact), card)).toBe(true);
      if (L.tabs) {
        const tabs = tabRects(L.tabs, 3);
        expect(tabs.reduce((s, r) => s + r.w, 0)).toBeCloseTo(L.tabs.w, 5);
        tabs.forEach((r) => expect(inside(r, L.tabs as Rect)).toBe(true));
      }
    });
  }
});
