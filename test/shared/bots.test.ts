import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  STRATEGIES,
  STRATEGY_IDS,
  allocationTotal,
  distribute,
  getScenario,
  initialTeamState,
  openStream,
  validateAllocation,
  type BotView,
} from "../../shared/index";

const scenario = getScenario("default")!;

function view(overrides: Partial<BotView["state"]> = {}, budget = 10): BotView {
  return {
    quarter: 3,
    turnsTotal: 16,
    budget,
    state: { ...initialTeamState(scenario), ...overrides },
    history: [],
    timeline: scenario.events,
  };
}

describe("bot strategies", () => {
  it.each(STRATEGY_IDS)(
    "%s always makes a valid decision, the same one for the same stream",
    (id) => {
      fc.assert(
        fc.property(
          fc.record({
            C: fc.double({ min: 0, max: 1, noNaN: true }),
            T: fc.double({ min: 0, max: 1, noNaN: true }),
            S: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          fc.integer({ min: 0, max: 12 }),
          (state, budget) => {
            const a = STRATEGIES[id](view(state, budget), openStream("k"));
            const b = STRATEGIES[id](view(state, budget), openStream("k"));
            expect(validateAllocation(a, budget).ok).toBe(true);
            expect(b).toEqual(a);
          },
        ),
        { numRuns: 100, seed: 3 },
      );
    },
  );

  it("have the characters their names promise", () => {
    const rng = () => openStream("c");
    expect(allocationTotal(STRATEGIES.idle(view(), rng()))).toBe(0);
    expect(STRATEGIES.buzz(view(), rng()).campaigns).toBe(10);
    expect(STRATEGIES.balanced(view(), rng()).campaigns).toBe(0);
    expect(STRATEGIES["short-termist"](view(), rng()).campaigns).toBeGreaterThanOrEqual(5);
    const culture = STRATEGIES["culture-first"](view(), rng());
    expect(culture.culture).toBeGreaterThanOrEqual(
      Math.max(culture.recruitment, culture.campaigns),
    );
  });

  it("adaptive funds what is weakest", () => {
    const lowTrust = STRATEGIES.adaptive(
      view({ T: 0.1, G: 0.05, C: 0.9, K: 0.9, S: 0.9 }),
      openStream("a"),
    );
    const lowCulture = STRATEGIES.adaptive(
      view({ T: 0.9, G: 0.9, C: 0.0, K: 0.9, S: 0.9 }),
      openStream("a"),
    );
    expect(lowTrust.governance).toBeGreaterThan(lowCulture.governance);
    expect(lowCulture.culture).toBeGreaterThan(lowTrust.culture);
  });
});

describe("distribute", () => {
  it("hands out exactly the budget in proportion to the weights", () => {
    const a = distribute(10, { culture: 3, support: 1 }, openStream("d"));
    expect(a.culture + a.support).toBe(10);
    expect(a.culture).toBeGreaterThanOrEqual(7);
    expect(allocationTotal(distribute(7, {}, openStream("d")))).toBe(0);
  });
});
