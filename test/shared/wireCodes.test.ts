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
  packAllocation,
  reasonCode,
  reasonOfCode,
  sourceCode,
  sourceOfCode,
  unpackAllocation,
  BUCKET_IDS,
  type Allocation,
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

  it("put a reason's gauge and cause in one byte", () => {
    expect(GAUGE_IDS.length * CAUSE_CODES.length).toBeLessThanOrEqual(256);
    for (const gauge of GAUGE_IDS) {
      for (const cause of CAUSE_CODES) {
        const code = reasonCode(gauge, cause);
        expect(code).toBeLessThan(256);
        expect(reasonOfCode(code)).toEqual({ gauge, cause });
      }
    }
    expect(() => reasonOfCode(GAUGE_IDS.length * CAUSE_CODES.length)).toThrow("Unknown gauge code");
    expect(() => reasonOfCode(-1)).toThrow("Unknown gauge code -1");
  });

  it("pack an allocation in one exact number, and back", () => {
    const full = Object.fromEntries(BUCKET_IDS.map((id) => [id, 127])) as Allocation;
    const some = { ...full, longTerm: 0, culture: 100, campaigns: 3, support: 1 };
    for (const allocation of [full, some, { ...full, strategy: 0 }]) {
      const packed = packAllocation(allocation);
      expect(Number.isSafeInteger(packed)).toBe(true);
      expect(new Float64Array([packed])[0]).toBe(packed);
      expect(unpackAllocation(packed)).toEqual(allocation);
    }
    expect(
      packAllocation({ ...full, longTerm: 1 }) - packAllocation({ ...full, longTerm: 0 }),
    ).toBe(1);
    expect(() => packAllocation({ ...full, culture: 128 })).toThrow("Cannot pack 128 tokens");
    expect(() => packAllocation({ ...full, culture: 1.5 })).toThrow("on culture");
    expect(() => unpackAllocation(2 ** 49)).toThrow("out of range");
    expect(() => unpackAllocation(-1)).toThrow("Unknown packed allocation -1");
    expect(() => unpackAllocation({})).toThrow("Unknown packed allocation");
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
