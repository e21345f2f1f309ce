import { describe, expect, expectTypeOf, it } from "vitest";
import {
  CAUSE_LOOPS,
  EVENT_IDS,
  LOOP_IDS,
  SCENARIO_IDS,
  getScenario,
  loopDominance,
  loopOf,
  playBotGame,
  type CauseId,
  type InjectedEvent,
  type LoopId,
} from "../../shared/index";

describe("the cause → loop table", () => {
  it("places every CauseId: in a loop or explicitly as not a loop (null)", () => {
    // Compile-time: the table's keys are exactly CauseId, so a new cause fails `npm run typecheck`
    // here until it is placed.
    expectTypeOf<keyof typeof CAUSE_LOOPS>().toEqualTypeOf<CauseId>();
    for (const [cause, loop] of Object.entries(CAUSE_LOOPS)) {
      expect(loop === null || (LOOP_IDS as readonly string[]).includes(loop), cause).toBe(true);
    }
    for (const event of EVENT_IDS) expect(Object.hasOwn(CAUSE_LOOPS, `event:${event}`)).toBe(true);
  });

  it("knows every cause the model emits, in every scenario and under every event", () => {
    const every: InjectedEvent[][] = EVENT_IDS.map((event) => [{ event }]);
    const seen = new Set<string>();
    for (const id of SCENARIO_IDS) {
      const game = playBotGame(
        getScenario(id)!,
        "causes",
        { a: "buzz", b: "culture-first", c: "short-termist", d: "adaptive" },
        every,
      );
      for (const history of Object.values(game.history)) {
        for (const record of history) {
          for (const gauge of Object.values(record.explain)) {
            for (const part of gauge.parts) seen.add(part.cause);
          }
        }
      }
    }
    for (const cause of seen) expect(Object.hasOwn(CAUSE_LOOPS, cause), cause).toBe(true);
  });

  it("counts an unknown cause as other", () => {
    expect(loopOf("élan")).toBeNull();
    expect(loopOf("constructor")).toBeNull();
    expect(loopOf("coaching")).toBe("culture");
  });
});

describe("loopDominance", () => {
  const game = playBotGame(getScenario("bad-buzz")!, "l1", { a: "culture-first", b: "buzz" }, [
    [],
    [],
    [{ event: "expertLeaves" }],
  ]);

  it("gives each year's engagement change, split into loops and other", () => {
    for (const id of game.teamIds) {
      const years = loopDominance(game, id);
      const history = game.history[id]!;
      expect(years.map((y) => y.year)).toEqual([1, 2, 3, 4]);
      years.forEach((entry, y) => {
        const start = history[4 * y]!.explain.engagement.before;
        const end = history[4 * y + 3]!.outputs.engagement;
        const loops = LOOP_IDS.reduce((s, loop: LoopId) => s + entry.loops[loop], 0);
        expect(Math.abs(loops + entry.other - (end - start))).toBeLessThan(1e-12);
      });
    }
  });

  it("shows the culture loop driving a culture-first team, and buzz the buzz team", () => {
    const culture = loopDominance(game, "a");
    const buzz = loopDominance(game, "b");
    culture.forEach((year, y) => {
      const other = buzz[y]!;
      expect(year.loops.culture).toBeGreaterThan(other.loops.culture);
      expect(other.loops.buzz).toBeGreaterThan(year.loops.buzz);
      // From year 2 on, culture is the culture-first team's strongest positive loop.
      if (y > 0) {
        for (const loop of LOOP_IDS)
          expect(year.loops.culture).toBeGreaterThanOrEqual(year.loops[loop]);
      }
    });
  });

  it("is empty for a team not in the game, and plain JSON", () => {
    expect(loopDominance(game, "nobody")).toEqual([]);
    const years = loopDominance(game, "a");
    expect(JSON.parse(JSON.stringify(years))).toEqual(years);
  });
});
