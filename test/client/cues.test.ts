/** When the room's sounds play: from state changes and the countdown, never on a first state. */
import { describe, expect, it } from "vitest";
import { countdownCue, stateCues, type CueState } from "../../client/src/viewmodels/cues";

const state = (over: Partial<CueState>): CueState => ({
  phase: "decision",
  turn: 2,
  submitted: 0,
  teams: 3,
  ...over,
});

describe("sound cues", () => {
  it("chimes when a quarter is revealed, not on a reload into the results", () => {
    expect(stateCues(state({}), state({ phase: "results", turn: 3 }))).toEqual(["reveal"]);
    expect(stateCues(null, state({ phase: "results", turn: 3 }))).toEqual([]);
    expect(
      stateCues(state({ phase: "results", turn: 3 }), state({ phase: "results", turn: 3 })),
    ).toEqual([]);
  });

  it("rings once when the last team submits", () => {
    expect(stateCues(state({ submitted: 1 }), state({ submitted: 2 }))).toEqual([]);
    expect(stateCues(state({ submitted: 2 }), state({ submitted: 3 }))).toEqual(["allSubmitted"]);
    expect(stateCues(state({ submitted: 3 }), state({ submitted: 3 }))).toEqual([]);
    // A new decision starting with every flag already reset is no news.
    expect(stateCues(state({ phase: "briefing", turn: 2 }), state({ submitted: 0 }))).toEqual([]);
    // The resolution that follows is the reveal's cue, not a second bell.
    expect(
      stateCues(state({ submitted: 2 }), state({ phase: "results", turn: 3, submitted: 3 })),
    ).toEqual(["reveal"]);
  });

  it("ticks each second of the last ten, as the clock prints them", () => {
    expect(countdownCue(null, 9_000)).toBeNull();
    expect(countdownCue(11_000, 10_500)).toBeNull(); // still "11"
    expect(countdownCue(10_100, 9_900)).toBe("tick"); // 11 → 10
    expect(countdownCue(9_100, 8_900)).toBe("tick"); // 10 → 9
    expect(countdownCue(1_100, 900)).toBe("tick"); // 2 → 1
    expect(countdownCue(900, 0)).toBeNull(); // over: the reveal speaks next
    expect(countdownCue(9_000, 40_000)).toBeNull(); // the facilitator gave more time
    expect(countdownCue(30_000, 20_000)).toBeNull();
    expect(countdownCue(5_200, 5_100)).toBeNull(); // same second
  });
});
