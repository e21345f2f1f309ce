/**
 * One number, one formatting function, the same everywhere: the debrief's luck sentence prints a
 * value exactly as the chart and the gauges do, and the tokens pressure moved into campaigns read
 * the same on the board, in the coach, in the debrief and in the export.
 */
import { describe, expect, it } from "vitest";
import { forcedTokens } from "../../shared/protocol/forced";
import {
  DEBRIEF_METRICS,
  luckSummary,
  quarterForced,
  series,
  teamLuckBand,
} from "../../client/src/viewmodels/debrief";
import { displayGauge } from "../../client/src/viewmodels/gauges";
import { formatMetric } from "../../client/src/viewmodels/metrics";
import { forcedNote, formatForced } from "../../client/src/viewmodels/reasons";
import { playedGame } from "./fixtures";

describe("the luck summary", () => {
  it("prints buzz as the chart and the gauge do, not in points", () => {
    const band = { p5: 2, p25: 3, p50: 4, p75: 5, p95: 6 };
    const line = luckSummary("fr", "Équipe 1", "reach", 4.144, band);
    expect(line).toBe("Équipe 1 · Buzz 4,1 — Mieux que 54 % des tirages");
    expect(formatMetric("fr", "reach", 4.144)).toBe(displayGauge("fr", "reach", 4.144));
  });

  it("prints every metric of a real game with the one formatting function", () => {
    const game = playedGame(8);
    const band = teamLuckBand(game, "t2", 20);
    for (const metric of DEBRIEF_METRICS) {
      const value = series(game, "t2", metric)[7]!;
      const line = luckSummary("en", "Team 2", metric, value, band.quarters[7]![metric]);
      expect(line, metric).toContain(` ${formatMetric("en", metric, value)} — `);
    }
  });
});

describe("tokens moved by pressure", () => {
  it("are one number, to a tenth, and a positive amount never reads as 0", () => {
    expect(forcedTokens(0)).toBe(0);
    expect(forcedTokens(-1)).toBe(0);
    expect(forcedTokens(0.02)).toBe(0.1);
    expect(forcedTokens(0.64)).toBe(0.6);
    expect(forcedTokens(0.96)).toBe(1);
    expect(forcedTokens(2.44)).toBe(2.4);
    expect(formatForced("fr", 0.64)).toBe("0,6");
    expect(formatForced("en", 0.64)).toBe("0.6");
  });

  it("are always explained after the reveal, in agreement with the number", () => {
    expect(forcedNote("fr", 0)).toBeNull();
    expect(forcedNote("fr", 0.64)).toBe("La pression a détourné 0,6 jeton vers le buzz.");
    expect(forcedNote("fr", 0.03)).toBe("La pression a détourné 0,1 jeton vers le buzz.");
    expect(forcedNote("fr", 2.44)).toBe("La pression a détourné 2,4 jetons vers le buzz.");
    expect(forcedNote("en", 0.64)).toBe("Pressure diverted 0.6 tokens into buzz.");
    expect(forcedNote("en", 1)).toBe("Pressure diverted 1.0 tokens into buzz.");
  });

  it("are read from the replayed game for the debrief's why", () => {
    const game = playedGame(4, { t1: "buzz", t2: "idle" });
    const record = game.history.t1?.[2];
    expect(quarterForced(game, "t1", 3)).toBe(record?.forced);
    expect(quarterForced(game, "nobody", 3)).toBe(0);
  });
});

describe("the score", () => {
  it("prints in its own unit (engaged, trusting members per 100, summed), not ×100 again", () => {
    expect(formatMetric("fr", "score", 40.15)).toBe("40,2");
    expect(formatMetric("en", "score", 3.1, true)).toBe("+3.1");
    // The quarter's engaged-and-trusting members are shares, read per 100 people.
    expect(formatMetric("en", "ssv", 0.0312)).toBe("3.1");
  });
});
