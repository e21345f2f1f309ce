/**
 * The client's normaliser turns the state's one-byte codes back into the view's names, leaves
 * everything else as decoded, and refuses a code it does not know instead of showing a blank.
 */
import { describe, expect, it } from "vitest";
import { normalizeRoom } from "../../client/src/net/normalize";
import { causeCode, eventCode, gaugeCode, sourceCode } from "../../shared/index";

function wireRoom(reasonCause: number, source = sourceCode("draft")) {
  const allocation = {
    longTerm: 1,
    culture: 2,
    governance: 0,
    support: 0,
    recruitment: 0,
    strategy: 0,
    campaigns: 3,
  };
  const result = {
    turn: 1,
    engagement: 0.25,
    reach: 0.5,
    buzzVolatility: 0,
    trust: 0.75,
    kpi: 1.1,
    ssv: 2,
    score: 3.3,
    legacy: 0,
    allocation,
    forced: 0,
    decisionSource: source,
    events: [eventCode("badBuzz")],
  };
  const team = (id: string) => ({
    id,
    name: id,
    bot: "",
    budget: 10,
    submitted: false,
    history: [result],
    situation: { crisis: 0, migration: 0, gap: 0, cfoQuarters: 0, sponsorQuarters: 0 },
    predicted: false,
    prediction: "",
  });
  return {
    code: "ABC234",
    phase: "results",
    event: [eventCode("newCfo")],
    teams: {
      t1: {
        ...team("t1"),
        private: {
          draft: allocation,
          draftBy: "",
          draftRev: 0,
          submitted: false,
          decision: allocation,
          prediction: "",
          reasons: [{ gauge: gaugeCode("trust"), cause: reasonCause, value: -0.125 }],
        },
      },
      t2: team("t2"),
    },
    players: {},
  };
}

const decoded = (json: unknown) => ({ toJSON: () => json });

describe("normalizeRoom", () => {
  it("decodes gauges, causes, events and decision sources to their names", () => {
    const view = normalizeRoom(decoded(wireRoom(causeCode("backfire"))));
    expect(view.event).toEqual(["newCfo"]);
    expect(view.teams.t1?.private?.reasons).toEqual([
      { gauge: "trust", cause: "backfire", value: -0.125 },
    ]);
    expect(view.teams.t1?.history[0]).toMatchObject({
      decisionSource: "draft",
      events: ["badBuzz"],
      allocation: { culture: 2, campaigns: 3 },
      trust: 0.75,
    });
    expect(view.teams.t2).not.toHaveProperty("private");
    expect(causeCode("event:badBuzz")).toBeGreaterThan(causeCode("neglect"));
  });

  it("refuses a code it does not know, naming it", () => {
    expect(() => normalizeRoom(decoded(wireRoom(250)))).toThrow("Unknown cause code 250");
    expect(() => normalizeRoom(decoded(wireRoom(0, 9)))).toThrow("Unknown decision source code 9");
  });
});
