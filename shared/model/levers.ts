/**
 * The six levers of the source essay, plus the tempting `campaigns` bucket.
 * Order matters: it is the order of tiles on the board and of columns in exports.
 */
export const LEVER_IDS = [
  "longTerm",
  "culture",
  "governance",
  "support",
  "recruitment",
  "strategy",
] as const;
export type LeverId = (typeof LEVER_IDS)[number];

export const BUCKET_IDS = [...LEVER_IDS, "campaigns"] as const;
export type BucketId = (typeof BUCKET_IDS)[number];

/** Whole tokens per bucket for one quarter, as a team submits them. */
export type Allocation = Record<BucketId, number>;

export function emptyAllocation(): Allocation {
  return {
    longTerm: 0,
    culture: 0,
    governance: 0,
    support: 0,
    recruitment: 0,
    strategy: 0,
    campaigns: 0,
  };
}

/**
 * `target` takes `source`'s tokens, bucket by bucket, and is returned. The fast path plays every
 * decision through an allocation of its own made by `emptyAllocation`: decisions come from
 * anywhere (a parsed scenario, a bot, a plan) with as many object layouts, and a quarter that
 * meets one layout only (the legacy's averages, `averageAllocation`, have it too) reads each
 * bucket directly instead of asking which layout it has.
 */
export function assignAllocation(target: Allocation, source: Allocation): Allocation {
  target.longTerm = source.longTerm;
  target.culture = source.culture;
  target.governance = source.governance;
  target.support = source.support;
  target.recruitment = source.recruitment;
  target.strategy = source.strategy;
  target.campaigns = source.campaigns;
  return target;
}

export function allocationTotal(allocation: Allocation): number {
  let total = 0;
  for (const id of BUCKET_IDS) total += allocation[id];
  return total;
}

export function leverTotal(allocation: Allocation): number {
  let total = 0;
  for (const id of LEVER_IDS) total += allocation[id];
  return total;
}

/**
 * A decision as it can be played on `budget`: itself when it fits, else trimmed by `fitToBudget`
 * (the default rule for a replayed, planned or bot decision that meets a CFO-cut budget). The
 * check spells the buckets out and copies nothing when the decision fits: it runs once per
 * team-quarter on the fast path.
 */
export function withinBudget(allocation: Allocation, budget: number): Allocation {
  const a = allocation;
  const total =
    a.longTerm + a.culture + a.governance + a.support + a.recruitment + a.strategy + a.campaigns;
  return total <= budget ? allocation : fitToBudget(allocation, budget);
}

/**
 * Trims an allocation to a (cut) budget, taking tokens one at a time from the fullest bucket
 * (campaigns first on ties): used when a replayed or default decision meets a smaller budget.
 */
export function fitToBudget(allocation: Allocation, budget: number): Allocation {
  const out = { ...allocation };
  let excess = allocationTotal(out) - Math.max(0, budget);
  while (excess > 0) {
    let fullest: BucketId = "campaigns";
    for (const id of BUCKET_IDS) if (out[id] > out[fullest]) fullest = id;
    out[fullest] -= 1;
    excess -= 1;
  }
  return out;
}
