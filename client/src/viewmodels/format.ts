/**
 * How numbers read on screen. The model works in shares in [0, 1]; people read percentages and
 * "points" (hundredths), with the decimal separator of their language.
 */
import type { Language } from "../../../shared/protocol/messages";

const cache = new Map<string, Intl.NumberFormat>();
function nf(language: Language, digits: number, signed = false): Intl.NumberFormat {
  const key = `${language}:${digits}:${signed}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language === "fr" ? "fr-FR" : "en-GB", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? "exceptZero" : "auto",
    });
    cache.set(key, f);
  }
  return f;
}

/** Intl uses a narrow no-break space in French; a plain one renders in every font. */
const clean = (s: string): string => s.replace(/[\u202f\u00a0]/g, " ");

/** 0.1234 → "12.3 %" (fr) / "12.3%" (en). */
export function percent(language: Language, share: number, digits = 1, signed = false): string {
  const n = clean(nf(language, digits, signed).format(share * 100));
  return language === "fr" ? `${n} %` : `${n}%`;
}

/** Scores and KPIs in points: 0.1234 → "12.3". */
export function points(language: Language, value: number, signed = false): string {
  return clean(nf(language, 1, signed).format(value * 100));
}

export function decimal(language: Language, value: number, digits = 1, signed = false): string {
  return clean(nf(language, digits, signed).format(value));
}

/** Remaining time as m:ss (never negative). */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${s.toString().padStart(2, "0")}`;
}
