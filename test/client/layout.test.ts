import { describe, expect, it } from "vitest";
import { BUCKET_IDS, isJoinCode } from "../../shared/index";
import { boardLayout } from "../../client/src/viewmodels/layout";
import {
  bandPolygon,
  drawnBand,
  linePoints,
  niceDomain,
  xFor,
  yFor,
} from "../../client/src/viewmodels/chart";
import { checkJoinForm, readStartParams } from "../../client/src/viewmodels/home";
import type { Rect } from "../../client/src/viewmodels/chart";

const inside = (r: Rect, w: number, h: number) =>
  r.x >= 0 && r.y >= 0 && r.x + r.w <= w + 0.5 && r.y + r.h <= h + 0.5;
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe("board layouts at the sizes we promise", () => {
  for (const [w, h] of [
    [390, 844],
    [375, 667],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`${w}×${h}: every tile on screen, none overlapping, controls reachable`, () => {
      const L = boardLayout(w, h);
      expect(L.compact).toBe(w < 760);
      const tiles = BUCKET_IDS.map((id) => L.ring.tiles[id]);
      for (const t of tiles) {
        expect(inside(t, w, h), JSON.stringify(t)).toBe(true);
        expect(t.w).toBeGreaterThanOrEqual(96);
        expect(t.h).toBeGreaterThanOrEqual(56);
      }
      for (let i = 0; i < tiles.length; i++)
        for (let j = i + 1; j < tiles.length; j++)
          expect(overlap(tiles[i]!, tiles[j]!)).toBe(false);
      for (const r of [L.header, L.budget, L.submit, L.card, L.gauges, L.ranking])
        expect(inside(r, w, h), JSON.stringify(r)).toBe(true);
      expect(L.submit.h).toBeGreaterThanOrEqual(44);
      if (L.tabs) expect(L.submit.y + L.submit.h).toBeLessThanOrEqual(L.tabs.y);
      else expect(L.gauges.x).toBeGreaterThan(L.decide.x + L.decide.w);
    });
  }
});

describe("chart geometry", () => {
  it("extends the domain to round ticks around zero", () => {
    expect(niceDomain([0.3, 1.7])).toMatchObject({ min: 0, max: 2 });
    const d = niceDomain([-0.12, 0.4]);
    expect(d.min).toBeLessThanOrEqual(-0.12);
    expect(d.max).toBeGreaterThanOrEqual(0.4);
    expect(d.ticks[0]).toBe(d.min);
    expect(niceDomain([]).max).toBe(1);
  });
  it("projects quarters left to right and values bottom to top", () => {
    const r = { x: 10, y: 20, w: 150, h: 100 };
    const d = { min: 0, max: 1, ticks: [0, 1] };
    expect(xFor(r, 1, 16)).toBe(10);
    expect(xFor(r, 16, 16)).toBe(160);
    expect(yFor(r, d, 1)).toBe(20);
    expect(linePoints(r, d, 2, [0, 1])).toEqual([
      { x: 10, y: 120 },
      { x: 160, y: 20 },
    ]);
    expect(bandPolygon(r, d, 2, [0, 0], [1, 1])).toHaveLength(4);
  });

  it("draws a band luck hardly moved at least minPx thick, about its middle, and others as they are", () => {
    const r = { x: 0, y: 0, w: 300, h: 200 };
    const d = { min: 0, max: 10, ticks: [0, 10] };
    // 0.001 wide (0.02 px here), then 4 wide (80 px).
    const drawn = drawnBand(r, d, [5, 3], [5.001, 7], 12);
    const px = (i: number) => yFor(r, d, drawn.lower[i]!) - yFor(r, d, drawn.upper[i]!);
    expect(px(0)).toBeCloseTo(12, 6);
    expect((drawn.lower[0]! + drawn.upper[0]!) / 2).toBeCloseTo(5.0005, 9);
    expect(drawn.lower[1]).toBe(3);
    expect(drawn.upper[1]).toBe(7);
  });
});

describe("the home forms", () => {
  it("reads the code the QR encodes and the private facilitator link", () => {
    expect(readStartParams("?code=abc-234")).toEqual({
      code: "ABC234",
      facilitatorToken: null,
      projector: false,
      workshops: false,
    });
    expect(readStartParams("?code=ABC234&view=projector").projector).toBe(true);
    expect(readStartParams("?code=ABC234&facilitator=t0k").facilitatorToken).toBe("t0k");
    // The private link keeps the token in the fragment; the fragment wins over an old query.
    expect(readStartParams("?code=ABC234", "#facilitator=s3cret%2F%2B").facilitatorToken).toBe(
      "s3cret/+",
    );
    expect(readStartParams("?code=ABC234&facilitator=old", "#facilitator=new")).toEqual({
      code: "ABC234",
      facilitatorToken: "new",
      projector: false,
      workshops: false,
    });
    expect(readStartParams("?workshops").workshops).toBe(true);
    expect(readStartParams("?code=ABC234", "").facilitatorToken).toBeNull();
    expect(readStartParams("").code).toBeNull();
  });
  it("checks the code and the name before asking the server", () => {
    expect(checkJoinForm(" abc 234 ", " Zoé ")).toEqual({ ok: true, code: "ABC234", name: "Zoé" });
    expect(isJoinCode("ABC234")).toBe(true);
    expect(checkJoinForm("ABC23", "Zoé")).toMatchObject({ ok: false, field: "code" });
    expect(checkJoinForm("ABC234", "   ")).toMatchObject({
      ok: false,
      field: "name",
      message: "home.name.empty",
    });
    expect(checkJoinForm("ABC234", "x".repeat(30))).toMatchObject({
      message: "home.name.too_long",
    });
    expect(checkJoinForm("ABC234", "a\u0007b")).toMatchObject({ message: "home.name.control" });
  });
});
