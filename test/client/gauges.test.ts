import { describe, expect, it } from "vitest";
import { getScenario } from "../../shared/index";
import {
  gaugeModels,
  gaugeScale,
  sparkPoints,
  startPoint,
  displayGauge,
} from "../../client/src/viewmodels/gauges";
import { playedGame, turnView } from "./fixtures";

describe("gauges", () => {
  const game = playedGame(6);
  const history = (game.history.t1 ?? []).map(turnView);
  const start = startPoint(getScenario("default"));

  it("shows the last value, its change and the whole history from the start", () => {
    const [engagement, reach, trust] = gaugeModels("fr", history, start);
    const last = history[history.length - 1]!;
    expect(engagement!.value).toBe(last.engagement);
    expect(engagement!.delta).toBeCloseTo(
      last.engagement - history[history.length - 2]!.engagement,
      12,
    );
    expect(engagement!.spark).toHaveLength(history.length + 1);
    expect(reach!.id).toBe("reach");
    expect(trust!.display).toMatch(/^\d+ %$/);
    for (const g of [engagement!, reach!, trust!]) {
      expect(g.fill).toBeGreaterThanOrEqual(0);
      expect(g.fill).toBeLessThanOrEqual(1);
      for (const v of g.spark) expect(v >= 0 && v <= 1).toBe(true);
    }
  });

  it("before the first quarter shows the scenario's start and no change", () => {
    const [engagement, , trust] = gaugeModels("en", [], start);
    expect(engagement!.deltaDisplay).toBe("");
    expect(trust!.value).toBe(0.5);
    expect(trust!.display).toBe("50%");
  });

  it("adds the forecast as a ghost needle", () => {
    const [engagement] = gaugeModels("en", history, start, { forecast: { engagement: 0.01 } });
    expect(engagement!.forecastFill).toBeGreaterThan(engagement!.fill);
    expect(engagement!.forecastDelta).toBe("+1.0%");
  });

  it("scales buzz to the best reach any team had", () => {
    const all = game.teamIds.map((id) => (game.history[id] ?? []).map(turnView));
    const max = Math.max(...all.flat().map((r) => r.reach));
    expect(gaugeScale("reach", all)).toBeGreaterThanOrEqual(Math.max(4, max));
    expect(gaugeScale("trust", all)).toBe(1);
  });

  it("frames a flat sparkline without blowing up noise", () => {
    const flat = sparkPoints([0.5, 0.5001, 0.5], 1);
    expect(Math.max(...flat) - Math.min(...flat)).toBeLessThan(0.01);
    expect(displayGauge("fr", "trust", -0.004, true)).toMatch(/^[−-]0,4 %$/);
  });
});
