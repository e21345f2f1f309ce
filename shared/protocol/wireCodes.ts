/**
 * The small integer codes the synchronized state sends instead of strings: a gauge, a cause, an
 * event, a decision source each travel as one byte (their index in a list defined once here or in
 * the model), and the client's normaliser turns them back into the same strings. Both sides are
 * built from the same sources, so a code means the same thing at both ends; a code the client
 * does not know is a clear error, never a silent blank.
 *
 * A reason's gauge and cause travel together as one byte (`reasonCode`), beside its value.
 *
 * Also which of a quarter's outputs travel as float32: the ones the board shows to a tenth of a
 * percent or so. `kpi` and `score` stay float64 because the clients rank teams by them, and a
 * ranking must never differ from the server's; `forced` too (its tenth of a token is rounded
 * from the model's exact number everywhere, the exports included).
 */
import { CAUSE_IDS } from "../model/causes";
import { EVENT_IDS, type EventId } from "../model/events";
import { BUCKET_IDS, type Allocation } from "../model/levers";
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

/**
 * The numbers a result leaves out when they are 0, which they are most quarters (no pressure;
 * no legacy before the last quarter): the normaliser reads an absent one as 0.
 */
export const OMITTED_WHEN_ZERO = ["forced", "legacy"] as const;

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
/** A reason's gauge and cause in one byte: gauge × (number of causes) + cause. */
export const reasonCode = (gauge: GaugeId, cause: CauseId) =>
  gaugeCode(gauge) * CAUSE_CODES.length + causeCode(cause);
export function reasonOfCode(code: unknown): { gauge: GaugeId; cause: CauseId } {
  const whole = typeof code === "number" && Number.isInteger(code) && code >= 0;
  const n = whole ? code : -1;
  return {
    gauge: gaugeOfCode(whole ? Math.floor(n / CAUSE_CODES.length) : code),
    cause: causeOfCode(whole ? n % CAUSE_CODES.length : code),
  };
}
/** 7 bits per bucket: a budget is at most 100 tokens (scenarios/schema.ts). */
const BUCKET_SPAN = 128;
/** 128^7 = 2^49: every packed allocation is a safe integer, exact in a float64. */
const PACKED_LIMIT = 562_949_953_421_312;

/**
 * A revealed allocation in one number (`TurnResultView.allocation` on the wire): each bucket's
 * tokens in 7 bits, `BUCKET_IDS` order from the lowest bits. One float64 (9 bytes) instead of
 * seven fields (about 19).
 */
export function packAllocation(allocation: Allocation): number {
  let packed = 0;
  for (let i = BUCKET_IDS.length - 1; i >= 0; i--) {
    const tokens = allocation[BUCKET_IDS[i]!];
    if (!Number.isInteger(tokens) || tokens < 0 || tokens >= BUCKET_SPAN) {
      throw new Error(`Cannot pack ${tokens} tokens on ${BUCKET_IDS[i]} (0–${BUCKET_SPAN - 1})`);
    }
    packed = packed * BUCKET_SPAN + tokens;
  }
  return packed;
}

export function unpackAllocation(packed: unknown): Allocation {
  if (typeof packed !== "number" || !Number.isInteger(packed) || packed < 0) {
    throw new Error(`Unknown packed allocation ${String(packed)} in the room's state`);
  }
  if (packed >= PACKED_LIMIT) throw new Error(`Packed allocation ${packed} out of range`);
  const out = {} as Allocation;
  let rest = packed;
  for (const id of BUCKET_IDS) {
    out[id] = rest % BUCKET_SPAN;
    rest = (rest - out[id]) / BUCKET_SPAN;
  }
  return out;
}

export const sourceCode = (source: DecisionSource) =>
  encode(DECISION_SOURCES, source, "decision source");
export const sourceOfCode = (code: unknown) => decode(DECISION_SOURCES, code, "decision source");
