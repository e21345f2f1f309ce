/**
 * The facilitator's run sheet for a scenario as played: how the session's minutes divide between
 * the opening, each quarter and the debrief; which events the scenario brings and which ones are
 * worth injecting when; and three debrief questions, each tied to one of the essay's six causes
 * (the six levers). Pure data: the console renders it, the tests check it.
 *
 * Timing: a session lasts 40 min + 20 min per year, between 60 and 180 (a four-year game fits a
 * two-hour session). After the opening and the debrief, the quarters share what is left by
 * weight — the first quarter counts double (the room learns the board), each year's last quarter
 * a quarter more (a year's recap on the projector) — in whole minutes that add up exactly.
 */
import type { LeverId } from "../../../shared/model/levers";
import type { EventId } from "../../../shared/model/events";
import type { Scenario } from "../../../shared/model/types";
import type { MessageKey } from "../i18n/index";

export const MINUTES_BETWEEN_DECISIONS = 2;

export interface RunSheetInject {
  /** 1-based quarter whose resolution the event should strike: inject during that quarter. */
  quarter: number;
  event: EventId;
  why: MessageKey;
}

export interface RunSheetQuestion {
  /** The essay's cause the question is about. */
  lever: LeverId;
  text: MessageKey;
}

export interface RunSheetQuarter {
  quarter: number;
  year: number;
  minutes: number;
  /** Scenario events due this quarter, with their chance (1 = certain). */
  scripted: { event: EventId; probability: number }[];
  inject: RunSheetInject | null;
}

export interface RunSheet {
  scenarioId: string;
  sessionMinutes: number;
  openingMinutes: number;
  debriefMinutes: number;
  quarters: RunSheetQuarter[];
  /** The decision timer that fits this plan (quarter minutes minus briefing and results). */
  suggestedTimerSeconds: number;
  questions: RunSheetQuestion[];
}

interface ScenarioGuide {
  inject: readonly RunSheetInject[];
  questions: readonly [RunSheetQuestion, RunSheetQuestion, RunSheetQuestion];
}

/** Per scenario: what to inject when, and what to ask. Text lives in the i18n files. */
export const SCENARIO_GUIDES: Readonly<Record<string, ScenarioGuide>> = {
  default: {
    inject: [
      { quarter: 3, event: "badBuzz", why: "guide.why.default.badBuzz" },
      { quarter: 8, event: "expertLeaves", why: "guide.why.default.expertLeaves" },
    ],
    questions: [
      { lever: "longTerm", text: "guide.q.default.1" },
      { lever: "culture", text: "guide.q.default.2" },
      { lever: "strategy", text: "guide.q.default.3" },
    ],
  },
  "new-cfo": {
    inject: [
      { quarter: 4, event: "newSponsor", why: "guide.why.new-cfo.newSponsor" },
      { quarter: 10, event: "badBuzz", why: "guide.why.new-cfo.badBuzz" },
    ],
    questions: [
      { lever: "longTerm", text: "guide.q.new-cfo.1" },
      { lever: "governance", text: "guide.q.new-cfo.2" },
      { lever: "support", text: "guide.q.new-cfo.3" },
    ],
  },
  "platform-migration": {
    inject: [
      { quarter: 6, event: "expertLeaves", why: "guide.why.platform-migration.expertLeaves" },
      { quarter: 13, event: "badBuzz", why: "guide.why.platform-migration.badBuzz" },
    ],
    questions: [
      { lever: "culture", text: "guide.q.platform-migration.1" },
      { lever: "support", text: "guide.q.platform-migration.2" },
      { lever: "governance", text: "guide.q.platform-migration.3" },
    ],
  },
  "bad-buzz": {
    inject: [{ quarter: 14, event: "newSponsor", why: "guide.why.bad-buzz.newSponsor" }],
    questions: [
      { lever: "governance", text: "guide.q.bad-buzz.1" },
      { lever: "recruitment", text: "guide.q.bad-buzz.2" },
      { lever: "strategy", text: "guide.q.bad-buzz.3" },
    ],
  },
};

export function sessionMinutes(years: number): number {
  return Math.min(180, Math.max(60, 40 + 20 * years));
}

/** Whole numbers proportional to `weights` that add up to exactly `total` (largest remainder). */
export function shareMinutes(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/** `null` for a scenario without a guide (a test makes sure every shipped one has one). */
export function runSheet(scenario: Scenario, years: number): RunSheet | null {
  const guide = SCENARIO_GUIDES[scenario.id];
  if (!guide) return null;
  const turns = years * 4;
  const total = sessionMinutes(years);
  const openingMinutes = 10;
  const debriefMinutes = years <= 2 ? 20 : 30;
  const weights = Array.from({ length: turns }, (_, i) =>
    i === 0 ? 2 : (i + 1) % 4 === 0 ? 1.25 : 1,
  );
  const minutes = shareMinutes(total - openingMinutes - debriefMinutes, weights);
  const quarters = minutes.map((m, i) => {
    const quarter = i + 1;
    return {
      quarter,
      year: Math.ceil(quarter / 4),
      minutes: m,
      scripted: scenario.events
        .filter((e) => e.quarter === quarter)
        .map((e) => ({ event: e.event, probability: e.probability ?? 1 })),
      inject: guide.inject.find((x) => x.quarter === quarter) ?? null,
    };
  });
  // An ordinary quarter's minutes, less the briefing and the results around the decision.
  const ordinary = Math.min(...minutes.slice(1));
  const suggested = Math.max(
    1,
    (Number.isFinite(ordinary) ? ordinary : 4) - MINUTES_BETWEEN_DECISIONS,
  );
  return {
    scenarioId: scenario.id,
    sessionMinutes: total,
    openingMinutes,
    debriefMinutes,
    quarters,
    suggestedTimerSeconds: suggested * 60,
    questions: [...guide.questions],
  };
}
