/**
 * Every coefficient of the model in one place, so calibration (docs/model.md) changes numbers
 * here and nowhere else. Names follow MODEL.md; the comment on each group says which step uses it.
 */
export const PARAMS = {
  /** Step 1: forced buzz f = max(0, P − L) · B · hijack. */
  hijack: 0.5,
  /** Step 2: stocks. */
  mandate: { gain: 0.3, decay: 0.08 },
  pipeline: { gain: 0.6, drain: 0.5 },
  /** Culture grows with the pipeline above a critical mass (one token of training holds W at 0.4). */
  culture: { gain: 0.12, criticalMass: 0.4, coaching: 1, mandate: 0.5, decay: 0.03 },
  governance: { gain: 0.25, decay: 0.06 },
  coaching: { gain: 0.25, decay: 0.08 },
  strategy: { gain: 0.25, decay: 0.05, buzzErosion: 0.15 },
  /** Step 3: buzz. */
  buzz: {
    slots: 10,
    viralBase: 0.05,
    viralCap: 0.1,
    /** A viral hit reaches viralSize/√u: most of buzz's value comes from rare hits. */
    viralSize: 4,
    ordinaryMin: 0.1,
    ordinarySpread: 0.1,
    backfireBase: 0.015,
    backfireSeverity: 0.1,
    carryOver: 0.4,
    /** Width of the shared "moment" draw: moment = momentMin + momentSpread · u (mean 1). */
    momentMin: 0.25,
    momentSpread: 1.5,
  },
  /** Step 4: members (Bass diffusion). */
  members: {
    organic: 0.03,
    buzzPull: 0.004,
    buzzPullCap: 0.2,
    recruitment: 0.03,
    wordOfMouth: 0.6,
    churn: 0.08,
    trustRetention: 0.6,
  },
  /** Step 5: activity (participation inequality). */
  activity: {
    base: 0.022,
    culture: 0.01,
    coaching: 0.5,
    /** Lurkers activated by experts' answers, per unit of C·X. */
    experts: 3,
    lapse: 0.25,
    coachingHold: 0.7,
    strategyHold: 0.15,
  },
  /** Step 6: experts. */
  experts: { gain: 0.004, attrition: 0.25 },
  /** Step 7: trust. */
  trust: {
    gain: 0.06,
    strategy: 0.4,
    coaching: 0.3,
    governance: 0.3,
    governanceShield: 0.9,
    loyalty: 0.3,
    buzzErosion: 0.08,
  },
  /** CFO KPI V = E + zeta · R. */
  kpiReachWeight: 0.02,
  /** New CFO: pressure, duration, growth target per quarter, budget cut after two misses. */
  cfo: { pressure: 0.8, quarters: 6, targetGrowth: 0.06, budgetCut: 0.2 },
  /** Events. */
  events: {
    badBuzzSeverity: 0.5,
    platformGovernance: 0.7,
    platformMemberLoss: 0.3,
    platformQuarters: 4,
    expertLoss: 0.4,
    sponsorMandate: 0.2,
  },
  /**
   * Final score: time-weighted SSV + assets · T · mean(C, G, K, S). MODEL.md's buzz-volatility
   * penalty is left out on purpose: a scale-free CV punished one campaign more than an all-in
   * and outweighed all the SSV (docs/model.md, "Scoring").
   */
  score: { assets: 0.25 },
} as const;
