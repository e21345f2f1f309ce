/**
 * One quarter for one team: MODEL.md's seven steps in order, each using the latest values.
 *
 * Teams do not interact except through the shared "moment" draw, so a team's trajectory depends
 * only on the seed, its own decisions and the events that strike it. That is what lets the luck
 * band replay one team alone and a what-if branch change one team without touching the others.
 *
 * Explanations are computed here, from the same terms that move the stocks, so they can never
 * disagree with the numbers: engagement E = M·(a+X) is linear in each of M, a and X, so
 * changing M, then a, then X and crediting each term's share telescopes exactly to ΔE.
 */
import type { Allocation } from "./levers";
import { clamp01, coefficientOfVariation, h } from "./math";
import { engagement } from "./gauges";
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

export interface QuarterContext {
  /** 1-based quarter being resolved (weights the score). */
  quarter: number;
  /** Shared by all teams this quarter. */
  moment: number;
  /** This team's buzz stream for this quarter. */
  buzz: Stream;
  events: readonly EventId[];
  /** The scenario's normal budget (a CFO cut is relative to it). */
  baseBudget: number;
  explain: boolean;
}

export interface QuarterResult {
  state: TeamState;
  outputs: TurnOutputs;
  /** Present when `ctx.explain` is true. */
  record: TurnRecord | null;
}

