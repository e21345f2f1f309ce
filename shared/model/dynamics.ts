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
import { emptyAllocation, type Allocation } from "./levers";
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
  const effective = emptyAllocation();
  const forced = pressureInto(effective, allocation, pressure, mandate, budget, hijack);
  return { effective, forced };
}

/**
 * `applyPressure` written into `effective` (which may be a scratch object), returning the tokens
 * forced: the one formula of step 1, shared by `applyPressure` and the quarter itself, which
 * runs it once per team-quarter on the fast path without allocating.
 */
function pressureInto(
  effective: Allocation,
  allocation: Allocation,
  pressure: number,
  mandate: number,
  budget: number,
  hijack: number,
): number {
  const wanted = Math.max(0, pressure - mandate) * budget * hijack;
  const a = allocation;
  const levers = a.longTerm + a.culture + a.governance + a.support + a.recruitment + a.strategy;
  const forced = Math.min(wanted, levers);
  // Written out field by field: this runs once per team-quarter on the luck band's hot path.
  const keep = forced > 0 ? 1 - forced / levers : 1;
  effective.longTerm = a.longTerm * keep;
  effective.culture = a.culture * keep;
  effective.governance = a.governance * keep;
  effective.support = a.support * keep;
  effective.recruitment = a.recruitment * keep;
  effective.strategy = a.strategy * keep;
  effective.campaigns = forced > 0 ? a.campaigns + forced : a.campaigns;
  return forced;
}

/** The quarter's effective allocation while it is resolved: read at once, never kept. */
const effectiveScratch: Allocation = emptyAllocation();

/** The quarter's buzz draws (`drawBuzz`): read at once, never kept. */
let buzzDraws = new Float64Array(4 * PARAMS.buzz.slots + 2);

/**
 * The quarter's buzz draws, raw, in stream order: for each slot virality, size, backfire,
 * severity, then the community's own reach and its size. Size and severity (and the organic
 * size) are `nextPositive`'s `1 − u`, safe under a square root: the quarter subtracts where it
 * reads them, for the slots that run, rather than over the whole buffer (most slots are idle,
 * and a pass over the buffer re-checks the typed array at every element). Drawn at once
 * (`Stream.fill`) rather than at six call sites in the quarter: the generator runs on locals,
 * and the quarter keeps V8's inlining budget for the model's helpers (a helper it calls instead
 * boxes every number it passes or returns).
 */
function drawBuzz(stream: Stream, slots: number): Float64Array {
  const count = 4 * slots + 2;
  if (buzzDraws.length < count) buzzDraws = new Float64Array(count);
  const u = buzzDraws;
  stream.fill(u, count);
  return u;
}

/** How fast a wound closes: slow healing, plus a serious response beyond business as usual. */
function closing(
  wound: { close: number; usual: number; rate: number },
  responseTokens: number,
): number {
  return Math.min(1, wound.close + wound.rate * Math.max(0, responseTokens - wound.usual));
}

/**
 * Resolves one team's quarter: a new state (`prev` is not mutated), the outputs and, when
 * `ctx.explain`, the record with its explanations. `step` and every analysis go through it.
 */
export function resolveQuarter(
  prev: TeamState,
  allocation: Allocation,
  ctx: QuarterContext,
): QuarterResult {
  const state = copyTeamState(prev);
  const outputs = emptyOutputs();
  const record = advanceQuarter(state, allocation, ctx, outputs);
  return { state, outputs, record };
}

/** Outputs to be filled by `advanceQuarter`. */
export function emptyOutputs(): TurnOutputs {
  return {
    engagement: 0,
    reach: 0,
    buzzVolatility: 0,
    trust: 0,
    kpi: 0,
    ssv: 0,
    score: 0,
    legacy: 0,
  };
}

/**
 * The quarter itself, resolved in place: `s` becomes the team's state after the quarter (its
 * reach window and `spent` included, so `s` must own them: a `copyTeamState`, or a state nobody
 * else sees) and `out` receives the outputs. Returns the record when `ctx.explain`, else null.
 *
 * `resolveQuarter` runs it on a fresh copy; the fast path (room.ts `advanceRoomQuarter`) runs it
 * on states and outputs it owns, so a quarter nobody keeps (the legacy's continuation) allocates
 * nothing. Same function, same operations in the same order: the same bits either way.
 */
