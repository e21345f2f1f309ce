/**
 * Solo practice over the real server: one learner against bot rivals, at their own pace (no
 * timer), to the end; the debrief data replays in the shared simulation to the very results
 * the board showed.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replay, sourceOfCode, type DebriefData } from "../../shared/index";
import {
  allocation,
  collect,
  expectJoinRefused,
  expectRefused,
  request,
  waitFor,
  type AnyRoom,
} from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  // The test clicks far faster than a learner: lift the flood guard (tested on its own).
  server = await startTestServer({ rateLimit: { burst: 1000, perSecond: 1000 } });
});
afterAll(() => server.close());

describe("the solo room", () => {
  it("plays a scripted scenario against bot rivals to the debrief", async () => {
    const solo: AnyRoom = await new Client(server.url).create("solo", {
      scenario: "new-cfo",
      rivals: 2,
      seed: "solo-test",
      name: "Léa",
      language: "fr",
    });
    const seats = collect<{ teamId: string }>(solo, "seat");
    await waitFor(() => solo.state.phase === "briefing" && seats.length === 1, 5000, "briefing");
    expect(seats[0]?.teamId).toBe("you");
    expect(solo.state.deadline).toBe(0);
    expect([...solo.state.teams.keys()]).toEqual(["you", "r1", "r2"]);
    expect(solo.state.teams.get("r1").bot).toBe("balanced");
    await expectRefused(
      solo.request("team.bot", { teamId: "r1", strategy: null }),
      "role.not_facilitator",
    );
    await expectRefused(solo.request("debrief.data"), "debrief.not_yet");
    // One learner per solo room: the matchmaker already refuses a second seat (room locked).
    await expect(
      new Client(server.url).joinById(solo.roomId, { name: "Intrus" }),
    ).rejects.toThrow();

    const total = solo.state.turnsTotal as number;
    expect(total).toBe(16);
    for (let q = 1; q <= total; q++) {
      await request(solo, "phase.next");
      await request(solo, "allocation.submit", {
        allocation: allocation({ longTerm: 3, campaigns: 1 }),
      });
      await waitFor(
        () => solo.state.phase === "results" && solo.state.turn === q,
        5000,
        `quarter ${q}`,
      );
      await request(solo, "phase.next");
    }
    await waitFor(() => solo.state.phase === "debrief", 5000, "debrief");
    const mine = solo.state.teams.get("you").history;
    expect(mine.length).toBe(16);
    // Names travel as one-byte codes (wireCodes.ts); the client's normaliser decodes them.
    expect(sourceOfCode(mine[0].decisionSource)).toBe("submitted");
    expect(sourceOfCode(solo.state.teams.get("r2").history[5].decisionSource)).toBe("bot");

    const data = (await request(solo, "debrief.data")) as DebriefData;
    const replayed = replay(data.scenario, data.seed, data.teamIds, data.log);
    expect(replayed.ok).toBe(true);
    if (replayed.ok) {
      for (const id of data.teamIds) {
        const board = solo.state.teams.get(id).history;
        expect(replayed.value.history[id]?.[15]?.outputs.score).toBe(board[15].score);
      }
    }
    await request(solo, "game.end");
    await waitFor(() => solo.state.phase === "ended", 5000, "ended");
    await solo.leave();
  });

  it("plays the length the learner chose, and refuses one outside 1–4 years creating nothing", async () => {
    for (const years of [0, 5, 2.5, "2"]) {
      const refused = new Client(server.url).create("solo", { scenario: "bad-buzz", years });
      await expect(refused).rejects.toThrow(
        "join.bad_options: years must be a whole number from 1 to 4.",
      );
    }
    const health = (await (await fetch(`${server.url}/health`)).json()) as { solo: number };
    expect(health.solo).toBe(0);
    const solo: AnyRoom = await new Client(server.url).create("solo", {
      scenario: "bad-buzz",
      years: 1,
      seed: "one-year",
    });
    await waitFor(() => solo.state.phase === "briefing", 5000, "briefing");
    expect([solo.state.scenarioId, solo.state.turnsTotal]).toEqual(["bad-buzz", 4]);
    await solo.leave();
  });

  it("refuses bad create options with a stable code", async () => {
    await expectJoinRefused(
      new Client(server.url).create("solo", { scenario: "nope" }),
      "join.bad_options",
    );
    await expectJoinRefused(
      new Client(server.url).create("solo", { name: "\u0007" }),
      "join.bad_name",
    );
  });
});
