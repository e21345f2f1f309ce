/**
 * One quarter for one team, in the order of docs/model.md: events, pressure, stocks, buzz,
 * members, activity, experts, trust, élan, outputs. What the team's rivals do reaches it only
 * through `TeamInteractions`, computed for the whole room at once in room.ts (CFO benchmarking,
 * the shared expert pool, attention crowding, experts moving between teams).
 *
 * Explanations are computed here, from the same terms that move the stocks, so they can never
 * disagree with the numbers: engagement E = M·(a+X) is linear in each of M, a and X, so
 * changing M, then a, then X and crediting each term's share telescopes exactly to ΔE.
 */
import type { Allocation } from "./levers";
import { clamp01 as clampTo01, h as hill, standardDeviation as spread } from "./math";
import { engagement as engagementOf } from "./gauges";
import { PARAMS } from "./params";
import type { Stream } from "./rng";
import type { EventId } from "./events";
import { ContributionLedger } from "./explainBuilder";
import type {
  CampaignOutcome,
  Explanation,
  Stocks,
  TeamState,
  TurnOutputs,
  TurnRecord,
} from "./types";

/** What the rest of the room does to one team this quarter (room.ts computes it). */
export interface TeamInteractions {
  /** Relative gap of last quarter's KPI to the room's best (0 for the best, or alone). */
  benchmark: number;
  /** Share of the room's potential experts the team attracts this quarter. */
  expertShare: number;
  /** Audience left to its campaigns by rivals' campaigns of the quarter (1 when alone). */
  crowd: number;
  /** Experts (share of the population) arriving from a rival who lost a star this quarter. */
  expertsIn: number;
}

export const ALONE: TeamInteractions = { benchmark: 0, expertShare: 0, crowd: 1, expertsIn: 0 };

// Module-level copies of the helpers: the hot path calls them millions of times, and a
// transpiled import is re-read through a getter on every call.
const h = hill;
const clamp01 = clampTo01;
const standardDeviation = spread;
const engagement = engagementOf;

export interface QuarterContext {
  /** 1-based quarter being resolved. */
  quarter: number;
  /** Shared by all teams this quarter. */
  moment: number;
  /** This team's buzz stream for this quarter. */
  buzz: Stream;
  events: readonly EventId[];
  /** The scenario's normal budget (a CFO cut is relative to it). */
  baseBudget: number;
  room: TeamInteractions;
  explain: boolean;
}

export interface QuarterResult {
  state: TeamState;
  outputs: TurnOutputs;
  /** Present when `ctx.explain` is true. */
  record: TurnRecord | null;
}

/** The quarterly pressure on a team: the scenario's, or the CFO's, plus the benchmark gap. */
export function pressureOf(s: TeamState, benchmark: number): number {
  return (s.cfoQuarters > 0 ? PARAMS.cfo.pressure : s.P) + PARAMS.benchmark * benchmark;
}

/** Moves forced buzz pro rata from the six levers to campaigns (step 1). */
export function applyPressure(
  allocation: Allocation,
  pressure: number,
  mandate: number,
  budget: number,
  hijack: number = PARAMS.hijack,
): { effective: Allocation; forced: number } {
  const wanted = Math.max(0, pressure - mandate) * budget * hijack;
  const a = allocation;
  const levers = a.longTerm + a.culture + a.governance + a.support + a.recruitment + a.strategy;
  const forced = Math.min(wanted, levers);
  // Written out field by field: this runs once per team-quarter on the luck band's hot path.
  const keep = forced > 0 ? 1 - forced / levers : 1;
  const effective: Allocation = {
    longTerm: a.longTerm * keep,
    culture: a.culture * keep,
    governance: a.governance * keep,
    support: a.support * keep,
    recruitment: a.recruitment * keep,
    strategy: a.strategy * keep,
    campaigns: forced > 0 ? a.campaigns + forced : a.campaigns,
  };
  return { effective, forced };
}

/** How fast a wound closes: slow healing, plus a serious response beyond business as usual. */
function closing(
  wound: { close: number; usual: number; rate: number },
  responseTokens: number,
): number {
  return Math.min(1, wound.close + wound.rate * Math.max(0, responseTokens - wound.usual));
}

