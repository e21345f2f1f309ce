/**
 * Solo games are kept like workshops: stored once the learner is seated, and picked up at any
 * time with `joinById(roomId, { name, seatToken })` — after a reload (the old connection still
 * there), after the room went away, and after the server was killed with SIGKILL — landing on
 * the same state, as the same learner (never a spectator), then playing on to the debrief.
 */
import { Client } from "@colyseus/sdk";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { Ack, SeatMessage } from "../../shared/index";
import {
  allocation,
  collect,
  expectJoinRefused,
  request,
  waitFor,
  type AnyRoom,
} from "../helpers/clients";
import { killAll, spawnServer } from "../helpers/process";
import { tempDataDir } from "../helpers/server";

const dataDir = tempDataDir();
afterAll(() => {
  killAll();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * What the learner sees, minus who is connected right now and the draft revision (a counter of
 * edits in one room, which starts again in a restored room; clients drop pending edits then).
 */
function board(room: AnyRoom): unknown {
  const state = room.state.toJSON() as {
    players: Record<string, { connected?: boolean }>;
    teams: Record<string, { private?: { draftRev?: number } }>;
  };
  for (const p of Object.values(state.players)) delete p.connected;
  for (const t of Object.values(state.teams)) delete t.private?.draftRev;
  return state;
}

async function seatOf(room: AnyRoom): Promise<SeatMessage> {
  const seats = collect<SeatMessage>(room, "seat");
  await waitFor(() => seats.length > 0, 5000, "seat message");
  return seats[0] as SeatMessage;
}

async function playQuarter(room: AnyRoom, turn: number): Promise<Ack> {
  await request(room, "phase.next");
  const ack = await request<Ack>(room, "allocation.submit", {
    allocation: allocation({ culture: 3, campaigns: 1 }),
  });
  await waitFor(() => room.state.phase === "results" && room.state.turn === turn, 5000, "results");
  await request(room, "phase.next"); // on to the next briefing (or the debrief)
  await waitFor(() => room.state.phase !== "results", 5000, "next briefing");
  return ack;
}

describe("a solo game", () => {
  it("is resumed by seat token after a reload, after its room went, and after SIGKILL", async () => {
    let server = await spawnServer(dataDir);
    const solo: AnyRoom = await new Client(server.url).create("solo", {
      seed: "resume",
      rivals: 2,
      name: "Léa",
      // Two years: the script plays far faster than a learner, and the seat's rate limit
      // (30 at once, 15 a second) would refuse a four-year game played in one breath.
      years: 2,
    });
    const seat = await seatOf(solo);
    expect(seat.teamId).toBe("you");
    solo.reconnection.enabled = false;
    await waitFor(() => solo.state.phase === "briefing", 5000, "briefing");
    for (let q = 1; q <= 3; q++) await playQuarter(solo, q);

    // A reload: a new connection while the old one is still open takes the seat over.
    const seen = board(solo);
    const reloaded: AnyRoom = await new Client(server.url).joinById(solo.roomId, {
      name: seat.name,
      seatToken: seat.token,
    });
    reloaded.reconnection.enabled = false;
    expect((await seatOf(reloaded)).playerId).toBe(seat.playerId);
    await waitFor(() => reloaded.state.turn === 3, 5000, "state");
    expect(board(reloaded)).toEqual(seen);
    // Only the learner's token opens the game.
    await expectJoinRefused(
      new Client(server.url).joinById(solo.roomId, { name: "Léa", seatToken: "nope" }),
      "join.bad_token",
    );
    await expectJoinRefused(
      new Client(server.url).joinById(solo.roomId, { name: "Intrus" }),
      "join.full",
    );

    // Quarter 4 decided, then the process is killed.
    await request(reloaded, "phase.next");
    await request(reloaded, "allocation.set", {
      allocation: allocation({ support: 3, campaigns: 0 }),
    });
    await waitFor(
      () => reloaded.state.teams.get("you")?.private?.draft.support === 3,
      5000,
      "the draft on the board",
    );
    const before = board(reloaded);
    await server.kill("SIGKILL");

    server = await spawnServer(dataDir);
    const back: AnyRoom = await new Client(server.url).joinById(solo.roomId, {
      name: seat.name,
      seatToken: seat.token,
    });
    back.reconnection.enabled = false;
    expect((await seatOf(back)).playerId).toBe(seat.playerId);
    await waitFor(() => back.state.phase === "decision", 5000, "restored decision");
    expect(board(back)).toEqual(before);
    // The learner plays on, as the learner, to the debrief.
    await request(back, "allocation.submit", {
      allocation: allocation({ support: 3, campaigns: 0 }),
    });
    await waitFor(() => back.state.turn === 4, 5000, "quarter 4");
    await request(back, "phase.next");
    const total = back.state.turnsTotal as number;
    for (let q = 5; q <= total; q++) await playQuarter(back, q);
    await waitFor(() => back.state.phase === "debrief", 5000, "debrief");

    // Once everyone has left, the room goes; the game is still there for the next visit.
    await back.leave();
    const again: AnyRoom = await new Client(server.url).joinById(solo.roomId, {
      name: seat.name,
      seatToken: seat.token,
    });
    again.reconnection.enabled = false;
    await waitFor(() => again.state.phase === "debrief", 5000, "debrief again");
    await again.leave();
    await server.kill("SIGTERM");
  });
});
