import { describe, expect, it } from "vitest";
import { SCENARIOS, getScenario, parseScenario } from "../../shared/index";

describe("scenarios", () => {
  it("ship at least the four the workshops need, each with fr/en texts", () => {
    for (const id of ["default", "new-cfo", "platform-migration", "bad-buzz"]) {
      const s = getScenario(id);
      expect(s, id).toBeDefined();
      expect(s!.description.fr.length).toBeGreaterThan(20);
      expect(s!.description.en.length).toBeGreaterThan(20);
    }
    expect(getScenario("nope")).toBeUndefined();
  });

  it("put the crisis of each scripted scenario on its timeline", () => {
    expect(getScenario("new-cfo")!.events).toContainEqual({ quarter: 7, event: "newCfo" });
    expect(getScenario("platform-migration")!.events.map((e) => e.event)).toContain(
      "platformChange",
    );
    expect(getScenario("bad-buzz")!.events.map((e) => e.event)).toContain("badBuzz");
  });

  it("round-trip through the validator", () => {
    for (const s of SCENARIOS)
      expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual({ ok: true, scenario: s });
  });

  it.each([
    [
      "a trust above 1",
      (s: Record<string, unknown>) => ((s.start as Record<string, number>).T = 1.5),
      "start.T",
    ],
    ["a fractional budget", (s: Record<string, unknown>) => (s.budget = 9.5), "budget"],
    [
      "an unknown event",
      (s: Record<string, unknown>) => (s.events = [{ quarter: 2, event: "meteor" }]),
      "events.0.event",
    ],
    [
      "an event after the end",
      (s: Record<string, unknown>) => (s.events = [{ quarter: 40, event: "badBuzz" }]),
      "events.0.quarter",
    ],
    [
      "a default over budget",
      (s: Record<string, unknown>) =>
        ((s.defaultAllocation as Record<string, number>).campaigns = 50),
      "defaultAllocation",
    ],
    ["a missing description", (s: Record<string, unknown>) => delete s.description, "description"],
    ["an unexpected field", (s: Record<string, unknown>) => (s.cheat = true), "(scenario)"],
  ])("name the field of %s", (_label, corrupt, field) => {
    const data = structuredClone(getScenario("default")) as unknown as Record<string, unknown>;
    corrupt(data);
    const parsed = parseScenario(data);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(
        parsed.errors.some((e) => e.startsWith(`${field}:`)),
        parsed.errors.join("; "),
      ).toBe(true);
  });
});
