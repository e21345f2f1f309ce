/**
 * Exact Shapley values of a game given as a table of coalition values.
 *
 * Players are bit positions: `values[mask]` is the worth of the coalition whose members are the
 * set bits of `mask` (so `values[0]` is the empty coalition, `values[2^n − 1]` the grand one).
 * Player i gets the weighted mean of its marginal contributions over every coalition without it:
 *
 *   φ_i = Σ_{S ∌ i} |S|!·(n − |S| − 1)!/n! · (v(S ∪ {i}) − v(S))
 *
 * which is the only split with efficiency (Σ φ_i = v(N) − v(∅)), symmetry, the dummy property (a
 * player whose every marginal contribution is 0 gets exactly 0) and additivity. For the seven
 * buckets that is 7 × 64 differences per table, so the cost is all in computing the table.
 */

/** |S|!·(n − |S| − 1)!/n! for |S| = 0 … n − 1. Factorials up to 20! are exact in doubles. */
export function shapleyWeights(players: number): Float64Array {
  const factorial = [1];
  for (let k = 1; k <= players; k++) factorial.push((factorial[k - 1] as number) * k);
  const all = factorial[players] as number;
  const weights = new Float64Array(Math.max(0, players));
  for (let size = 0; size < players; size++) {
    weights[size] = ((factorial[size] as number) * (factorial[players - size - 1] as number)) / all;
  }
  return weights;
}

/** Number of set bits: the size of a coalition. */
export function coalitionSize(mask: number): number {
  let size = 0;
  for (let m = mask; m !== 0; m &= m - 1) size++;
  return size;
}

/**
 * Shapley values of `players` players from a table of `2^players` coalition values, written into
 * `out` (allocated when absent). `weights` is `shapleyWeights(players)`, passed in so that a caller
 * attributing many tables computes it once.
 */
export function shapleyValues(
  values: ArrayLike<number>,
  players: number,
  weights: Float64Array = shapleyWeights(players),
  out: Float64Array = new Float64Array(players),
): Float64Array {
  const coalitions = 1 << players;
  if (values.length < coalitions) {
    throw new RangeError(`${coalitions} coalition values needed, ${values.length} given.`);
  }
  for (let i = 0; i < players; i++) {
    const bit = 1 << i;
    let phi = 0;
    for (let mask = 0; mask < coalitions; mask++) {
      if ((mask & bit) !== 0) continue;
      const gain = (values[mask | bit] as number) - (values[mask] as number);
      phi += (weights[coalitionSize(mask)] as number) * gain;
    }
    out[i] = phi;
  }
  return out;
}
