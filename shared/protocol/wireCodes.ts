/**
 * The small integer codes the synchronized state sends instead of strings: a gauge, a cause, an
 * event, a decision source each travel as one byte (their index in a list defined once here or in
 * the model), and the client's normaliser turns them back into the same strings. Both sides are
 * built from the same sources, so a code means the same thing at both ends; a code the client
 * does not know is a clear error, never a silent blank.
 *
 * Also which of a quarter's outputs travel as float32: the ones the board shows to a tenth of a
 * percent or so. `kpi` and `score` stay float64 because the clients rank teams by them, and a
 * ranking must never differ from the server's; `forced` too (its tenth of a token is rounded
 * from the model's exact number everywhere, the exports included).
 */
import { CAUSE_IDS } from "../model/causes";
import { EVENT_IDS, type EventId } from "../model/events";
import { GAUGE_IDS, type GaugeId } from "../model/gauges";
import type { CauseId, TurnOutputs } from "../model/types";

/** A cause's code is its index in the model's list. */
export const CAUSE_CODES = CAUSE_IDS;

/** How a team's quarter was decided (`TurnResultView.decisionSource`). */
export const DECISION_SOURCES = ["submitted", "draft", "default", "bot"] as const;
export type DecisionSource = (typeof DECISION_SOURCES)[number];

/** The outputs sent as float32 (the others as float64). */
export const FLOAT32_OUTPUTS = [
  "engagement",
  "reach",
  "buzzVolatility",
  "trust",
  "ssv",
  "legacy",
] as const satisfies readonly (keyof TurnOutputs)[];

function encode<T extends string>(list: readonly T[], value: T, what: string): number {
  const code = list.indexOf(value);
  if (code < 0) throw new Error(`No wire code for ${what} "${value}"`);
  return code;
}

function decode<T extends string>(list: readonly T[], code: unknown, what: string): T {
  const value = typeof code === "number" && Number.isInteger(code) ? list[code] : undefined;
  if (value === undefined) {
    throw new Error(
      `Unknown ${what} code ${String(code)} in the room's state (this client knows 0–${list.length - 1}): reload the page`,
    );
  }
  return value;
}

export const gaugeCode = (gauge: GaugeId) => encode(GAUGE_IDS, gauge, "gauge");
export const gaugeOfCode = (code: unknown) => decode(GAUGE_IDS, code, "gauge");
export const causeCode = (cause: CauseId) => encode(CAUSE_CODES, cause, "cause");
export const causeOfCode = (code: unknown) => decode(CAUSE_CODES, code, "cause");
export const eventCode = (event: EventId) => encode(EVENT_IDS, event, "event");
export const eventOfCode = (code: unknown) => decode(EVENT_IDS, code, "event");
export const sourceCode = (source: DecisionSource) =>
  encode(DECISION_SOURCES, source, "decision source");
export const sourceOfCode = (code: unknown) => decode(DECISION_SOURCES, code, "decision source");