export function advanceQuarter(
  s: TeamState,
  allocation: Allocation,
  ctx: QuarterContext,
  out: TurnOutputs,
): TurnRecord | null {
  const p = PARAMS;
  const E0 = engagement(s);
  const T0 = s.T;
  // Last quarter's reach by source, for the reach explanation (`s` is overwritten below).
  const lastOrdinary = s.lastOrdinary;
  const lastViral = s.lastViral;
  const lastOrganic = s.lastOrganic;
  const R0 = lastOrdinary + lastViral + lastOrganic;
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
  const x = effectiveScratch;
  const forced = pressureInto(x, allocation, pressure, s.L, budget, hijack);

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
  const platform = s.platformQuarters > 0 ? p.events.platformReach : 1;
  const active = Math.min(b.slots, Math.round(x.campaigns));
  const viralChance = Math.min(b.viralCap, b.viralBase * ctx.moment * (0.5 + s.S) * (0.5 + s.G));
  const backfireChance = b.backfireBase * (1.5 - s.G) * (1.3 - s.S);
  const audience = (0.5 + s.M) * platform;
  const paidAudience = audience * ctx.room.crowd;
  let ordinary = 0;
  let viral = 0;
  let sevBackfire = 0;
  // Counted for the record (`CampaignOutcome`), built only when explaining.
  let viralHits = 0;
  let backfires = 0;
  // Every slot draws its four numbers whether it runs or not, and the community two more: a
  // fixed count per quarter, all drawn here, in the order they are used.
  const u = drawBuzz(ctx.buzz, b.slots);
  // Idle slots were drawn for (the count is fixed) but are not read: `active` ≤ `b.slots`.
  for (let slot = 0; slot < active; slot++) {
    const uViral = u[4 * slot] as number;
    const uSize = 1 - (u[4 * slot + 1] as number);
    const uBackfire = u[4 * slot + 2] as number;
    const uSeverity = 1 - (u[4 * slot + 3] as number);
    if (uViral < viralChance) {
      viral += (b.viralSize / Math.sqrt(uSize)) * paidAudience;
      viralHits++;
    } else {
      ordinary += (b.ordinaryMin + b.ordinarySpread * uSize) * paidAudience;
    }
    if (uBackfire < backfireChance) {
      sevBackfire += Math.min(1, b.backfireSeverity / Math.sqrt(uSeverity));
      backfires++;
    }
  }
  // The community's own voice: its two draws, whatever the community.
  const uOrganic = u[4 * b.slots] as number;
  const uOrganicSize = 1 - (u[4 * b.slots + 1] as number);
  const healthy = E0 * s.T;
  let organic = b.organic * healthy * audience;
  if (uOrganic < Math.min(b.viralCap, b.organicViral * ctx.moment * healthy)) {
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
  const q = m.wordOfMouth * (m.wordFloor + m.wordCulture * s.C) * s.T;
  const mWord = q * s.M * engagedShare * room;
  const mChurn = -m.churn * (1 - m.trustRetention * s.T) * s.M;
  const wm = p.wounds.migration;
  const mMigration = -wm.churn * s.migration * (1 - wm.cultureShield * s.C) * s.M;
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
  const cap =
    ac.capBase + ac.capTrust * s.T * (ac.capFloor + ac.capStrategy * s.S + ac.capRules * s.G);
  const open = (Math.max(0, cap - s.a) / cap) * (1 - s.a);
  const lift = ac.elanMin + (1 - ac.elanMin) * ac.elanLift * s.N;
  const aBase = ac.base * open;
  const aCulture = ac.culture * s.C * (1 - ac.rulesShare) * open;
  const aGovernance = ac.culture * s.C * ac.rulesShare * s.G * open;
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
    (S2 / (S2 + p.experts.reciprocity)) *
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
    s.N +
      el.gain * (el.support * hK + el.success * success) * (1 - s.N) -
      el.decay * unsupported * s.N,
  );
  s.lastActive = s.a;

  // Outputs and scores.
  const E = engagement(s);
  // The last four quarters' reach, oldest first, shifted in place (`s` owns its window).
  // Its spread is buzz volatility, in reach units, not relative: a lottery's swings, which a
  // steady community does not have.
  const w = s.reachWindow;
  let buzzVolatility: number;
  if (w.length >= 4) {
    const v0 = w[1] as number;
    const v1 = w[2] as number;
    const v2 = w[3] as number;
    const v3 = R;
    w[0] = v0;
    w[1] = v1;
    w[2] = v2;
    w[3] = v3;
    if (w.length > 4) w.length = 4;
    // `standardDeviation(w)` (math.ts) for the full window, written out on the four values at
    // hand: the same operations in the same order (mean summed from 0, squared deviations
    // summed from 0, both divided by the count), so the same bits, without a call that would
    // box the number it returns.
    const m = (0 + v0 + v1 + v2 + v3) / 4;
    const sq =
      0 + (v0 - m) * (v0 - m) + (v1 - m) * (v1 - m) + (v2 - m) * (v2 - m) + (v3 - m) * (v3 - m);
    buzzVolatility = Math.sqrt(sq / 4);
  } else {
    w.push(R);
    buzzVolatility = standardDeviation(w);
  }
  const kpi = E + p.kpiReachWeight * R;
  const ssv = E * s.T;
  s.accumulated += ssv;
  addAllocationInto(s.spent, allocation);
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

  out.engagement = E;
  out.reach = R;
  out.buzzVolatility = buzzVolatility;
  out.trust = s.T;
  out.kpi = kpi;
  out.ssv = ssv;
  out.score = score;
  out.legacy = 0;
  if (!eLedger || !tLedger) return null;

  const rLedger = new ContributionLedger();
  rLedger.add("campaigns", ordinary - lastOrdinary);
  rLedger.add("virality", viral - lastViral);
  rLedger.add("organicReach", organic - lastOrganic);
  const explain: Explanation = {
    engagement: eLedger.finish(E0, E),
    trust: tLedger.finish(T0, s.T),
    reach: rLedger.finish(R0, R),
  };
  const campaigns: CampaignOutcome = { active, viral: viralHits, backfired: backfires };
  const record: TurnRecord = {
    turn: ctx.quarter,
    budget,
    allocation: { ...allocation },
    effective: { ...x },
    forced,
    events: [...ctx.events],
    campaigns,
    outputs: out,
    stocks: pickStocks(s),
    explain,
  };
  return record;
}

