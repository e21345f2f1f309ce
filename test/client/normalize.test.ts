import { describe, expect, it } from "vitest";
import { normalizeRoom, publicOnly, toAllocation } from "../../client/src/net/normalize";

const allocation = {
  longTerm: 1,
  culture: 2,
  governance: 0,
  support: 0,
  recruitment: 0,
  strategy: 0,
  campaigns: 3,
};

describe("normalizeRoom", () => {
  it("reads maps, schema-like objects with toJSON and JSON-string allocations", () => {
    const raw = {
      toJSON: () => ({
        code: "ABC234",
        kind: "workshop",
        phase: "decision",
        turn: 2,
        turnsTotal: 16,
        event: ["badBuzz"],
        teams: new Map([
          [
            "t1",
            {
              id: "t1",
              name: "Les Lynx",
              budget: 10,
              submitted: true,
              history: [
                {
                  turn: 1,
                  engagement: 0.1,
                  allocation: JSON.stringify(allocation),
                  reasons: [{ gauge: "trust", cause: "backfire", value: -0.1 }],
                },
              ],
              private: { draft: allocation, draftBy: "p1", submitted: true, decision: allocation },
            },
          ],
        ]),
        players: { p1: { id: "p1", name: "Zoé", teamId: "t1", connected: false } },
      }),
    };
    const view = normalizeRoom(raw);
    expect(view.phase).toBe("decision");
    expect(view.teams.t1?.history[0]?.allocation).toEqual(allocation);
    expect(view.teams.t1?.history[0]?.reasons[0]).toEqual({
      gauge: "trust",
      cause: "backfire",
      value: -0.1,
    });
    expect(view.teams.t1?.private?.draftBy).toBe("p1");
    expect(view.players.p1?.connected).toBe(false);
  });

  it("falls back to safe defaults on missing or hostile fields", () => {
    const view = normalizeRoom({ phase: "hacked", teams: { t: { history: "nope" } }, turn: "3" });
    expect(view.phase).toBe("lobby");
    expect(view.turn).toBe(0);
    expect(view.teams.t?.history).toEqual([]);
    expect(view.teams.t?.private).toBeUndefined();
    expect(view.teams.t?.situation).toEqual({
      crisis: 0,
      migration: 0,
      gap: 0,
      cfoQuarters: 0,
      sponsorQuarters: 0,
    });
    const odd = normalizeRoom({
      teams: { t: { situation: { crisis: 7, migration: -1, gap: "x", cfoQuarters: 2.6 } } },
    });
    expect(odd.teams.t?.situation).toMatchObject({
      crisis: 1,
      migration: 0,
      gap: 0,
      cfoQuarters: 3,
    });
    expect(toAllocation({ campaigns: -4, culture: 2.6, extra: 9 })).toMatchObject({
      campaigns: 0,
      culture: 3,
    });
  });

  it("publicOnly drops every team's hidden part", () => {
    const view = normalizeRoom({
      teams: { t: { private: { draft: allocation, draftBy: "p", submitted: false } } },
    });
    expect(view.teams.t?.private).toBeDefined();
    expect(publicOnly(view).teams.t?.private).toBeUndefined();
  });
});
