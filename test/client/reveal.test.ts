/**
 * The reveal's view-model: what a quarter's sequence shows (event card, gauges from old to new
 * values, ranking before/after, the biggest mover, the podium after the last quarter), its
 * steps and durations, where it is at a given time, and reduced motion ending it at once.
 */
import { describe, expect, it } from "vitest";
import type { StrategyId, TeamView } from "../../shared/index";
import {
  biggestMover,
  finalPodium,
  ranking,
  revealFrame,
  revealModel,
  revealsQuarter,
  STEP_MS,
} from "../../client/src/viewmodels/reveal";
import { playedGame, viewFromGame } from "./fixtures";

const START = { engagement: 0.02, reach: 0, trust: 0.5 };
const THREE: Record<string, StrategyId> = { t1: "balanced", t2: "buzz", t3: "culture-first" };
const teamsOf = (quarters: number, strategies = THREE) =>
  Object.values(viewFromGame(playedGame(quarters, strategies)).teams) as TeamView[];

describe("the reveal", () => {
  it("sweeps every team's gauges from the previous quarter's values to the new ones", () => {
    const teams = teamsOf(3);
    const m = revealModel("fr", teams, 3, 16, [], {
      myTeamId: "t2",
      start: START,
      reducedMotion: false,
    })!;
    expect(m.turn).toBe(3);
    expect(m.final).toBe(false);
    expect(m.teams.map((t) => t.id)).toEqual(["t1", "t2", "t3"]);
    for (const [i, row] of m.teams.entries()) {
      const h = teams[i]!.history;
      expect(row.before.engagement).toBe(h[1]!.engagement);
      expect(row.after.engagement).toBe(h[2]!.engagement);
      expect(row.after.trust).toBe(h[2]!.trust);
      expect(row.scoreBefore).toBe(h[1]!.score);
      expect(row.scoreAfter).toBe(h[2]!.score);
    }
    expect(m.teams.find((t) => t.mine)?.id).toBe("t2");
  });

  it("starts the first quarter from the scenario's start point and a zero score", () => {
    const m = revealModel("fr", teamsOf(1), 1, 16, [], {
      myTeamId: null,
      start: START,
      reducedMotion: false,
    })!;
    expect(m.teams[0]!.before).toEqual(START);
    expect(m.teams.every((t) => t.scoreBefore === 0)).toBe(true);
  });

  it("plays event, gauges, ranking and mover in order, ≈ 3–6 s, then is done", () => {
    const m = revealModel("en", teamsOf(2), 2, 16, ["badBuzz"], {
      myTeamId: null,
      start: START,
      reducedMotion: false,
    })!;
    expect(m.steps.map((s) => s.id)).toEqual(["event", "gauges", "ranking", "mover"]);
    expect(m.total).toBe(STEP_MS.event + STEP_MS.gauges + STEP_MS.ranking + STEP_MS.mover);
    expect(m.total).toBeGreaterThanOrEqual(3000);
    expect(m.total).toBeLessThanOrEqual(6000);
    expect(m.cards.map((c) => c.id)).toContain("badBuzz");
    expect(revealFrame(m, 0).step).toBe("event");
    const mid = revealFrame(m, STEP_MS.event + STEP_MS.gauges / 2);
    expect(mid.step).toBe("gauges");
    expect(mid.progress).toMatchObject({ event: 1, gauges: 0.5, ranking: 0, mover: 0 });
    expect(revealFrame(m, STEP_MS.event + STEP_MS.gauges + 1).step).toBe("ranking");
    const end = revealFrame(m, m.total);
    expect(end.step).toBe("done");
    expect(end.progress).toMatchObject({ event: 1, gauges: 1, ranking: 1, mover: 1 });
  });

  it("ends the last quarter on a podium of the top three, within 6 s", () => {
    const teams = teamsOf(16, { ...THREE, t4: "adaptive" });
    const m = revealModel("fr", teams, 16, 16, [], {
      myTeamId: null,
      start: START,
      reducedMotion: false,
    })!;
    expect(m.final).toBe(true);
    expect(m.steps.at(-1)?.id).toBe("podium");
    expect(m.total).toBeLessThanOrEqual(6000);
    const scores = teams.map((t) => ({ id: t.id, score: t.history[15]!.score }));
    const order = [...scores].sort((a, b) => b.score - a.score).map((s) => s.id);
    expect(m.podium.map((p) => p.teamId)).toEqual(order.slice(0, 3));
    expect(m.podium.map((p) => p.place)).toEqual([1, 2, 3]);
    expect(m.rankAfter).toEqual(order);
    expect(m.podium[0]!.scoreDisplay).toBe(m.teams.find((t) => t.id === order[0])!.scoreDisplay);
  });

  it("puts the standings on the podium when the workshop ends early, never mid-game", () => {
    const teams = Object.fromEntries(teamsOf(5).map((t) => [t.id, t]));
    const at = (phase: string) =>
      finalPodium("fr", { phase, turn: 5, turnsTotal: 16, teams }, null);
    expect(at("results")).toEqual([]);
    expect(at("decision")).toEqual([]);
    const early = at("ended");
    const order = Object.values(teams)
      .map((t) => ({ id: t.id, score: t.history[4]!.score }))
      .sort((a, b) => b.score - a.score)
      .map((s) => s.id);
    expect(early.map((p) => p.teamId)).toEqual(order);
    expect(at("debrief")).toEqual(early);
  });

  it("shows the end state at once with reduced motion", () => {
    const m = revealModel("fr", teamsOf(16), 16, 16, [], {
      myTeamId: null,
      start: START,
      reducedMotion: true,
    })!;
    expect(m.total).toBe(0);
    expect(revealFrame(m, 0)).toEqual({
      step: "done",
      progress: { event: 1, gauges: 1, ranking: 1, mover: 1, podium: 1 },
    });
    expect(m.podium.length).toBe(3);
  });

  it("calls out the team that gained most points, by name", () => {
    const row = (id: string, name: string, before: number, after: number) => ({
      id,
      name,
      colorIndex: 0,
      mine: false,
      before: START,
      after: START,
      display: { engagement: "", reach: "", trust: "" },
      scoreBefore: before,
      scoreAfter: after,
      scoreDisplay: "",
    });
    const mover = biggestMover("fr", [
      row("a", "Les Lynx", 10, 14),
      row("b", "Les Orques", 30, 42),
      row("c", "Les Pies", 5, 17),
    ]);
    expect(mover?.teamId).toBe("b"); // the first of two equal gains
    expect(mover?.text).toBe("Les Orques : +12,0 pts");
    expect(biggestMover("en", [row("a", "A", 3, 3)])).toBeNull();
  });

  it("re-orders the ranking by score, ties in the room's order", () => {
    expect(
      ranking([
        { id: "a", score: 1 },
        { id: "b", score: 3 },
        { id: "c", score: 1 },
      ]),
    ).toEqual(["b", "a", "c"]);
  });

  it("plays only for a quarter this screen saw resolve", () => {
    expect(revealsQuarter(null, { turn: 3, phase: "results" })).toBe(false);
    expect(revealsQuarter({ turn: 2, phase: "decision" }, { turn: 3, phase: "results" })).toBe(
      true,
    );
    expect(revealsQuarter({ turn: 3, phase: "results" }, { turn: 3, phase: "results" })).toBe(
      false,
    );
    expect(revealsQuarter({ turn: 3, phase: "results" }, { turn: 3, phase: "briefing" })).toBe(
      false,
    );
  });

  it("has nothing to reveal before a quarter is played", () => {
    const opts = { myTeamId: null, start: START, reducedMotion: false };
    expect(revealModel("fr", teamsOf(0), 0, 16, [], opts)).toBeNull();
    expect(revealModel("fr", teamsOf(2), 3, 16, [], opts)).toBeNull();
  });
});
