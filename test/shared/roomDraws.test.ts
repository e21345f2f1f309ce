import { describe, expect, it } from "vitest";
import { getScenario, type InjectedEvent } from "../../shared/index";
import { DrawTape, liveDraws } from "../../shared/analysis/roomDraws";

const scenario = getScenario("bad-buzz")!;
const teams = ["a", "b"];
const injected: InjectedEvent[][] = [[], [{ event: "newSponsor", teams: ["b"] }]];

/** Reads a quarter the way the model does: ten slots of four numbers per team. */
function readQuarter(draws: ReturnType<ReturnType<typeof liveDraws>>, count = 40) {
  return {
    moment: draws.moment,
    events: draws.events.map((e) => [...e]),
    buzz: draws.buzz.map((stream) =>
      Array.from({ length: count }, (_, i) => (i % 2 ? stream.nextPositive() : stream.next())),
    ),
  };
}

describe("DrawTape", () => {
  const live = liveDraws(scenario, "t", teams, injected);
  const expected = Array.from({ length: 16 }, (_, q) => readQuarter(live(q + 1)));

  it("records a first run in order and replays any quarter bit for bit", () => {
    const tape = new DrawTape(scenario, "t", teams, injected);
    for (let q = 1; q <= 16; q++) {
      expect(readQuarter(tape.draws(q))).toEqual(expected[q - 1]);
      tape.resolved(q);
    }
    expect(tape.recorded).toBe(16);
    for (const q of [9, 2, 16, 2, 1]) {
      expect(readQuarter(tape.draws(q))).toEqual(expected[q - 1]);
      tape.resolved(q);
    }
    expect(expected[1]!.events).toEqual([[], ["newSponsor"]]);
  });

  it("refuses a replayed quarter that reads another number of draws than the recorded run", () => {
    const tape = new DrawTape(scenario, "t", teams, injected);
    for (let q = 1; q <= 3; q++) {
      readQuarter(tape.draws(q));
      tape.resolved(q);
    }
    readQuarter(tape.draws(2), 39);
    expect(() => tape.resolved(2)).toThrow(/read 39 buzz numbers .* drew 40/);
  });

  it("refuses to skip a quarter that has not been recorded", () => {
    const tape = new DrawTape(scenario, "t", teams);
    expect(() => tape.draws(2)).toThrow(/Quarter 2 asked before quarter 1/);
  });
});
