import { describe, expect, it } from "vitest";
import {
  BUCKET_IDS,
  bestChanges,
  branch,
  finalScore,
  getScenario,
  moveToken,
  playBotGame,
  type BestChange,
  type GameState,
} from "../../shared/index";

function scoreOf(game: GameState, id: string): number {
  return finalScore(game.teams[id]!, game.history[id]!.at(-1)!.outputs);
}

/** The move replayed through `step`: the played game with one decision changed. */
function replayMove(game: GameState, id: string, change: Omit<BestChange, "gain" | "score">) {
  const decision = game.log[change.quarter - 1]!.decisions[id]!;
  const result = branch(game, change.quarter, {
    [id]: [moveToken(decision, change.from, change.to)],
  });
  if (!result.ok) throw new Error(result.error.message);
  return scoreOf(result.value, id);
}

describe("bestChanges", () => {
  const game = playBotGame(getScenario("new-cfo")!, "b1", {
    a: "short-termist",
    b: "balanced",
    c: "buzz",
  });

  it("finds moves whose gains the reducer confirms, best first", () => {
    for (const id of game.teamIds) {
      const changes = bestChanges(game, id);
      expect(changes.length).toBeLessThanOrEqual(3);
      const asPlayed = scoreOf(game, id);
      changes.forEach((change, i) => {
        expect(change.gain).toBeGreaterThan(0);
        expect(change.from).not.toBe(change.to);
        expect(game.log[change.quarter - 1]!.decisions[id]![change.from]).toBeGreaterThan(0);
        const replayed = replayMove(game, id, change);
        expect(change.score).toBe(replayed);
        expect(change.gain).toBe(replayed - asPlayed);
        if (i > 0) expect(change.gain).toBeLessThanOrEqual(changes[i - 1]!.gain);
      });
    }
    expect(bestChanges(game, "a").length).toBe(3);
  });

  it("is the top of an exhaustive search of single-token moves (one-year game)", () => {
    const scenario = { ...getScenario("default")!, id: "one-year", years: 1, events: [] };
    const short = playBotGame(scenario, "e", { a: "adaptive", b: "short-termist" });
    const asPlayed = scoreOf(short, "a");
    const all: BestChange[] = [];
    for (let quarter = 1; quarter <= 4; quarter++) {
      const decision = short.log[quarter - 1]!.decisions.a!;
      for (const from of BUCKET_IDS) {
        if (decision[from] === 0) continue;
        for (const to of BUCKET_IDS) {
          if (to === from) continue;
          const score = replayMove(short, "a", { quarter, from, to });
          if (score > asPlayed) all.push({ quarter, from, to, gain: score - asPlayed, score });
        }
      }
    }
    all.sort((x, y) => y.gain - x.gain);
    expect(bestChanges(short, "a", 5)).toEqual(all.slice(0, 5));
  });

  it("honours count, and has nothing for a team with no token to move or not in the game", () => {
    expect(bestChanges(game, "a", 1)).toEqual(bestChanges(game, "a").slice(0, 1));
    expect(bestChanges(game, "a", 0)).toEqual([]);
    expect(bestChanges(game, "nobody")).toEqual([]);
    const idle = playBotGame(getScenario("default")!, "i", { a: "idle" });
    expect(bestChanges(idle, "a")).toEqual([]);
  });

  it("is deterministic", () => {
    expect(bestChanges(game, "b")).toEqual(bestChanges(game, "b"));
  });
});
