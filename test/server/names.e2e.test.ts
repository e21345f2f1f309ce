/**
 * Names over the real server with real SDK clients: a lone surrogate (which every connected
 * client would fail to decode), bidi controls and invisible characters are refused at the join
 * (`join.bad_name`) and at a team rename (`team.bad_name`), leaving the session unchanged; a
 * decomposed "É" is the same name as the precomposed one.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createWorkshop,
  expectJoinRefused,
  expectRefused,
  joinAs,
  type Facilitator,
} from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";
import { FACILITATOR, SYSTEM, workshopHarness } from "../helpers/session";
import { sessionHash } from "../../server/session/hash";

let server: TestServer;
let fac: Facilitator;

beforeAll(async () => {
  server = await startTestServer();
  fac = await createWorkshop(server.url, { teams: 2, years: 1 });
});
afterAll(() => server.close());

const HOSTILE = [
  ["a lone high surrogate", "Ana\uD83D"],
  ["a lone low surrogate", "\uDE00Ana"],
  ["a right-to-left override", "Ana\u202Egpj.exe"],
  ["a right-to-left mark", "\u200FAna"],
  ["a Hangul filler", "\u3164"],
  ["a zero-width space", "A\u200Bna"],
  ["a tag character", "Ana\u{E0041}"],
];

describe("names over the wire", () => {
  it.each(HOSTILE)("refuses a join with %s (join.bad_name)", async (_label, name) => {
    await expectJoinRefused(new Client(server.url).joinById(fac.code, { name }), "join.bad_name");
  });

  // Room messages travel as msgpack, whose encoder already turns a lone surrogate into U+FFFD:
  // over the wire the rename is tried with the others, and the session is checked directly.
  it.each(HOSTILE.slice(2))("refuses a team rename with %s (team.bad_name)", async (_l, name) => {
    await expectRefused(fac.room.request("team.rename", { teamId: "t1", name }), "team.bad_name");
  });

  it.each(HOSTILE)("refuses %s in a team rename and a join in the session", (_label, name) => {
    const h = workshopHarness();
    const before = sessionHash(h.state);
    expect(h.act(FACILITATOR, { type: "team.rename", teamId: "t1", name })?.code).toBe(
      "team.bad_name",
    );
    expect(h.act(SYSTEM, { type: "player.join", playerId: "px", name, tokenHash: "h" })?.code).toBe(
      "join.bad_name",
    );
    expect(sessionHash(h.state)).toBe(before);
  });

  it("sees a decomposed É as the precomposed one", async () => {
    const elodie = await joinAs(server.url, fac.code, { name: "\u00C9lodie" });
    await expectJoinRefused(
      new Client(server.url).joinById(fac.code, { name: "E\u0301lodie" }),
      "join.name_taken",
    );
    await expectJoinRefused(
      new Client(server.url).joinById(fac.code, { name: "e\u0301lodie" }),
      "join.name_taken",
    );
    const zoe = await joinAs(server.url, fac.code, { name: "Zoe\u0301" });
    expect(zoe.seat.name).toBe("Zo\u00E9");
    await elodie.room.leave();
    await zoe.room.leave();
  });
});