/** `sum += b`, bucket by bucket (the team's running total of its decisions). */
function addAllocationInto(sum: Allocation, b: Allocation): void {
  sum.longTerm = sum.longTerm + b.longTerm;
  sum.culture = sum.culture + b.culture;
  sum.governance = sum.governance + b.governance;
  sum.support = sum.support + b.support;
  sum.recruitment = sum.recruitment + b.recruitment;
  sum.strategy = sum.strategy + b.strategy;
  sum.campaigns = sum.campaigns + b.campaigns;
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

/**
 * A field-by-field copy (several times faster than a spread on the hot path), in the field order
 * of `initialTeamState` so every state shares one hidden class. The reach window and `spent` are
 * copied too: `advanceQuarter` updates them in place, and the copy must not touch `t`'s.
 */
export function copyTeamState(t: TeamState): TeamState {
  const w = t.reachWindow;
  const sp = t.spent;
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
    reachWindow:
      w.length === 4 ? [w[0] as number, w[1] as number, w[2] as number, w[3] as number] : [...w],
    lastOrdinary: t.lastOrdinary,
    lastViral: t.lastViral,
    lastOrganic: t.lastOrganic,
    lastKpi: t.lastKpi,
    lastForced: t.lastForced,
    lastActive: t.lastActive,
    accumulated: t.accumulated,
    spent: {
      longTerm: sp.longTerm,
      culture: sp.culture,
      governance: sp.governance,
      support: sp.support,
      recruitment: sp.recruitment,
      strategy: sp.strategy,
      campaigns: sp.campaigns,
    },
  };
}