/** Moves forced buzz pro rata from the six levers to campaigns (step 1). */
export function applyPressure(
  allocation: Allocation,
  pressure: number,
  mandate: number,
  budget: number,
): { effective: Allocation; forced: number } {
  const wanted = Math.max(0, pressure - mandate) * budget * PARAMS.hijack;
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

export function resolveQuarter(
  prev: TeamState,
  allocation: Allocation,
  ctx: QuarterContext,
): QuarterResult {
  const s = copyTeamState(prev);
  const E0 = engagement(s);
  const T0 = s.T;
  const R0 = s.lastOrdinary + s.lastViral;
  const eLedger = ctx.explain ? new ContributionLedger() : null;
  const tLedger = ctx.explain ? new ContributionLedger() : null;

  // Events strike first: they are the quarter's news.
  let sevEvent = 0;
  for (const id of ctx.events) {
    const ev = PARAMS.events;
    switch (id) {
      case "badBuzz":
        sevEvent += ev.badBuzzSeverity;
        break;
      case "newCfo":
        s.cfoQuarters = PARAMS.cfo.quarters;
        s.cfoMisses = 0;
        break;
      case "platformChange": {
        s.G *= ev.platformGovernance;
        const M1 = s.M - ev.platformMemberLoss * (1 - s.C) * s.M;
        eLedger?.add("event:platformChange", (M1 - s.M) * (s.a + s.X));
        s.M = M1;
        s.platformQuarters = ev.platformQuarters;
        break;
      }
      case "expertLeaves": {
        const X1 = s.X * (1 - ev.expertLoss);
        eLedger?.add("event:expertLeaves", s.M * (X1 - s.X));
        s.X = X1;
        break;
      }
      case "newSponsor":
        s.L = clamp01(s.L + ev.sponsorMandate);
        break;
    }
  }

  // 1. Pressure hijacks the plan.
  const pressure = s.cfoQuarters > 0 ? PARAMS.cfo.pressure : s.P;
  const budget = s.budget;
  const { effective: x, forced } = applyPressure(allocation, pressure, s.L, budget);

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
  const p = PARAMS;
  s.L = clamp01(s.L + p.mandate.gain * hL * (1 - s.L) - p.mandate.decay * s.L);
  s.W = s.W + p.pipeline.gain * hC - s.W * p.pipeline.drain;
  // Culture shifts only once enough people are in training at the same time (a critical mass):
  // below it, training teaches tools, not culture (stylised fact 4).
  s.C = clamp01(
    s.C +
      p.culture.gain *
        Math.max(0, s.W - p.culture.criticalMass) *
        (1 + p.culture.coaching * s.K) *
        (1 + p.culture.mandate * s.L) *
        (1 - s.C) -
      p.culture.decay * s.C,
  );
  s.G = clamp01(s.G + p.governance.gain * hG * (1 - s.G) - p.governance.decay * s.G);
  // Coaches can only coach where a culture of sharing exists: no culture, no coaching capacity.
  s.K = clamp01(s.K + p.coaching.gain * hK * s.C * (1 - s.K) - p.coaching.decay * s.K);
  s.S = clamp01(
    s.S +
      p.strategy.gain * hS * (1 - s.S) -
      p.strategy.decay * s.S -
      p.strategy.buzzErosion * buzzShare * s.S,
  );

  // 3. Buzz: fixed draws per slot (common random numbers), heavy-tailed viral hits.
  const b = p.buzz;
  const platform = s.platformQuarters > 0 ? 0.5 : 1;
  const active = Math.min(b.slots, Math.round(x.campaigns));
  const viralChance = Math.min(b.viralCap, b.viralBase * ctx.moment * (0.5 + s.S) * (0.5 + s.G));
  const backfireChance = b.backfireBase * (1.5 - s.G) * (1.3 - s.S);
  const audience = (0.5 + s.M) * platform;
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
      viral += (b.viralSize / Math.sqrt(uSize)) * audience;
      outcome.viral++;
    } else {
      ordinary += (b.ordinaryMin + b.ordinarySpread * uSize) * audience;
    }
    if (uBackfire < backfireChance) {
      sevBackfire += Math.min(1, b.backfireSeverity / Math.sqrt(uSeverity));
      outcome.backfired++;
    }
  }
  const R = ordinary + viral;
  s.Z = R + b.carryOver * s.Z;

  // 4. Members (Bass diffusion). Terms are computed from the same values, then credited.
  const m = p.members;
  const engagedShare = s.a + s.X;
  const room = 1 - s.M;
  const mOrganic = m.organic * room;
  const mBuzz = Math.min(m.buzzPull * s.Z, m.buzzPullCap) * room;
  const mRecruit = m.recruitment * hR * room;
  const q = m.wordOfMouth * (0.3 + 0.7 * s.C) * s.T;
  const mWord = q * s.M * engagedShare * room;
  const mChurn = -m.churn * (1 - m.trustRetention * s.T) * s.M;
  const Mraw = s.M + mOrganic + mBuzz + mRecruit + mWord + mChurn;
  const M2 = clamp01(Mraw);
  if (eLedger) {
    eLedger.add("organic", mOrganic * engagedShare);
    eLedger.add("buzzPull", mBuzz * engagedShare);
    eLedger.add("recruitment", mRecruit * engagedShare);
    eLedger.add("wordOfMouth", mWord * engagedShare);
    eLedger.add("churn", mChurn * engagedShare);
    eLedger.add("bounds", (M2 - Mraw) * engagedShare);
  }
  s.M = M2;

  // 5. Activity (participation inequality).
  const ac = p.activity;
  const lurkers = 1 - s.a;
  const aBase = ac.base * lurkers;
  // Culture opens the door; a coach's reply ("someone answered me") or an expert's answer makes
  // lurkers walk through it. Neither works without culture: culture and coaching are complements.
  const aCulture = ac.culture * s.C * 0.5 * lurkers;
  const aGovernance = ac.culture * s.C * 0.5 * s.G * lurkers;
  const aCoaching = ac.coaching * s.C * s.K * lurkers;
  const aExperts = ac.experts * s.C * s.X * lurkers;
  const lapse = ac.lapse * (1 - ac.coachingHold * s.K) * (1 - ac.strategyHold * s.S);
  const aLapse = -lapse * s.a;
  const aRaw = s.a + aBase + aCulture + aGovernance + aCoaching + aExperts + aLapse;
  const a2 = clamp01(aRaw);
  if (eLedger) {
    eLedger.add("organic", s.M * aBase);
    eLedger.add("culture", s.M * aCulture);
    eLedger.add("governance", s.M * aGovernance);
    eLedger.add("coaching", s.M * aCoaching);
    eLedger.add("recruitment", s.M * aExperts);
    eLedger.add("lapse", s.M * aLapse);
    eLedger.add("bounds", s.M * (a2 - aRaw));
  }
  s.a = a2;

  // 6. Experts: without a real value proposition, recruited experts stay silent or leave.
  const S2 = s.S * s.S;
  const xGain = p.experts.gain * hR * (S2 / (S2 + 0.25));
  const xLoss = -p.experts.attrition * (1 - s.S) * s.X;
  const Xraw = s.X + xGain + xLoss;
  const X2 = clamp01(Xraw);
  if (eLedger) {
    eLedger.add("recruitment", s.M * xGain);
    eLedger.add("expertAttrition", s.M * xLoss);
    eLedger.add("bounds", s.M * (X2 - Xraw));
  }
  s.X = X2;

  // 7. Trust rises slowly and falls fast.
  const t = p.trust;
  const tRoom = t.gain * (1 - s.T);
  const tStrategy = tRoom * t.strategy * s.S;
  const tCoaching = tRoom * t.coaching * s.K;
  const tGovernance = tRoom * t.governance * s.G;
  const sev = sevEvent + sevBackfire;
  const tCrisis = -s.T * sev * (1 - t.governanceShield * s.G) * (1 - t.loyalty * s.a * s.T);
  const tErosion = -t.buzzErosion * buzzShare * s.T;
  const Traw = s.T + tStrategy + tCoaching + tGovernance + tCrisis + tErosion;
  const T2 = clamp01(Traw);
  if (tLedger) {
    tLedger.add("strategy", tStrategy);
    tLedger.add("coaching", tCoaching);
    tLedger.add("governance", tGovernance);
    if (sev > 0) {
      tLedger.add("backfire", (tCrisis * sevBackfire) / sev);
      tLedger.add("event:badBuzz", (tCrisis * sevEvent) / sev);
    }
    tLedger.add("campaignErosion", tErosion);
    tLedger.add("bounds", T2 - Traw);
  }
  s.T = T2;

  // Outputs and scores.
  const E = engagement(s);
  const w = s.reachWindow;
  s.reachWindow = w.length >= 4 ? [w[1] as number, w[2] as number, w[3] as number, R] : [...w, R];
  const buzzVolatility = coefficientOfVariation(s.reachWindow);
  const kpi = E + p.kpiReachWeight * R;
  const ssv = E * s.T;
  s.weightedSsv += ctx.quarter * ssv;
  s.weights += ctx.quarter;
  const score = s.weightedSsv / s.weights + p.score.assets * s.T * ((s.C + s.G + s.K + s.S) / 4);

  // The new CFO judges the KPI against a growing target; two misses running cut next budget.
  s.budget = ctx.baseBudget;
  if (s.cfoQuarters > 0) {
    const target = s.lastKpi * (1 + p.cfo.targetGrowth);
    s.cfoMisses = kpi < target ? s.cfoMisses + 1 : 0;
    if (s.cfoMisses >= 2) {
      s.budget = Math.floor(ctx.baseBudget * (1 - p.cfo.budgetCut));
      s.cfoMisses = 0;
    }
    s.cfoQuarters--;
  }
  if (s.platformQuarters > 0) s.platformQuarters--;
  s.lastKpi = kpi;
  s.lastOrdinary = ordinary;
  s.lastViral = viral;

  const outputs: TurnOutputs = {
    engagement: E,
    reach: R,
    buzzVolatility,
    trust: s.T,
    kpi,
    ssv,
    score,
  };
  if (!eLedger || !tLedger) return { state: s, outputs, record: null };

  const rLedger = new ContributionLedger();
  rLedger.add("campaigns", ordinary - prev.lastOrdinary);
  rLedger.add("virality", viral - prev.lastViral);
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

export function pickStocks(s: Stocks): Stocks {
  return { L: s.L, W: s.W, C: s.C, G: s.G, K: s.K, S: s.S, M: s.M, a: s.a, X: s.X, Z: s.Z, T: s.T };
}

/** A field-by-field copy: several times faster than a spread on the hot path. */
function copyTeamState(t: TeamState): TeamState {
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
    P: t.P,
    cfoQuarters: t.cfoQuarters,
    cfoMisses: t.cfoMisses,
    platformQuarters: t.platformQuarters,
    budget: t.budget,
    reachWindow: t.reachWindow,
    lastOrdinary: t.lastOrdinary,
    lastViral: t.lastViral,
    lastKpi: t.lastKpi,
    weightedSsv: t.weightedSsv,
    weights: t.weights,
  };
}
