import { describe, expect, it } from "vitest";
import { canonicalTrajectory, emptyAllocation, getScenario } from "../../shared/index";
import {
  bandSeries,
  leverTotals,
  percentileRank,
  quarterReasons,
  replayDebrief,
  roomLuckBands,
  series,
  teamLuckBand,
  whatIf,
} from "../../client/src/viewmodels/debrief";
import { playRoom } from "../../shared/analysis/simulateRoom";
import { forecastChange } from "../../client/src/viewmodels/forecast";
import { soloHint } from "../../client/src/viewmodels/hint";
import { playedGame, turnReasons, turnView } from "./fixtures";

describe("the debrief, computed in the browser from the log", () => {
  const game = playedGame(16);
  const data = { scenario: game.scenario, seed: game.seed, teamIds: game.teamIds, log: game.log };

  it("replays the log into exactly the game that was played", () => {
    const replayed = replayDebrief(data);
    expect(replayed.ok).toBe(true);
    if (replayed.ok) expect(canonicalTrajectory(replayed.value)).toBe(canonicalTrajectory(game));
    expect(series(game, "t1", "score")).toHaveLength(16);
    expect(leverTotals(game, "t2").campaigns).toBe(160);
  });

  it("draws a luck band around the team's decisions and places the real outcome in it", () => {
    const band = teamLuckBand(game, "t2", 60);
    expect(band.quarters).toHaveLength(16);
    const b = bandSeries(band, "reach");
    for (let q = 0; q < 16; q++) {
      expect(b.p5[q]!).toBeLessThanOrEqual(b.p50[q]!);
      expect(b.p50[q]!).toBeLessThanOrEqual(b.p95[q]!);
    }
    const last = band.quarters[15]!.score;
    const rank = percentileRank(last, series(game, "t2", "score")[15]!);
    expect(rank).toBeGreaterThanOrEqual(5);
    expect(rank).toBeLessThanOrEqual(95);
    expect(percentileRank(last, -1e9)).toBe(5);
  });

  it("replays the whole room for a band: the real run lies in it even when only rivals move it", () => {
    // A one-year game has no scenario event (the first comes in quarter 6) and a team funding no
    // campaign draws no buzz of its own: on its own its luck is nil, and its rivals' campaigns
    // alone move it. Its band must still hold the game it played (it once sat off the band).
    const scenario = { ...getScenario("default")!, years: 1 };
    const quiet = { ...emptyAllocation(), longTerm: 2, culture: 2, governance: 2, support: 2 };
    const room = playRoom({
      scenario,
      seed: "room-luck",
      teamIds: ["t1", "t2", "t3"],
      decide: (_q, id) => (id === "t1" ? { ...quiet, recruitment: 2 } : { ...quiet, campaigns: 2 }),
    });
    const bands = roomLuckBands(room, room.teamIds, 60);
    for (const id of room.teamIds) {
      const b = bandSeries(bands[id]!, "score");
      const real = series(room, id, "score");
      real.forEach((value, q) => {
        expect(value, `${id} Q${q + 1}`).toBeGreaterThanOrEqual(b.p5[q]! - 1e-9);
        expect(value, `${id} Q${q + 1}`).toBeLessThanOrEqual(b.p95[q]! + 1e-9);
      });
      expect(teamLuckBand(room, id, 60)).toEqual(bands[id]);
    }
    // The team without campaigns: its rivals' buzz still spreads its final score a little.
    const t1 = bandSeries(bands.t1!, "score");
    expect(t1.p95[3]! - t1.p5[3]!).toBeGreaterThan(0);
  });

  it("branches a what-if from a quarter with the same draws, rivals playing as they played", () => {
    const quiet = { ...emptyAllocation(), culture: 3, support: 3, strategy: 2, governance: 2 };
    const branch = whatIf(game, "t2", 5, quiet, true);
    expect(branch.ok).toBe(true);
    if (!branch.ok) return;
    expect(series(branch.value, "t2", "score").slice(0, 4)).toEqual(
      series(game, "t2", "score").slice(0, 4),
    );
    expect(series(branch.value, "t2", "score")[15]).not.toBe(series(game, "t2", "score")[15]);
    // A rival meets the changed team from quarter 5 on (benchmark, expert pool, attention): its
    // quarters before are the same; its decisions all stay as played.
    expect(series(branch.value, "t1", "score").slice(0, 4)).toEqual(
      series(game, "t1", "score").slice(0, 4),
    );
    expect(branch.value.history.t1!.map((r) => r.allocation)).toEqual(
      game.history.t1!.map((r) => r.allocation),
    );
    expect(whatIf(game, "t2", 99, quiet, false).ok).toBe(false);
  });

  it("explains a quarter with its top reasons per gauge", () => {
    const reasons = quarterReasons(game, "t2", 3);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.length).toBeLessThanOrEqual(9);
    expect(quarterReasons(game, "t2", 40)).toEqual([]);
  });
});

describe("the forecast", () => {
  it("is deterministic and says buzz rises when campaigns are funded", () => {
    const scenario = getScenario("default")!;
    const history = (playedGame(3).history.t1 ?? []).map(turnView);
    const none = forecastChange(scenario, 16, history, [], emptyAllocation());
    const buzz = forecastChange(scenario, 16, history, [], { ...emptyAllocation(), campaigns: 10 });
    expect(
      forecastChange(scenario, 16, history, [], { ...emptyAllocation(), campaigns: 10 }),
    ).toEqual(buzz);
    expect(buzz.reach).toBeGreaterThan(none.reach);
    expect(forecastChange(scenario, 3, history, [], emptyAllocation())).toEqual({
      engagement: 0,
      reach: 0,
      trust: 0,
    });
  });
});

describe("the solo coach", () => {
  it("speaks first about what is announced, then about last quarter", () => {
    expect(soloHint("fr", [], [], [], 10).key).toBe("hint.start");
    expect(soloHint("fr", [], [], ["newCfo"], 10).key).toBe("hint.cfo");
    const buzzyRecords = playedGame(2, { t1: "buzz", t2: "idle" }).history.t1 ?? [];
    const buzzy = buzzyRecords.map(turnView);
    const why = turnReasons(buzzyRecords.at(-1));
    expect(["hint.buzzHeavy", "hint.backfire", "hint.forced"]).toContain(
      soloHint("fr", buzzy, why, [], 10).key,
    );
    const idle = (playedGame(2, { t1: "idle", t2: "idle" }).history.t1 ?? []).map(turnView);
    expect(soloHint("fr", idle, [], [], 10).key).toBe("hint.unspent");
    const forced = [{ ...buzzy[0]!, forced: 2.4 }];
    expect(soloHint("fr", forced, [], [], 10)).toEqual({
      key: "hint.forced",
      text: "La pression du trimestre a détourné 2,4 jetons vers le buzz. Un mandat long terme protège votre plan.",
    });
    expect(soloHint("en", [{ ...buzzy[0]!, forced: 1 }], [], [], 10).text).toContain(
      "diverted 1.0 tokens",
    );
  });
});
