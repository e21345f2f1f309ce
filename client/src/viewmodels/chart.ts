/**
 * Pure chart geometry: a value domain with round ticks, and series projected into a rectangle.
 * Quarter q (1-based) of n sits at x = left + (q − 1) / (n − 1) · width.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Domain {
  min: number;
  max: number;
  ticks: number[];
}

export interface Point {
  x: number;
  y: number;
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  return nice * magnitude;
}

/** A domain covering every value (and zero), extended to round ticks. */
export function niceDomain(values: readonly number[], tickCount = 4): Domain {
  let min = 0;
  let max = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min < 1e-9) max = min + 1;
  const step = niceStep(max - min, tickCount);
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return { min: lo, max: hi, ticks };
}

export function xFor(rect: Rect, quarter: number, quarters: number): number {
  if (quarters <= 1) return rect.x + rect.w / 2;
  return rect.x + ((quarter - 1) / (quarters - 1)) * rect.w;
}

export function yFor(rect: Rect, domain: Domain, value: number): number {
  const span = domain.max - domain.min || 1;
  return rect.y + rect.h - ((value - domain.min) / span) * rect.h;
}

/** values[i] is quarter i + 1. */
export function linePoints(
  rect: Rect,
  domain: Domain,
  quarters: number,
  values: readonly number[],
): Point[] {
  return values.map((v, i) => ({ x: xFor(rect, i + 1, quarters), y: yFor(rect, domain, v) }));
}

/** A closed polygon between two series (a band), upper left→right then lower right→left. */
export function bandPolygon(
  rect: Rect,
  domain: Domain,
  quarters: number,
  lower: readonly number[],
  upper: readonly number[],
): Point[] {
  const top = linePoints(rect, domain, quarters, upper);
  const bottom = linePoints(rect, domain, quarters, lower).reverse();
  return [...top, ...bottom];
}

/**
 * A band's edges as drawn: wherever it is thinner on screen than `minPx`, widened about its
 * middle to `minPx`, so that a band luck hardly moved still shows around the line it holds
 * (its true numbers are in the chart's text alternative).
 */
export function drawnBand(
  rect: Rect,
  domain: Domain,
  lower: readonly number[],
  upper: readonly number[],
  minPx: number,
): { lower: number[]; upper: number[] } {
  const perPx = (domain.max - domain.min || 1) / Math.max(1, rect.h);
  const min = minPx * perPx;
  const out = { lower: [] as number[], upper: [] as number[] };
  lower.forEach((low, i) => {
    const high = upper[i] ?? low;
    const grow = Math.max(0, min - (high - low)) / 2;
    out.lower.push(low - grow);
    out.upper.push(high + grow);
  });
  return out;
}
