/**
 * The palette and type scale, as numbers for Phaser and strings for CSS. One place, so the
 * projector, the board and the DOM panels never drift apart.
 */
import type { BucketId } from "../../shared/model/levers";

export const COLORS = {
  background: 0x0e1a2b,
  backgroundDeep: 0x0a1422,
  panel: 0x16263b,
  panelRaised: 0x1d3149,
  line: 0x2a4160,
  text: 0xeef3fa,
  textDim: 0x9fb1c8,
  textFaint: 0x8a9db8,
  accent: 0x3ddc97,
  warning: 0xffb84d,
  danger: 0xff7085,
  engagement: 0x3ddc97,
  reach: 0xffb84d,
  trust: 0x7ea6ff,
  kpi: 0xc4cfdd,
  score: 0x3ddc97,
} as const;

export const BUCKET_COLORS: Record<BucketId, number> = {
  longTerm: 0x6e9af5,
  culture: 0x43c59e,
  governance: 0xaa8ef5,
  support: 0xf2b84b,
  recruitment: 0x4cc9f0,
  strategy: 0xf28b66,
  campaigns: 0xff6088,
};

/**
 * The luck band (the debrief's "Part de chance"): each band is told by its edges, drawn in
 * colours that stand out from the background at 3:1 and more (WCAG 2.2 non-text contrast), so
 * the band survives a washed-out projector; the fills are only a hint. test/client/contrast.test.ts
 * checks every pair.
 */
export const LUCK = {
  /** The 90 % band (5th to 95th percentile): edges and fill opacity. */
  outer: 0x6d8fd6,
  outerFill: 0.16,
  /** The 50 % band (25th to 75th percentile). */
  inner: 0xb5cbff,
  innerFill: 0.16,
  /** The median, dashed. */
  median: COLORS.text,
} as const;

/** Up to eight teams, distinguishable on a washed-out projector. */
export const TEAM_COLORS = [
  0x4cc9f0, 0xff5ca8, 0xb5e48c, 0xffb703, 0xb388ff, 0xfb8500, 0x2ec4b6, 0xf1f1f1,
] as const;

export function teamColor(index: number): number {
  return (
    TEAM_COLORS[((index % TEAM_COLORS.length) + TEAM_COLORS.length) % TEAM_COLORS.length] ??
    0xffffff
  );
}

/** WCAG 2.2 relative luminance of a 0xRRGGBB colour. */
export function luminance(color: number): number {
  const channel = (shift: number) => {
    const v = ((color >> shift) & 255) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** WCAG contrast ratio of two colours, from 1 to 21. */
export function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` painted at `alpha` over `under`: the colour the eye gets. */
export function over(top: number, alpha: number, under: number): number {
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const v = ((top >> shift) & 255) * alpha + ((under >> shift) & 255) * (1 - alpha);
    out |= Math.round(v) << shift;
  }
  return out;
}

export function css(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}

export const FONT = `"Inter", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif`;
