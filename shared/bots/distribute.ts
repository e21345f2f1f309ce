/**
 * Turns weights into whole tokens (largest remainder). Ties are broken by a seeded draw so two
 * bots with the same weights do not always favour the same lever.
 */
import { BUCKET_IDS, emptyAllocation, type Allocation, type BucketId } from "../model/levers";
import type { Stream } from "../model/rng";

export function distribute(
  budget: number,
  weights: Partial<Record<BucketId, number>>,
  rng: Stream,
): Allocation {
  const out = emptyAllocation();
  let totalWeight = 0;
  for (const id of BUCKET_IDS) totalWeight += Math.max(0, weights[id] ?? 0);
  if (totalWeight <= 0 || budget <= 0) return out;
  const remainders: { id: BucketId; rest: number; tie: number }[] = [];
  let given = 0;
  for (const id of BUCKET_IDS) {
    const exact = (budget * Math.max(0, weights[id] ?? 0)) / totalWeight;
    const whole = Math.floor(exact);
    out[id] = whole;
    given += whole;
    remainders.push({ id, rest: exact - whole, tie: rng.next() });
  }
  remainders.sort((x, y) => y.rest - x.rest || y.tie - x.tie);
  for (let i = 0; given < budget; i++, given++) {
    const r = remainders[i % remainders.length] as (typeof remainders)[number];
    out[r.id] += 1;
  }
  return out;
}
