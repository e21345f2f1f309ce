import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GOLDEN_CASES } from "./cases";
import { goldenFinals, goldenTrajectory } from "./trajectory";

describe("golden trajectories", () => {
  it.each(GOLDEN_CASES)("$scenario $seed keeps its pinned final table and hash", (c) => {
    // The table first: when it fails, the diff says which team's which output moved.
    expect(goldenFinals(c)).toEqual(c.finals);
    const text = goldenTrajectory(c);
    expect(createHash("sha256").update(text).digest("hex")).toBe(c.sha256);
  });

  it("hash the whole history: a change in the last digit of one number changes the hash", () => {
    const c = GOLDEN_CASES[0]!;
    const text = goldenTrajectory(c);
    const tweaked = text.replace(/(\d)(?=[,}\]])/, (d) => String((Number(d) + 1) % 10));
    expect(tweaked).not.toBe(text);
    expect(createHash("sha256").update(tweaked).digest("hex")).not.toBe(c.sha256);
  });
});
