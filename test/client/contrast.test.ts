/**
 * The palette meets WCAG 2.2 AA: text colours at 4.5:1 on every surface they sit on, colours
 * that carry meaning in charts (levers, teams, the luck band's edges) at 3:1 at least and, where
 * they also label things, 4.5:1. The stylesheet's palette must be the theme's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BUCKET_COLORS,
  COLORS,
  LUCK,
  TEAM_COLORS,
  contrast,
  css,
  over,
} from "../../client/src/theme";

const SURFACES = {
  background: COLORS.background,
  backgroundDeep: COLORS.backgroundDeep,
  panel: COLORS.panel,
  panelRaised: COLORS.panelRaised,
};
const TEXT = {
  text: COLORS.text,
  textDim: COLORS.textDim,
  textFaint: COLORS.textFaint,
  accent: COLORS.accent,
  warning: COLORS.warning,
  danger: COLORS.danger,
  engagement: COLORS.engagement,
  reach: COLORS.reach,
  trust: COLORS.trust,
  kpi: COLORS.kpi,
  score: COLORS.score,
};

/** Every pair under `min`, readable ("textFaint on panelRaised: 3.32"). */
function failing(fgs: Record<string, number>, bgs: Record<string, number>, min: number): string[] {
  const out: string[] = [];
  for (const [f, fc] of Object.entries(fgs))
    for (const [b, bc] of Object.entries(bgs)) {
      const ratio = contrast(fc, bc);
      if (ratio < min) out.push(`${f} on ${b}: ${ratio.toFixed(2)}`);
    }
  return out;
}

describe("contrast (WCAG 2.2 AA)", () => {
  it("computes ratios as WCAG defines them", () => {
    expect(contrast(0x000000, 0xffffff)).toBeCloseTo(21, 5);
    expect(contrast(0x777777, 0x777777)).toBe(1);
    // A known pair: #767676 on white is the lightest grey that passes 4.5:1.
    expect(contrast(0x767676, 0xffffff)).toBeCloseTo(4.54, 2);
    expect(over(0xffffff, 0.5, 0x000000)).toBe(0x808080);
  });

  it("keeps every text colour at 4.5:1 on every surface", () => {
    expect(failing(TEXT, SURFACES, 4.5)).toEqual([]);
  });

  it("keeps the button labels readable on their fills", () => {
    // Primary buttons: the deep background written on the accent (canvas and CSS).
    expect(contrast(COLORS.backgroundDeep, COLORS.accent)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(0x06241a, COLORS.accent)).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps lever and team colours at 4.5:1 where they label, 3:1 on raised tiles", () => {
    const levers = Object.fromEntries(Object.entries(BUCKET_COLORS));
    const teams = Object.fromEntries(TEAM_COLORS.map((c, i) => [`team ${i + 1}`, c]));
    const { panelRaised, ...flat } = SURFACES;
    expect(failing({ ...levers, ...teams }, flat, 4.5)).toEqual([]);
    expect(failing({ ...levers, ...teams }, { panelRaised }, 3)).toEqual([]);
  });

  it("draws the luck band so that a projector still shows it", () => {
    const bg = COLORS.background;
    const outerFill = over(LUCK.outer, LUCK.outerFill, bg);
    const innerFill = over(LUCK.inner, LUCK.innerFill, outerFill);
    // Each band's edges stand out from what is around them...
    expect(contrast(LUCK.outer, bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(LUCK.outer, outerFill)).toBeGreaterThanOrEqual(3);
    expect(contrast(LUCK.inner, outerFill)).toBeGreaterThanOrEqual(3);
    expect(contrast(LUCK.inner, innerFill)).toBeGreaterThanOrEqual(3);
    // ...the two bands' edges from each other, and the median and every team's real line from
    // the band they cross.
    expect(contrast(LUCK.inner, LUCK.outer)).toBeGreaterThanOrEqual(1.5);
    expect(contrast(LUCK.median, innerFill)).toBeGreaterThanOrEqual(4.5);
    const teams = Object.fromEntries(TEAM_COLORS.map((c, i) => [`team ${i + 1}`, c]));
    expect(failing(teams, { innerFill, outerFill }, 3)).toEqual([]);
  });

  it("gives the stylesheet the theme's palette", () => {
    const sheet = readFileSync(
      join(import.meta.dirname, "../../client/src/styles/base.css"),
      "utf8",
    );
    const vars = Object.fromEntries(
      [...sheet.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [
        m[1],
        m[2]?.toLowerCase(),
      ]),
    );
    expect(vars).toMatchObject({
      bg: css(COLORS.background),
      "bg-deep": css(COLORS.backgroundDeep),
      panel: css(COLORS.panel),
      "panel-raised": css(COLORS.panelRaised),
      text: css(COLORS.text),
      dim: css(COLORS.textDim),
      faint: css(COLORS.textFaint),
      accent: css(COLORS.accent),
      warning: css(COLORS.warning),
      danger: css(COLORS.danger),
      trust: css(COLORS.trust),
    });
  });
});