export function resolveQuarter(
  prev: TeamState,
  allocation: Allocation,
  ctx: QuarterContext,
): QuarterResult {
  const s = copyTeamState(prev);
  const p = PARAMS;
  const E0 = engagement(s);
  const T0 = s.T;
  const R0 = s.lastOrdinary + s.lastViral + s.lastOrganic;
  const eLedger = ctx.explain ? new ContributionLedger() : null;
  const tLedger = ctx.explain ? new ContributionLedger() : null;

  // 0. Events strike first: they are the quarter's news. Most open a wound that bleeds later.
  let sevEvent = 0;
  for (const id of ctx.events) {
    const ev = p.events;
    switch (id) {
      case "badBuzz":
        sevEvent += ev.badBuzzSeverity;
        s.crisis += 1;
        break;
      case "newCfo":
        s.cfoQuarters = p.cfo.quarters;
        s.cfoMisses = 0;
        break;
      case "platformChange": {
        s.G *= ev.platformGovernance;
        const M1 = s.M - ev.platformMemberLoss * (1 - s.C) * s.M;
        eLedger?.add("event:platformChange", (M1 - s.M) * (s.a + s.X));
        s.M = M1;
        s.platformQuarters = ev.platformQuarters;
        s.migration += 1;
        break;
      }
      case "expertLeaves": {
        // Where she goes (the most attractive rival) is the room's business (room.ts).
        const X1 = s.X * (1 - ev.expertLoss);
        eLedger?.add("event:expertLeaves", s.M * (X1 - s.X));
        s.X = X1;
        s.gap += 1;
        break;
      }
      case "newSponsor":
        s.L = clamp01(s.L + ev.sponsorMandate);
        s.sponsorQuarters = ev.sponsorQuarters;
        break;
    }
  }

  // 1. Pressure hijacks the plan (harder while a new CFO is in office).
  const budget = s.budget;
  const hijack = s.cfoQuarters > 0 ? p.cfo.hijack : p.hijack;
  const pressure = pressureOf(s, ctx.room.benchmark);
  const { effective: x, forced } = applyPressure(allocation, pressure, s.L, budget, hijack);

  // 2. Stocks.
  const hL = h(x.longTerm);
  const hC = h(x.culture);
  const hG = h(x.governance);
  const hK = h(x.support);
  const hR = h(x.recruitment);
  const hS = h(x.strategy);
  // Buzz wears down reciprocity and trust in proportion to the share of the budget it takes: a
  // campaign now and then is communication, a budget of campaigns is a fan zone.
  const buzzShare = x.campaigns / ctx.baseBudget;
  s.L = clamp01(s.L + p.mandate.gain * hL * (1 - s.L) - p.mandate.decay * s.L);
  s.W = s.W + p.pipeline.gain * hC - s.W * p.pipeline.drain;
  // Training shifts culture only above a critical mass and up to a ceiling; practice keeps it.
  const c = p.culture;
  const sponsored = s.sponsorQuarters > 0;
  const ceiling = c.ceiling + (sponsored ? c.sponsorCeiling : 0);
  const mass = sponsored ? c.sponsorMass : c.criticalMass;
  const cTraining =
    c.gain *
    Math.max(0, s.W - mass) *
    (1 + c.coaching * s.K) *
    (1 + c.mandate * s.L) *
    Math.max(0, 1 - s.C / ceiling);
  // Practice spreads the culture there is: it sustains a culture, it cannot start one.
  const cPractice = c.practice * s.a * s.C * (1 - s.C);
  s.C = clamp01(s.C + cTraining + cPractice - c.decay * s.C);
  s.G = clamp01(
    s.G +
      p.governance.gain * hG * (1 - s.G) -
      (p.governance.decay + p.governance.busyDecay * s.a) * s.G,
  );
  // Coaches can only coach where a culture of sharing exists: no culture, no coaching capacity.
  s.K = clamp01(s.K + p.coaching.gain * hK * s.C * (1 - s.K) - p.coaching.decay * s.K);
  s.S = clamp01(
    s.S +
      p.strategy.gain * hS * (1 - s.S) -
      p.strategy.decay * s.S -
      p.strategy.buzzErosion * buzzShare * s.S,
  );

  // 3. Buzz: fixed draws per slot (common random numbers), heavy-tailed viral hits; rivals'
  // campaigns crowd the audience; a healthy community reaches people by itself.
  const b = p.buzz;
  const platform = s.platformQuarters > 0 ? 0.5 : 1;
  const active = Math.min(b.slots, Math.round(x.campaigns));
  const viralChance = Math.min(b.viralCap, b.viralBase * ctx.moment * (0.5 + s.S) * (0.5 + s.G));
  const backfireChance = b.backfireBase * (1.5 - s.G) * (1.3 - s.S);
  const audience = (0.5 + s.M) * platform;
  const paidAudience = audience * ctx.room.crowd;
  let ordinary = 0;
  let viral = 0;
  let sevBackfire = 0;
  const outcome: CampaignOutcome = { active, viral: 0, backfired: 0 };
  // Every slot draws its four numbers whether it runs or not: a fixed count per quarter.
  for (let slot = 0; slot < b.slots; slot++) {
    const uViral = ctx.buzz.next();
    const uSize = ctx.buzz.nextPositive();
    const uBackfire = ctx.buzz.next();
    const uSeverity = ctx.buzz.nextPositive();
    if (slot >= active) continue;
    if (uViral < viralChance) {
      viral += (b.viralSize / Math.sqrt(uSize)) * paidAudience;
      outcome.viral++;
    } else {
      ordinary += (b.ordinaryMin + b.ordinarySpread * uSize) * paidAudience;
    }
    if (uBackfire < backfireChance) {
      sevBackfire += Math.min(1, b.backfireSeverity / Math.sqrt(uSeverity));
      outcome.backfired++;
    }
  }
  // The community's own voice: two more draws, whatever the community.
  const uOrganic = ctx.buzz.next();
  const uOrganicSize = ctx.buzz.nextPositive();
  const healthy = E0 * s.T;
  let organic = b.organic * healthy * audience;
  if (uOrganic < Math.min(b.viralCap, 4 * b.organicViral * ctx.moment * healthy)) {
    organic += (b.viralSize / Math.sqrt(uOrganicSize)) * audience * b.organicHitSize;
  }
  const R = ordinary + viral + organic;
  // The adstock is the campaigns' own: what spending bought lingers, then fades.
  s.Z = ordinary + viral + b.carryOver * s.Z;

  // 4. Members (Bass diffusion). Terms are computed from the same values, then credited.
  const m = p.members;
  const engagedShare = s.a + s.X;
  const room = 1 - s.M;
  const mOrganic = m.organic * room;
  const mBuzz = Math.min(m.buzzPull * s.Z, m.buzzPullCap) * room;
  const mRecruit = m.recruitment * hR * room;
  const mExperts = m.expertPull * s.X * room;
  const q = m.wordOfMouth * (0.3 + 0.7 * s.C) * s.T;
  const mWord = q * s.M * engagedShare * room;
  const mChurn = -m.churn * (1 - m.trustRetention * s.T) * s.M;
  const wm = p.wounds.migration;
  const mMigration = -wm.churn * s.migration * (1 - 0.5 * s.C) * s.M;
  const Mraw = s.M + mOrganic + mBuzz + mRecruit + mExperts + mWord + mChurn + mMigration;
  const M2 = clamp01(Mraw);
  if (eLedger) {
    eLedger.add("organic", mOrganic * engagedShare);
    eLedger.add("buzzPull", mBuzz * engagedShare);
    eLedger.add("recruitment", mRecruit * engagedShare);
    eLedger.add("expertPull", mExperts * engagedShare);
    eLedger.add("wordOfMouth", mWord * engagedShare);
    eLedger.add("churn", mChurn * engagedShare);
    eLedger.add("event:platformChange", mMigration * engagedShare);
    eLedger.add("bounds", (M2 - Mraw) * engagedShare);
  }
  s.M = M2;
  s.migration *= 1 - closing(wm, x.support + x.culture);

  // 5. Activity (participation inequality): up to a ceiling set by trust, reciprocity and a
  // clear, reassuring framework (who wants to expose themselves?), at a pace set by culture,
  // coaching, experts and élan.
  const ac = p.activity;
  const cap = ac.capBase + ac.capTrust * s.T * (0.3 + 0.3 * s.S + 0.4 * s.G);
  const open = (Math.max(0, cap - s.a) / cap) * (1 - s.a);
  const lift = ac.elanMin + (1 - ac.elanMin) * 2 * s.N;
  const aBase = ac.base * open;
  const aCulture = ac.culture * s.C * 0.5 * open;
  const aGovernance = ac.culture * s.C * 0.5 * s.G * open;
  const aCoaching = ac.coaching * s.C * s.K * open;
  const aExperts = ac.experts * s.C * s.X * open;
  // Élan scales the levers' activation; its own share is what it adds above neutral (lift 1).
  const aElan = (lift - 1) * (aCulture + aGovernance + aCoaching + aExperts);
  const wc = p.wounds.crisis;
  const wg = p.wounds.gap;
  const lapse = ac.lapse * (1 - ac.coachingHold * s.K) * (1 - ac.strategyHold * s.S);
  const aLapse = -lapse * s.a;
  const aCrisis = -wc.lapse * s.crisis * s.a;
  const aMigration = -wm.lapse * s.migration * s.a;
  const aGap = -wg.lapse * s.gap * s.a;
  const aRaw =
    s.a +
    aBase +
    aCulture +
    aGovernance +
    aCoaching +
    aExperts +
    aElan +
    aLapse +
    aCrisis +
    aMigration +
    aGap;
  const a2 = clamp01(aRaw);
  if (eLedger) {
    eLedger.add("organic", s.M * aBase);
    eLedger.add("culture", s.M * aCulture);
    eLedger.add("governance", s.M * aGovernance);
    eLedger.add("coaching", s.M * aCoaching);
    eLedger.add("recruitment", s.M * aExperts);
    eLedger.add("elan", s.M * aElan);
    eLedger.add("lapse", s.M * aLapse);
    eLedger.add("event:badBuzz", s.M * aCrisis);
    eLedger.add("event:platformChange", s.M * aMigration);
    eLedger.add("event:expertLeaves", s.M * aGap);
    eLedger.add("bounds", s.M * (a2 - aRaw));
  }
  s.a = a2;

  // 6. Experts: the team's share of the room's pool, who stay only with a real value
  // proposition (S) and an audience (a); a gap left by a departed star bleeds more of them.
  const S2 = s.S * s.S;
  // Experts answer where a culture of sharing exists and someone listens: culture and audience.
  const xGain =
    p.experts.gain *
    ctx.room.expertShare *
    (S2 / (S2 + 0.25)) *
    (s.a / (s.a + p.experts.audience)) *
    (s.C / (s.C + p.experts.culture));
  const xIn = s.M > 0 ? ctx.room.expertsIn / s.M : 0;
  const xLoss = -p.experts.attrition * (1 - s.S) * s.X;
  const xGap = -wg.attrition * s.gap * s.X;
  const Xraw = s.X + xGain + xIn + xLoss + xGap;
  const X2 = clamp01(Xraw);
  if (eLedger) {
    eLedger.add("recruitment", s.M * xGain);
    eLedger.add("rivalExperts", s.M * xIn);
    eLedger.add("expertAttrition", s.M * xLoss);
    eLedger.add("event:expertLeaves", s.M * xGap);
    eLedger.add("bounds", s.M * (X2 - Xraw));
  }
  s.X = X2;
  s.gap *= 1 - closing(wg, x.recruitment + x.strategy);

  // 7. Trust rises slowly and falls fast; an open crisis keeps eating it.
  const t = p.trust;
  const tRoom = t.gain * (1 - s.T);
  const tStrategy = tRoom * t.strategy * s.S;
  const tCoaching = tRoom * t.coaching * s.K;
  const tGovernance = tRoom * t.governance * s.G;
  const sev = sevEvent + sevBackfire;
  const tCrisis = -s.T * sev * (1 - t.governanceShield * s.G) * (1 - t.loyalty * s.a * s.T);
  const tWound = -wc.trust * s.crisis * (1 - t.governanceShield * s.G) * s.T;
  const tErosion = -t.buzzErosion * buzzShare * s.T;
  // Trust is a relationship: left untended (no reciprocity, coaching or rules), it wears out.
  const tNeglect = -t.neglect * s.T;
  const Traw = s.T + tStrategy + tCoaching + tGovernance + tCrisis + tWound + tErosion + tNeglect;
  const T2 = clamp01(Traw);
  if (tLedger) {
    tLedger.add("strategy", tStrategy);
    tLedger.add("coaching", tCoaching);
    tLedger.add("governance", tGovernance);
    if (sev > 0) {
      tLedger.add("backfire", (tCrisis * sevBackfire) / sev);
      tLedger.add("event:badBuzz", (tCrisis * sevEvent) / sev);
    }
    tLedger.add("event:badBuzz", tWound);
    tLedger.add("campaignErosion", tErosion);
    tLedger.add("neglect", tNeglect);
    tLedger.add("bounds", T2 - Traw);
  }
  s.T = T2;
  s.crisis *= 1 - closing(wc, x.governance + x.support);

  // 8. Élan: champions warm to visible success and support, and burn out when coaching does
  // not keep up with the community they animate.
  const el = p.elan;
  const success = Math.max(0, s.a - s.lastActive);
  const unsupported = Math.max(0, 1 - s.K / (el.need + s.a));
  s.N = clamp01(
    s.N + el.gain * (0.4 * hK + el.success * success) * (1 - s.N) - el.decay * unsupported * s.N,
  );
  s.lastActive = s.a;

  // Outputs and scores.
  const E = engagement(s);
  const w = s.reachWindow;
  s.reachWindow =
    w.length >= 4
      ? [w[1] as number, w[2] as number, w[3] as number, R]
      : w.length === 3
        ? [w[0] as number, w[1] as number, w[2] as number, R]
        : [...w, R];
  // In reach units, not relative: a lottery's swings, which a steady community does not have.
  const buzzVolatility = standardDeviation(s.reachWindow);
  const kpi = E + p.kpiReachWeight * R;
  const ssv = E * s.T;
  s.accumulated += ssv;
  s.spent = addAllocation(s.spent, allocation);
  const score = p.score.scale * s.accumulated;

  // The new CFO judges the KPI against a growing target; two misses running cut the budget for
  // the rest of the tenure, unless the mandate shields the plan.
  if (s.cfoQuarters > 0) {
    const target = s.lastKpi * (1 + p.cfo.targetGrowth);
    s.cfoMisses = kpi < target ? s.cfoMisses + 1 : 0;
    if (s.cfoMisses >= 2 && s.L < p.cfo.shield) {
      s.budget = Math.floor(ctx.baseBudget * (1 - p.cfo.budgetCut));
    }
    s.cfoQuarters--;
    if (s.cfoQuarters === 0) s.budget = ctx.baseBudget;
  } else s.budget = ctx.baseBudget;
  if (s.platformQuarters > 0) s.platformQuarters--;
  if (s.sponsorQuarters > 0) s.sponsorQuarters--;
  s.lastKpi = kpi;
  s.lastOrdinary = ordinary;
  s.lastViral = viral;
  s.lastOrganic = organic;
  s.lastForced = forced;

  const outputs: TurnOutputs = {
    engagement: E,
    reach: R,
    buzzVolatility,
    trust: s.T,
    kpi,
    ssv,
    score,
    legacy: 0,
  };
  if (!eLedger || !tLedger) return { state: s, outputs, record: null };

  const rLedger = new ContributionLedger();
  rLedger.add("campaigns", ordinary - prev.lastOrdinary);
  rLedger.add("virality", viral - prev.lastViral);
  rLedger.add("organicReach", organic - prev.lastOrganic);
  const explain: Explanation = {
    engagement: eLedger.finish(E0, E),
    trust: tLedger.finish(T0, s.T),
    reach: rLedger.finish(R0, R),
  };
  const record: TurnRecord = {
    turn: ctx.quarter,
    budget,
    allocation: { ...allocation },
    effective: x,
    forced,
    events: [...ctx.events],
    campaigns: outcome,
    outputs,
    stocks: pickStocks(s),
    explain,
  };
  return { state: s, outputs, record };
}

