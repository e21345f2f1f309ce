/**
 * The only numeric helpers the model uses. Everything here is built from + − × ÷ and Math.sqrt,
 * which IEEE 754 makes bit-identical in every JS engine (MODEL.md, determinism rules).
 */

/** Saturating response of a lever to x tokens: diminishing returns (a Hill curve, n = 1). */
export function h(x: number): number {
  return x / (x + 2);
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Σ (v − m)²: the spread of `values` around `m`, summed in order. */
function squaredDeviations(values: readonly number[], m: number): number {
  let sq = 0;
  for (const v of values) sq += (v - m) * (v - m);
  return sq;
}

/** Population standard deviation (÷ n): the spread of these very values; 0 when there are none. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return Math.sqrt(squaredDeviations(values, mean(values)) / values.length);
}

/** Sample standard deviation (÷ n − 1): a population's spread estimated from a sample (n ≥ 2). */
export function sampleStandardDeviation(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  return Math.sqrt(squaredDeviations(values, mean(values)) / (n - 1));
}

/** Population coefficient of variation; 0 when the mean is (almost) zero: no buzz, no volatility. */
export function coefficientOfVariation(values: readonly number[]): number {
  const m = mean(values);
  if (m < 1e-9) return 0;
  return Math.sqrt(squaredDeviations(values, m) / values.length) / m;
}

/** Middle value (mean of the two middle ones for an even count); 0 when there are none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Linear-interpolated percentile of an ascending-sorted array, q in [0, 1]. */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}
