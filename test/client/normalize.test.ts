/**
 * The client's normaliser turns the state's one-byte codes back into the view's names, leaves
 * everything else as decoded, and refuses a code it does not know instead of showing a blank.
 */
import { describe, expect, it } from "vitest";
import { normalizeRoom } from "../../client/src/net/normalize";
import { eventCode, gaugeCode, packAllocation, reasonCode, sourceCode } from "../../shared/index";

const allocation = {
  longTerm: 1,
  culture: 2,
  governance: 0,
  support: 0,
  recruitment: 0,
  strategy: 0,
  campaigns: 3,
};

function wireRoom(reason: number, source = sourceCode("draft")) {
  // No quarter (its position), no forced or legacy (0): left out on the wire.
  const result = {
    engagement: 0.25,
    reach: 0.5,
    buzzVolatility: 0,
    trust: 0.75,
    kpi: 1.1,
    ssv: 2,
    score: 3.3,
    allocation: packAllocation(allocation),
    decisionSource: source,
    events: [eventCode("badBuzz")],
  };
  const team = (id: string) => ({
    id,
    name: id,
    bot: "",
    budget: 10,
    submitted: false,
    history: [result, { ...result, forced: 0.5, legacy: 2 }],
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
          reasonCodes: [reason],
          reasonValues: [-0.125],
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
    const view = normalizeRoom(decoded(wireRoom(reasonCode("trust", "backfire"))));
    expect(view.event).toEqual(["newCfo"]);
    expect(view.teams.t1?.private?.reasons).toEqual([
      { gauge: "trust", cause: "backfire", value: -0.125 },
    ]);
    expect(view.teams.t1?.history[0]).toEqual({
      turn: 1,
      engagement: 0.25,
      reach: 0.5,
      buzzVolatility: 0,
      trust: 0.75,
      kpi: 1.1,
      ssv: 2,
      score: 3.3,
      legacy: 0,
      forced: 0,
      allocation,
      decisionSource: "draft",
      events: ["badBuzz"],
    });
    expect(view.teams.t1?.history[1]).toMatchObject({ turn: 2, forced: 0.5, legacy: 2 });
    expect(view.teams.t1?.private).not.toHaveProperty("reasonCodes");
    expect(view.teams.t2).not.toHaveProperty("private");
    expect(gaugeCode("trust")).toBe(2);
  });

  it("refuses a code it does not know, naming it", () => {
    expect(() => normalizeRoom(decoded(wireRoom(250)))).toThrow("Unknown gauge code");
    expect(() => normalizeRoom(decoded(wireRoom(0, 9)))).toThrow("Unknown decision source code 9");
  });
});