function addAllocation(a: Allocation, b: Allocation): Allocation {
  return {
    longTerm: a.longTerm + b.longTerm,
    culture: a.culture + b.culture,
    governance: a.governance + b.governance,
    support: a.support + b.support,
    recruitment: a.recruitment + b.recruitment,
    strategy: a.strategy + b.strategy,
    campaigns: a.campaigns + b.campaigns,
  };
}

export function pickStocks(s: Stocks): Stocks {
  return {
    L: s.L,
    W: s.W,
    C: s.C,
    G: s.G,
    K: s.K,
    S: s.S,
    M: s.M,
    a: s.a,
    X: s.X,
    Z: s.Z,
    T: s.T,
    N: s.N,
  };
}

/** A field-by-field copy: several times faster than a spread on the hot path. */
export function copyTeamState(t: TeamState): TeamState {
  return {
    L: t.L,
    W: t.W,
    C: t.C,
    G: t.G,
    K: t.K,
    S: t.S,
    M: t.M,
    a: t.a,
    X: t.X,
    Z: t.Z,
    T: t.T,
    N: t.N,
    P: t.P,
    cfoQuarters: t.cfoQuarters,
    cfoMisses: t.cfoMisses,
    platformQuarters: t.platformQuarters,
    sponsorQuarters: t.sponsorQuarters,
    crisis: t.crisis,
    migration: t.migration,
    gap: t.gap,
    budget: t.budget,
    reachWindow: t.reachWindow,
    lastOrdinary: t.lastOrdinary,
    lastViral: t.lastViral,
    lastOrganic: t.lastOrganic,
    lastKpi: t.lastKpi,
    lastForced: t.lastForced,
    lastActive: t.lastActive,
    accumulated: t.accumulated,
    spent: t.spent,
  };
}
