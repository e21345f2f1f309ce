/** "My games": the list of solo games this browser can resume, as kept in localStorage. */
import { describe, expect, it } from "vitest";
import {
  MAX_SOLO_GAMES,
  dropSoloGame,
  parseSoloGames,
  soloGameItems,
  upsertSoloGame,
  type SoloGame,
} from "../../client/src/viewmodels/soloGames";
import { isFinalJoinRefusal as isGone } from "../../client/src/viewmodels/errors";

const game = (roomId: string, over: Partial<SoloGame> = {}): SoloGame => ({
  roomId,
  name: "Camille",
  token: `token-${roomId}`,
  scenarioId: "default",
  turn: 0,
  turnsTotal: 16,
  phase: "briefing",
  startedAt: 1000,
  seenAt: 1000,
  ...over,
});

describe("the solo games list", () => {
  it("adds a game once its seat token is known, and updates it in place", () => {
    let list = upsertSoloGame([], { roomId: "r1", scenarioId: "default" }, 10);
    expect(list).toEqual([]); // no seat token yet: nothing to resume with
    list = upsertSoloGame(list, { roomId: "r1", name: "Camille", token: "t1" }, 20);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ roomId: "r1", token: "t1", startedAt: 20, seenAt: 20 });
    list = upsertSoloGame(
      list,
      { roomId: "r1", turn: 5, phase: "results", scenarioId: "new-cfo" },
      30,
    );
    expect(list[0]).toMatchObject({
      token: "t1",
      turn: 5,
      phase: "results",
      startedAt: 20,
      seenAt: 30,
    });
    // A new seat token (every join renews it) replaces the old one.
    list = upsertSoloGame(list, { roomId: "r1", name: "Camille", token: "t2" }, 40);
    expect(list).toHaveLength(1);
    expect(list[0]?.token).toBe("t2");
  });

  it("keeps several games, most recently seen first, and at most a few", () => {
    let list: SoloGame[] = [];
    for (let i = 0; i < MAX_SOLO_GAMES + 3; i++)
      list = upsertSoloGame(list, { roomId: `r${i}`, name: "A", token: `t${i}` }, 100 + i);
    expect(list).toHaveLength(MAX_SOLO_GAMES);
    expect(list[0]?.roomId).toBe(`r${MAX_SOLO_GAMES + 2}`);
    list = upsertSoloGame(list, { roomId: "r5", turn: 1 }, 1000);
    expect(list[0]?.roomId).toBe("r5");
  });

  it("drops a game once over, or when asked", () => {
    const list = [game("a"), game("b")];
    expect(upsertSoloGame(list, { roomId: "a", phase: "ended" }, 5).map((g) => g.roomId)).toEqual([
      "b",
    ]);
    expect(dropSoloGame(list, "b").map((g) => g.roomId)).toEqual(["a"]);
    expect(upsertSoloGame(list, { roomId: "a", phase: "debrief" }, 5)).toHaveLength(2);
  });

  it("forgets a game the server no longer has, and keeps it on a network failure", () => {
    expect(isGone("error.join.unknown_code")).toBe(true);
    expect(isGone("error.join.ended")).toBe(true);
    expect(isGone("error.join.bad_token")).toBe(true);
    expect(isGone("error.join.damaged")).toBe(true);
    expect(isGone("error.network")).toBe(false);
    expect(isGone("error.timeout")).toBe(false);
  });

  it("reads back whatever was stored, dropping corrupt or duplicate entries", () => {
    expect(parseSoloGames(null)).toEqual([]);
    expect(parseSoloGames({ roomId: "x" })).toEqual([]);
    const parsed = parseSoloGames([
      game("a", { seenAt: 5 }),
      { roomId: "b", name: "B" },
      "nonsense",
      game("c", { seenAt: 9, phase: "hacked" as never, turn: -3 }),
      game("a", { seenAt: 1 }),
    ]);
    expect(parsed.map((g) => g.roomId)).toEqual(["c", "a"]);
    expect(parsed[0]).toMatchObject({ phase: "briefing", turn: 0 });
  });

  it("lists each game with its scenario, how far it went and when it started", () => {
    const items = soloGameItems(
      "fr",
      [
        game("a", {
          turn: 4,
          phase: "decision",
          scenarioId: "new-cfo",
          startedAt: Date.UTC(2025, 2, 14, 9, 5),
        }),
        game("b", { phase: "debrief", turn: 16 }),
        game("c", { turnsTotal: 0, scenarioId: "gone" }),
      ],
      (id) => (id === "new-cfo" ? "Nouveau DAF" : id === "default" ? "Classique" : undefined),
    );
    expect(items[0]).toMatchObject({
      roomId: "a",
      title: "Nouveau DAF",
      progress: "Trimestre 5 sur 16",
    });
    expect(items[0]?.started).toMatch(/^Commencée le 14 mars 2025/);
    expect(items[1]?.progress).toBe("Débrief");
    expect(items[2]).toMatchObject({ title: "gone", progress: "Pas encore commencée" });
    expect(
      soloGameItems("en", [game("a", { turn: 2, phase: "results" })], () => "Classic")[0]?.progress,
    ).toBe("Quarter 2 of 16");
  });
});
