/**
 * Stylised facts 5 (trust asymmetry, governance halves a crisis), 10 (culture protects against a
 * platform change) and 11 (a mandate protects against a new CFO). Each event is injected, and
 * each loss is measured against the same seed without it (common random numbers).
 */
import { describe, expect, it } from "vitest";
import type { EventId } from "../../../shared/model/events";
import type { Allocation } from "../../../shared/model/levers";
import {
  CALM,
  SEEDS,
  alloc,
  constant,
  injectAt,
  mean,
  report,
  runTeam,
  share,
  type Trajectory,
} from "../../helpers/montecarlo";

function withAndWithout(allocation: Allocation, quarter: number, event: EventId) {
  const injected = injectAt(CALM, { [quarter]: event });
  return SEEDS.map((seed) => ({
    calm: runTeam(seed, constant(allocation)),
    hit: runTeam(seed, constant(allocation), CALM, injected),
  }));
}
const stateAt = (run: Trajectory, q: number) => run.states[q - 1]!;

describe("fact 5: trust asymmetry", () => {
  const CRISIS = 8;
  const measure = (allocation: Allocation) =>
    withAndWithout(allocation, CRISIS, "badBuzz").map(({ calm, hit }) => {
      const before = stateAt(hit, CRISIS - 1).T;
      // Quarters until trust is back to its pre-crisis level; not within the game counts as
      // the quarters left plus one.
      let back = 16 - CRISIS + 1;
      for (let q = CRISIS + 1; q <= 16; q++) {
        if (stateAt(hit, q).T >= before) {
          back = q - CRISIS;
          break;
        }
      }
      const loss = stateAt(calm, CRISIS).T - stateAt(hit, CRISIS).T;
      return { loss, back, G: stateAt(hit, CRISIS - 1).G };
    });
  const weak = measure(alloc({ longTerm: 2, culture: 3, support: 3, recruitment: 1, strategy: 1 }));
  const strong = measure(alloc({ longTerm: 1, culture: 3, governance: 4, support: 2 }));

  it("takes at least four quarters to win back what one crisis quarter took", () => {
    report("fact 5 recovery", {
      minQuartersWeak: Math.min(...weak.map((r) => r.back)),
      minQuartersStrong: Math.min(...strong.map((r) => r.back)),
    });
    expect(share([...weak, ...strong], (r) => r.back >= 4)).toBe(1);
  });

  it("at least halves the loss with strong governance", () => {
    const [lossWeak, lossStrong] = [mean(weak.map((r) => r.loss)), mean(strong.map((r) => r.loss))];
    report("fact 5 governance", {
      governanceWeak: mean(weak.map((r) => r.G)),
      governanceStrong: mean(strong.map((r) => r.G)),
      lossWeak,
      lossStrong,
      ratio: lossStrong / lossWeak,
    });
    expect(lossStrong).toBeLessThanOrEqual(0.5 * lossWeak);
  });
});

describe("fact 10: culture protects", () => {
  it("loses fewer members to a platform change the stronger the culture", () => {
    const EVENT = 8;
    // From none to culture's ceiling (below its critical mass, training is not culture yet; at
    // its ceiling more tokens add no culture: four and five tokens reach two levels below it).
    const rows = [0, 4, 5].map((culture) => {
      const allocation = alloc({ longTerm: 1, culture, governance: 1, support: 2, recruitment: 1 });
      const runs = withAndWithout(allocation, EVENT, "platformChange");
      const lossAt = (q: number) =>
        mean(runs.map(({ calm, hit }) => 1 - stateAt(hit, q).M / stateAt(calm, q).M));
      return {
        C: mean(runs.map(({ hit }) => stateAt(hit, EVENT - 1).C)),
        now: lossAt(EVENT),
        later: lossAt(EVENT + 4),
      };
    });
    report(
      "fact 10",
      Object.fromEntries(
        rows.map((r) => [`C=${r.C.toFixed(2)}`, `${r.now.toFixed(3)}→${r.later.toFixed(3)}`]),
      ),
    );
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.C).toBeGreaterThan(rows[i - 1]!.C);
      expect(rows[i]!.now).toBeLessThan(rows[i - 1]!.now);
      expect(rows[i]!.later).toBeLessThan(rows[i - 1]!.later);
    }
  });
});

describe("fact 11: mandate protects", () => {
  it("loses less SSV under a new CFO with a mandate L ≥ 0.5 than without one", () => {
    const CFO = 5;
    const rest = { culture: 3, support: 2 };
    const timeWeighted = (run: Trajectory) =>
      run.outputs.reduce((sum, o, i) => sum + (i + 1) * o.ssv, 0);
    const measure = (allocation: Allocation) => {
      const runs = withAndWithout(allocation, CFO, "newCfo");
      const mandates = runs.map(({ hit }) => stateAt(hit, CFO - 1).L);
      const lost = runs.map(({ calm, hit }) => 1 - timeWeighted(hit) / timeWeighted(calm));
      return { loss: mean(lost), minL: Math.min(...mandates), maxL: Math.max(...mandates) };
    };
    const mandate = measure(alloc({ ...rest, longTerm: 4, governance: 1 }));
    const none = measure(alloc({ ...rest, governance: 2, recruitment: 1, strategy: 2 }));
    report("fact 11", {
      lossWithMandate: mandate.loss,
      lossWithout: none.loss,
      lowestMandate: mandate.minL,
      highestMandateWithout: none.maxL,
    });
    expect(mandate.minL).toBeGreaterThanOrEqual(0.5);
    expect(none.maxL).toBeLessThan(0.5);
    expect(mandate.loss).toBeLessThan(none.loss);
  });
});
