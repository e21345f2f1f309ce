/**
 * bench:server's fan-out baseline (test/bench/fanoutRoom.ts) hosted beside the real app: a room
 * of another kind is joined by id through the app's join gate (which must not take it for a
 * stale workshop listing), and it has the workshop's visibility — a draft reaches its team and
 * the facilitator, never another team; the submitted flag and the quarter's results reach all,
 * and a team's reasons reach that team and the facilitator only (as the workshop's do).
 */
import { defineRoom } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unpackAllocation } from "../../shared/index";
import { FanoutRoom } from "../bench/fanoutRoom";
import { allocation, waitFor, type AnyRoom } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ extraRooms: { fanout: defineRoom(FanoutRoom) } });
});
afterAll(() => server.close());

/** Resolves once every frame the server sent this client before now has arrived. */
const flush = (room: AnyRoom) => new Promise<void>((resolve) => room.ping(() => resolve()));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const team = (room: AnyRoom, id: string): any => room.state.teams.get(id);

describe("the fan-out baseline room", () => {
  it("is joined by id, and shows each draft to its team and the facilitator only", async () => {
    const facilitator = await new Client(server.url).create("fanout");
    // Seated round the eight teams in join order: t1 … t8, then t1 again.
    const players: AnyRoom[] = [];
    for (let i = 0; i < 9; i++) {
      const player = await new Client(server.url).joinById(facilitator.roomId);
      player.onMessage("seat", () => {});
      players.push(player);
    }
    const [t1a, t2, t1b] = [players[0]!, players[1]!, players[8]!];
    await facilitator.request("game.start");
    await facilitator.request("phase.next");
    const draft = allocation({ culture: 7, longTerm: 3 });
    await t1a.request("allocation.set", { allocation: draft });
    // Patches go out on the room's next tick, to every connection at once.
    await waitFor(() => team(t1b, "t1").private?.draft.culture === 7, 5000, "the teammate");
    await Promise.all([facilitator, ...players].map(flush));

    expect(team(facilitator, "t1").private?.draft.culture).toBe(7);
    expect(team(facilitator, "t2").private?.draft).toBeDefined();
    expect(team(t2, "t1").private).toBeUndefined();
    expect(team(t2, "t2").private?.draft).toBeDefined();

    await t1a.request("allocation.submit", {});
    await waitFor(() => team(t2, "t1").submitted === true, 5000, "the submitted flag");
    expect(team(t2, "t1").history.length).toBe(0);

    // The last team's submission reveals the quarter to everyone; drafts stay hidden.
    for (const member of players.slice(1, 8)) await member.request("allocation.submit", {});
    await waitFor(() => team(t2, "t1").history.length === 1, 5000, "the quarter's results");
    expect(unpackAllocation(team(t2, "t1").history[0].allocation).culture).toBe(7);
    expect(team(t2, "t1").submitted).toBe(false);
    expect(facilitator.state.phase).toBe("results");
    expect(team(t2, "t1").private).toBeUndefined();
    const reasons = (room: AnyRoom, id: string) => team(room, id).private?.reasonCodes.length;
    await waitFor(() => reasons(t2, "t2") > 0, 5000, "t2's own reasons");
    await Promise.all([facilitator, ...players].map(flush));
    expect(reasons(t1b, "t1")).toBe(reasons(t2, "t2"));
    expect(reasons(facilitator, "t1")).toBeGreaterThan(0);
    for (const room of [facilitator, ...players]) await room.leave();
  });
});
