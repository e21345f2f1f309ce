import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BUCKET_IDS, validateAllocation, type Allocation } from "../../shared/index";

const good: Allocation = {
  longTerm: 1,
  culture: 2,
  governance: 1,
  support: 2,
  recruitment: 1,
  strategy: 1,
  campaigns: 2,
};

describe("validateAllocation", () => {
  it("accepts whole tokens within the budget and returns a clean copy", () => {
    const result = validateAllocation({ ...good }, 10);
    expect(result).toEqual({ ok: true, value: good });
  });

  it.each([
    ["not an object", 5, "allocation.not_object", undefined],
    ["null", null, "allocation.not_object", undefined],
    ["an array", [1, 2], "allocation.not_object", undefined],
    ["an unknown key", { ...good, bribes: 1 }, "allocation.unknown_key", "bribes"],
    ["a missing key", { ...good, campaigns: undefined }, "allocation.not_number", "campaigns"],
    ["a negative count", { ...good, culture: -1 }, "allocation.negative", "culture"],
    ["a fraction", { ...good, culture: 1.5 }, "allocation.not_integer", "culture"],
    ["NaN", { ...good, culture: Number.NaN }, "allocation.not_number", "culture"],
    [
      "Infinity",
      { ...good, culture: Number.POSITIVE_INFINITY },
      "allocation.not_integer",
      "culture",
    ],
    ["a string", { ...good, culture: "2" }, "allocation.not_number", "culture"],
    ["over budget", { ...good, campaigns: 3 }, "allocation.over_budget", undefined],
  ])("rejects %s", (_label, input, code, field) => {
    const result = validateAllocation(input, 10);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.field).toBe(field);
      expect(result.error.message.length).toBeGreaterThan(5);
    }
  });

  it("names a key that is absent altogether", () => {
    const { campaigns: _c, ...rest } = good;
    const result = validateAllocation(rest, 10);
    expect(result.ok ? null : result.error.code).toBe("allocation.missing_key");
  });

  it("never throws and accepts exactly the valid allocations (property)", () => {
    const value = fc.oneof(
      fc.integer({ min: -3, max: 12 }),
      fc.double(),
      fc.constant(Number.NaN),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...BUCKET_IDS, "extra"), value),
        fc.integer({ min: 0, max: 20 }),
        (raw, budget) => {
          const result = validateAllocation(raw, budget);
          const values = BUCKET_IDS.map((k) => raw[k]);
          const valid =
            Object.keys(raw).every((k) => (BUCKET_IDS as readonly string[]).includes(k)) &&
            values.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0) &&
            (values as number[]).reduce((s, v) => s + v, 0) <= budget;
          expect(result.ok).toBe(valid);
        },
      ),
      { numRuns: 2000, seed: 42 },
    );
  });
});
