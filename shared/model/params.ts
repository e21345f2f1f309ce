/**
 * Every coefficient of the model in one place, so calibration (docs/model.md) changes numbers
 * here and nowhere else. Names follow MODEL.md and docs/model.md; the comment on each group says
 * which step uses it.
 */
export const PARAMS = {
  /** Step 1: forced buzz f = max(0, P + benchmark − L) · B · hijack. */
  hijack: 0.5,
  /**
   * CFO benchmarking: a team's pressure rises with its KPI gap to the room's best of last
   * quarter, relative to that best (rivals' buzz raises your pressure; the mandate defends).
   */
  benchmark: 0.5,
  /** Step 2: stocks. */
  mandate: { gain: 0.3, decay: 0.08 },
  pipeline: { gain: 0.6, drain: 0.5 },
  /**
   * Culture: training moves it only above a critical mass of people training at once, and only
   * up to a ceiling (tools and courses go so far); active members keep it alive by practice. A
   * sponsor's window lowers the mass needed and lifts the ceiling.
   */
  culture: {
    gain: 1.0,
    criticalMass: 0.65,
    coaching: 1,
    mandate: 0.5,
    decay: 0.04,
    practice: 0.3,
    ceiling: 0.5,
    sponsorCeiling: 0.25,
    sponsorMass: 0.3,
  },
  /** Rules go stale faster in a busy community. */
  governance: { gain: 0.25, decay: 0.05, busyDecay: 0.3 },
  coaching: { gain: 0.25, decay: 0.2 },
  strategy: { gain: 0.25, decay: 0.05, buzzErosion: 0.15 },
  /**
   * Élan (champions' enthusiasm): fed by support and by visible success (the active share
   * growing), it wears out when coaching does not keep up with the community it animates.
   */
  elan: { gain: 0.5, support: 0.4, success: 4, decay: 0.3, need: 0.1, start: 0.3 },
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
    /** Rivals' campaigns of the same quarter shrink a campaign's audience (attention). */
    crowding: 0.5,
    /**
     * A healthy community's own reach: organic · E · T · audience, plus an organic hit with
     * probability organicViral · moment · E · T (capped like a campaign's).
     */
    organic: 2.5,
    organicViral: 1,
    organicHitSize: 0.5,
  },
  /** Step 4: members (Bass diffusion). */
  members: {
    organic: 0.012,
    buzzPull: 0.004,
    buzzPullCap: 0.2,
    recruitment: 0.01,
    /** Experts' answers bring people in. */
    expertPull: 0.6,
    wordOfMouth: 0.6,
    /** Word of mouth's strength: wordFloor + wordCulture · C (a culture of sharing talks). */
    wordFloor: 0.3,
    wordCulture: 0.7,
    churn: 0.1,
    trustRetention: 0.6,
  },
  /**
   * Step 5: activity. Lurkers only expose themselves as far as trust, reciprocity and clear
   * rules allow (the active share's ceiling is capBase + capTrust · T · (capFloor + capStrategy · S
   * + capRules · G)), and champions' élan multiplies how fast they come out (lift elanMin +
   * (1 − elanMin) · elanLift · N). Culture activates lurkers on its own for (1 − rulesShare) of
   * its effect and through clear rules (× G) for the rest.
   */
  activity: {
    base: 0.045,
    culture: 0.01,
    coaching: 0.8,
    experts: 4,
    lapse: 0.3,
    coachingHold: 0.7,
    strategyHold: 0.15,
    elanMin: 0.5,
    capBase: 0.12,
    capTrust: 0.45,
    capFloor: 0.3,
    capStrategy: 0.3,
    capRules: 0.4,
    elanLift: 2,
    rulesShare: 0.5,
  },
  /**
   * Step 6: experts. The room's potential experts go where the offer is best: each team gets
   * its share of attractiveness (recruitment, and support that spots authors, times
   * reciprocity) against the others' and an outside option; they need an audience to stay.
   */
  experts: {
    gain: 0.1,
    supportFind: 0.5,
    audience: 0.3,
    culture: 0.25,
    /** Reciprocity keeps experts as S² / (S² + reciprocity): half at S = 0.5. */
    reciprocity: 0.25,
    attrition: 0.15,
    outside: 0.8,
  },
  /** Step 7: trust. */
  trust: {
    gain: 0.06,
    strategy: 0.4,
    coaching: 0.3,
    governance: 0.3,
    governanceShield: 0.9,
    loyalty: 0.3,
    buzzErosion: 0.08,
    neglect: 0.015,
  },
  /** CFO KPI V = E + zeta · R. */
  kpiReachWeight: 0.02,
  /**
   * New CFO: pressure and hijack while in office, tenure, KPI growth target per quarter; two
   * misses running cut the budget for the rest of the tenure unless the mandate shields it.
   */
  cfo: {
    hijack: 1.15,
    pressure: 0.6,
    quarters: 6,
    targetGrowth: 0.06,
    budgetCut: 0.3,
    shield: 0.5,
  },
  /** Events: the immediate hit. */
  events: {
    badBuzzSeverity: 0.1,
    platformGovernance: 0.7,
    platformMemberLoss: 0.1,
    platformQuarters: 4,
    /** Campaign reach while the new platform beds in. */
    platformReach: 0.5,
    expertLoss: 0.4,
    sponsorMandate: 0.2,
    sponsorQuarters: 4,
  },
  /**
   * Wounds: an event keeps bleeding every quarter until a serious response closes it. Tokens on
   * its two levers beyond business as usual (`usual`) close it at `rate` per extra token, on top
   * of a slow natural healing (`close`).
   */
  wounds: {
    /** Bad buzz: governance and support. Bleeds trust and activity. */
    crisis: { trust: 0.05, lapse: 0.07, close: 0.08, usual: 6, rate: 0.25 },
    /** Platform migration: support and culture carry members across. Bleeds members. */
    migration: { churn: 0.15, cultureShield: 0.5, lapse: 0.08, close: 0.08, usual: 6, rate: 0.3 },
    /** Expert leaves: recruitment and strategy replace her. Bleeds experts and activity. */
    gap: { attrition: 0.4, lapse: 0.08, close: 0.08, usual: 6, rate: 0.25 },
  },
  /**
   * The score: engaged and trusting members per 100 people, summed over the quarters, plus what
   * the team leaves behind — the same measure over `quarters` more quarters under its own
   * average allocation (same draws, no events), each later quarter weighing `discount` less.
   */
  score: { scale: 100, terminalQuarters: 8, terminalDiscount: 0.85 },
} as const;
