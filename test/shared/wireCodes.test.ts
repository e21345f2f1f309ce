/**
 * The one-byte codes of the synchronized state (shared/protocol/wireCodes.ts): every name the
 * model or the rooms can produce has a code that fits a uint8 and decodes back to itself, the
 * cause list is the model's whole list, and a code nobody knows is refused with a clear error.
 */
import { describe, expect, it } from "vitest";
import { CAUSE_LOOPS } from "../../shared/analysis/loops";
import {
  CAUSE_CODES,
  DECISION_SOURCES,
  EVENT_IDS,
  GAUGE_IDS,
  causeCode,
  causeOfCode,
  eventCode,
  eventOfCode,
  gaugeCode,
  gaugeOfCode,
  sourceCode,
  sourceOfCode,
  type CauseId,
} from "../../shared/index";

describe("wire codes", () => {
  it("cover every cause of the model, once", () => {
    expect([...CAUSE_CODES].sort()).toEqual(Object.keys(CAUSE_LOOPS).sort());
    expect(new Set(CAUSE_CODES).size).toBe(CAUSE_CODES.length);
  });

  it("fit in one byte and decode back to the same names", () => {
    const lists = [
      [CAUSE_CODES, causeCode, causeOfCode],
      [GAUGE_IDS, gaugeCode, gaugeOfCode],
      [EVENT_IDS, eventCode, eventOfCode],
      [DECISION_SOURCES, sourceCode, sourceOfCode],
    ] as const;
    for (const [list, encode, decode] of lists) {
      expect(list.length).toBeLessThanOrEqual(256);
      for (const name of list) {
        const code = (encode as (n: string) => number)(name);
        expect(code).toBeGreaterThanOrEqual(0);
        expect(code).toBeLessThan(256);
        expect(decode(code)).toBe(name);
      }
    }
  });

  it("refuse names and codes they do not know, saying which", () => {
    expect(() => causeCode("nothing" as CauseId)).toThrow('No wire code for cause "nothing"');
    expect(() => causeOfCode(CAUSE_CODES.length)).toThrow(
      `Unknown cause code ${CAUSE_CODES.length}`,
    );
    expect(() => gaugeOfCode(-1)).toThrow("Unknown gauge code -1");
    expect(() => eventOfCode(1.5)).toThrow("Unknown event code 1.5");
    expect(() => sourceOfCode("bot")).toThrow("Unknown decision source code bot");
    expect(() => gaugeOfCode(undefined)).toThrow("Unknown gauge code undefined");
  });
});
