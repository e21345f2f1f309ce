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
  textFaint: 0x6d819c,
  accent: 0x3ddc97,
  warning: 0xffb84d,
  danger: 0xff5d73,
  engagement: 0x3ddc97,
  reach: 0xffb84d,
  trust: 0x7ea6ff,
  kpi: 0xc4cfdd,
  score: 0x3ddc97,
} as const;

export const BUCKET_COLORS: Record<BucketId, number> = {
  longTerm: 0x5b8def,
  culture: 0x43c59e,
  governance: 0x9b7bf0,
  support: 0xf2b84b,
  recruitment: 0x4cc9f0,
  strategy: 0xf28b66,
  campaigns: 0xff4f7b,
};

/** Up to eight teams, distinguishable on a washed-out projector. */
export const TEAM_COLORS = [
  0x4cc9f0, 0xf72585, 0xb5e48c, 0xffb703, 0xb388ff, 0xfb8500, 0x2ec4b6, 0xf1f1f1,
] as const;

export function teamColor(index: number): number {
  return (
    TEAM_COLORS[((index % TEAM_COLORS.length) + TEAM_COLORS.length) % TEAM_COLORS.length] ??
    0xffffff
  );
}

export function css(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}

export const FONT = `"Inter", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif`;
