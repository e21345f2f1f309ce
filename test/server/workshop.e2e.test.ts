/**
 * A whole facilitated workshop over the real server with real SDK clients: 3 teams × 2
 * players, every quarter, a live co-edited draft, one team running out of time (its draft is
 * taken), an injected event, a dropped connection restored by Colyseus reconnection, a seat
 * reclaimed after the grace period with name + seat token, a facilitator coming back with
 * the token, the debrief data, and the exports.
 */
import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOfCode, sourceOfCode, unpackAllocation, type DebriefData } from "../../shared/index";
import {
  allocation,
  createWorkshop,
  expectJoinRefused,
  joinAs,
  request,
  waitFor,
  type AnyRoom,
  type Participant,
} from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ graceSeconds: 1 });
});
afterAll(() => server.close());

const teamOf = (room: AnyRoom, id: string) => room.state.teams.get(id);
const socketOf = (room: AnyRoom) =>
  (room.connection as unknown as { transport: { ws: { terminate(): void } } }).transport.ws;

describe("a facilitated workshop, end to end", () => {
  it("plays every quarter with 3 teams of 2, a timeout, an event and reconnections", async () => {
    const fac = await createWorkshop(server.url, {
      teams: 3,
      years: 1,
      decisionSeconds: 2,
      pacing: "auto",
      seed: "e2e",
      language: "en",
    });
    expect(fac.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const people: Participant[] = [];
    for (let i = 0; i < 6; i++) people.push(await joinAs(server.url, fac.code, { name: `P${i}` }));
    expect(people.map((p) => p.seat.teamId)).toEqual(["t1", "t2", "t3", "t1", "t2", "t3"]);
    await waitFor(() => fac.room.state.players.size === 6, 5000, "six players");
    const member = (team: string, k: number) => people.filter((p) => p.seat.teamId === team)[k]!;

    await request(fac.room, "game.start");
    for (let q = 1; q <= 4; q++) {
      if (q === 2) await request(fac.room, "event.inject", { eventId: "badBuzz" });
      await request(fac.room, "phase.next");
      await waitFor(() => member("t1", 0).room.state.phase === "decision", 5000, "decision");
      expect(fac.room.state.deadline).toBeGreaterThan(Date.now());

      if (q === 1) {
        // Co-editing: a teammate and the facilitator see the draft live.
        await request(member("t1", 0).room, "allocation.set", {
          allocation: allocation({ culture: 4, campaigns: 0 }),
        });
        await waitFor(
          () => teamOf(member("t1", 1).room, "t1")?.private?.draft.culture === 4,
          5000,
          "draft",
        );
        await waitFor(
          () => teamOf(fac.room, "t1")?.private?.draft.culture === 4,
          5000,
          "facilitator draft",
        );
      }
      if (q === 3) {
        await request(fac.room, "timer.pause");
        // A lost network: the SDK reconnects within the grace period, same seat, same room.
        const dropped = member("t1", 0).room;
        dropped.reconnection.minUptime = 0;
        const reconnected = new Promise<void>((resolve) => dropped.onReconnect(() => resolve()));
        socketOf(dropped).terminate();
        await reconnected;
        // A closed tab: the seat outlives the grace period and comes back with name + token.
        const gone = member("t2", 1);
        gone.room.reconnection.enabled = false;
        const sessionId = gone.room.sessionId;
        socketOf(gone.room).terminate();
        const live = matchMaker.getLocalRoomById(fac.code);
        await waitFor(
          () => !live.hasReservedSeat(sessionId, gone.room.reconnectionToken.split(":")[1]),
          5000,
          "grace expiry",
        );
        await expectJoinRefused(
          joinAs(server.url, fac.code, { name: gone.seat.name, seatToken: "wrong" }),
          "join.bad_token",
        );
        const back = await joinAs(server.url, fac.code, {
          name: gone.seat.name,
          seatToken: gone.seat.token,
        });
        expect(back.seat.playerId).toBe(gone.seat.playerId);
        people[people.indexOf(gone)] = back;
        await request(fac.room, "timer.resume");
      }
      for (const team of ["t1", "t2", "t3"]) {
        if (q === 2 && team === "t3") {
          // Team 3 only drafts: the timer runs out and the draft is taken.
          await request(member(team, 1).room, "allocation.set", {
            allocation: allocation({ strategy: 3, campaigns: 0 }),
          });
          continue;
        }
        await request(member(team, 1).room, "allocation.submit", {
          allocation: allocation({ campaigns: q % 3 }),
        });
      }
      await waitFor(
        () => fac.room.state.phase === "results" && fac.room.state.turn === q,
        6000,
        `results ${q}`,
      );
      // The bad buzz leaves a crisis open, public beside the gauges, on every client's view.
      if (q === 2) {
        const situation = teamOf(people[5]!.room, "t1")!.situation;
        expect(situation.crisis).toBeGreaterThan(0.3);
        expect(situation.crisis).toBeLessThanOrEqual(1);
        expect(situation.cfoQuarters).toBe(0);
      }
      await request(fac.room, "phase.next");
    }

    await waitFor(() => fac.room.state.phase === "debrief", 5000, "debrief");
    for (const team of ["t1", "t2", "t3"]) {
      const history = teamOf(people[5]!.room, team)!.history;
      expect(history.length).toBe(4);
      // Names travel as one-byte codes (wireCodes.ts); the client's normaliser decodes them.
      expect(history[1].events.toArray().map(eventOfCode)).toContain("badBuzz");
    }
    const t3 = teamOf(people[0]!.room, "t3")!.history;
    expect(sourceOfCode(t3[1].decisionSource)).toBe("draft");
    expect(unpackAllocation(t3[1].allocation).strategy).toBe(3);
    expect(sourceOfCode(teamOf(people[0]!.room, "t1")!.history[3].decisionSource)).toBe(
      "submitted",
    );

    const debrief = (await people[0]!.room.request("debrief.data")) as DebriefData;
    expect(debrief.log).toHaveLength(4);
    expect(debrief.teamIds).toEqual(["t1", "t2", "t3"]);

    // The facilitator comes back from another device with the token.
    await fac.room.leave();
    const again = await createWorkshopRejoin(fac.code, fac.token);
    await request(again, "phase.next");
    await waitFor(() => again.state.phase === "ended", 5000, "ended");

    const auth = { headers: { authorization: `Bearer ${fac.token}` } };
    const csv = await (
      await fetch(`${server.url}/api/workshops/${fac.code}/export?format=csv`, auth)
    ).text();
    expect(csv.trimEnd().split("\r\n")).toHaveLength(1 + 3 * 4);
    const list = (await (await fetch(`${server.url}/api/workshops`, auth)).json()) as {
      code: string;
      finished: boolean;
    }[];
    expect(list).toEqual([expect.objectContaining({ code: fac.code, finished: true })]);
    for (const p of people) await p.room.leave();
    await again.leave();
  });
});

async function createWorkshopRejoin(code: string, token: string): Promise<AnyRoom> {
  const { Client } = await import("@colyseus/sdk");
  const room: AnyRoom = await new Client(server.url).joinById(code, { facilitatorToken: token });
  await waitFor(() => room.state.phase !== undefined, 5000, "state");
  return room;
}
