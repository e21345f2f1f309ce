import { describe, expect, it } from "vitest";
import { emptyAllocation } from "../../shared/index";
import { boardModel } from "../../client/src/viewmodels/board";
import { leaderboard } from "../../client/src/viewmodels/leaderboard";
import { playedGame, viewFromGame } from "./fixtures";

const players = [
  { id: "p1", name: "Zoé", teamId: "t1", connected: true },
  { id: "p2", name: "Yanis", teamId: "t1", connected: false },
  { id: "p3", name: "Ama", teamId: "t2", connected: true },
];

describe("the participant board", () => {
  const game = playedGame(3);
  const draft = { ...emptyAllocation(), culture: 4, campaigns: 2 };

  it("lets a member edit while deciding, within the budget", () => {
    const view = viewFromGame(game, {
      phase: "decision",
      players,
      privateTeam: { id: "t1", draft, draftBy: "p2" },
    });
    const m = boardModel("fr", view, "p1", "t1", draft, "culture", 10);
    expect(m.stage).toBe("deciding");
    expect(m.canSubmit).toBe(true);
    expect(m.budget).toMatchObject({ used: 6, total: 10, remaining: 4, cut: false });
    expect(m.tiles).toHaveLength(7);
    expect(m.tiles.find((t) => t.id === "culture")).toMatchObject({
      tokens: 4,
      canAdd: true,
      canRemove: true,
      selected: true,
    });
    expect(m.tiles.find((t) => t.id === "support")?.canRemove).toBe(false);
    expect(m.tiles.find((t) => t.id === "campaigns")?.temptation).toBe(true);
    expect(m.draftBy).toBe("Yanis");
    expect(m.teammates.map((t) => t.name)).toEqual(["Zoé", "Yanis"]);
    expect(m.quarter).toBe(4);
    expect(m.last?.turn).toBe(3);
  });

  it("locks the tiles once submitted, in other phases and without a team", () => {
    const full = { ...draft, support: 4 };
    const submitted = viewFromGame(game, { phase: "decision", players, submitted: ["t1"] });
    expect(boardModel("fr", submitted, "p1", "t1", full, null, 10).stage).toBe("submitted");
    const results = viewFromGame(game, { phase: "results", players });
    const m = boardModel("en", results, "p1", "t1", full, null, 10);
    expect(m.stage).toBe("results");
    expect(m.tiles.every((t) => !t.canAdd && !t.canRemove)).toBe(true);
    expect(
      boardModel("fr", viewFromGame(game, { phase: "decision" }), "x", null, full, null, 10).stage,
    ).toBe("waiting");
    expect(m.draftBy).toBeNull();
  });

  it("shows a calm card when no event strikes and the event card otherwise", () => {
    const calm = boardModel("fr", viewFromGame(game), "p1", "t1", draft, null, 10);
    expect(calm.cards[0]?.calm).toBe(true);
    const storm = boardModel(
      "en",
      viewFromGame(game, { event: ["badBuzz", "badBuzz"] }),
      "p1",
      "t1",
      draft,
      null,
      10,
    );
    expect(storm.cards).toHaveLength(1);
    expect(storm.cards[0]?.title).toBe("Bad buzz");
  });

  it("shows the wounds earlier events left open and who is in office, not the fresh one twice", () => {
    const view = viewFromGame(game);
    view.teams.t1!.situation = {
      crisis: 0.62,
      migration: 0.04,
      gap: 0.3,
      cfoQuarters: 1,
      sponsorQuarters: 3,
    };
    const m = boardModel("fr", view, "p1", "t1", draft, null, 10);
    expect(m.cards.map((c) => c.title)).toEqual([
      "Crise ouverte (62 %)",
      "Vide laissé par l'experte (30 %)",
      "DAF en poste : encore 1 trimestre",
      "Fenêtre du sponsor : encore 3 trimestres",
    ]);
    expect(m.cards.every((c) => !c.calm)).toBe(true);
    // The quarter a bad buzz strikes, its own card tells it; the crisis card waits a quarter.
    view.event = ["badBuzz"];
    const struck = boardModel("en", view, "p1", "t1", draft, null, 10).cards.map((c) => c.id);
    expect(struck).toEqual(["badBuzz", "situation.gap", "situation.cfo", "situation.sponsor"]);
    // Another team's situation is not this board's.
    expect(boardModel("fr", view, "p3", "t2", draft, null, 10).cards[0]?.id).toBe("badBuzz");
  });
});

describe("the leaderboard", () => {
  it("ranks by long-term score and shows the CFO KPI beside it", () => {
    const game = playedGame(16);
    const view = viewFromGame(game);
    const rows = leaderboard("fr", Object.values(view.teams), "t2");
    expect(rows.map((r) => r.scoreRank)).toEqual([1, 2]);
    const buzz = rows.find((r) => r.teamId === "t2")!;
    expect(buzz.mine).toBe(true);
    // The all-buzz team wins the dashboard and loses the long game (stylised fact 2).
    const balanced = rows.find((r) => r.teamId === "t1")!;
    expect(balanced.score).toBeGreaterThan(buzz.score);
    expect(rows[0]?.teamId).toBe("t1");
    expect(rows.every((r) => r.bar >= 0 && r.bar <= 1)).toBe(true);
    expect(buzz.kpiDisplay).toMatch(/^\d+,\d$/);
  });
});
