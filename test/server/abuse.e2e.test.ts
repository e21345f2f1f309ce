/**
 * Abuse and real-room edges, with real SDK clients: a workshop created without its facilitator
 * ever connecting leaves nothing behind; a draft flood writes a few rows per team, not one per
 * click, while every acknowledged edit is durable and none is lost; a finished workshop takes
 * no newcomer; teams nobody joined get a bot at the start, and the facilitator is told; the
 * server's clock is there for countdowns.
 */
import { Client } from "@colyseus/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { DRAFT_WINDOW_MS } from "../../server/rooms/SessionRoom";
import { sessionHash } from "../../server/session/hash";
import { replaySession } from "../../server/session/session";
import type { Ack, ClockMessage } from "../../shared/index";
import {
  allocation,
  createWorkshop,
  expectJoinRefused,
  expectRefused,
  joinAs,
  request,
  waitFor,
  type Participant,
} from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const s = await startTestServer(options);
  servers.push(s);
  return s;
}

describe("a workshop nobody takes the facilitator seat of", () => {
  it("is never stored, refuses other joins, and goes when the reservation expires", async () => {
    const s = await server({ seatReservationSeconds: 2 });
    const res = await fetch(`${s.url}/matchmake/create/workshop`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(200);
    const { roomId } = (await res.json()) as { roomId: string };
    expect(s.app.deps.live.has(roomId)).toBe(true);
    expect(await s.app.deps.store.exists(roomId)).toBe(false);
    await expectJoinRefused(new Client(s.url).joinById(roomId, { name: "Ana" }), "join.not_ready");
    await waitFor(() => !s.app.deps.live.has(roomId), 5000, "the abandoned room to go");
    expect(await s.app.deps.store.exists(roomId)).toBe(false);
    expect(await s.app.deps.store.unfinished()).toEqual([]);
  });

  it("is stored as soon as its creator is seated", async () => {
    const s = await server({ seatReservationSeconds: 0.5 });
    const fac = await createWorkshop(s.url, { teams: 2 });
    fac.room.reconnection.enabled = false;
    expect(await s.app.deps.store.exists(fac.code)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(s.app.deps.live.has(fac.code)).toBe(true);
    await fac.room.leave();
  });
});

describe("a draft flood", () => {
  it("is written as a few rows per team, and every acknowledged edit is durable", async () => {
    const s = await server({ rateLimit: { burst: 10_000, perSecond: 10_000 } });
    const fac = await createWorkshop(s.url, { teams: 2, years: 1, decisionSeconds: 0 });
    const players: Participant[] = [];
    for (let i = 0; i < 10; i++) players.push(await joinAs(s.url, fac.code, { name: `P${i}` }));
    for (const r of [fac.room, ...players.map((p) => p.room)]) r.reconnection.enabled = false;
    await request(fac.room, "game.start");
    await request(fac.room, "phase.next");
    const seqBefore = s.app.deps.live.get(fac.code)?.session.seq ?? 0;

    const until = Date.now() + 1500;
    const lastRev = new Map<string, number>();
    let acks = 0;
    await Promise.all(
      players.map(async (p, i) => {
        const team = p.seat.teamId;
        for (let n = 0; Date.now() < until; n++) {
          // Up on even clicks, down on odd ones: the draft stays inside the budget.
          const ack = await request<Ack>(p.room, "allocation.adjust", {
            bucket: i % 2 ? "culture" : "support",
            delta: n % 2 ? -1 : 1,
          });
          acks++;
          expect(ack.draftRev).toBeGreaterThan(0);
          lastRev.set(team, Math.max(lastRev.get(team) ?? 0, ack.draftRev ?? 0));
        }
      }),
    );
    const session = s.app.deps.live.get(fac.code)?.session;
    if (!session) throw new Error("room gone");
    const rows = session.seq - seqBefore;
    // Two teams, one row per team per draft window at most, 1.5 s of clicking.
    expect(rows).toBeLessThanOrEqual(2 * (Math.ceil(1500 / DRAFT_WINDOW_MS) + 2));
    expect(rows * 3).toBeLessThan(acks);
    // Acknowledged means durable: the log replays to the live state.
    const stored = await s.app.deps.store.load(fac.code);
    if (!stored) throw new Error("not stored");
    expect(sessionHash(replaySession(stored.record.config, stored.log))).toBe(sessionHash(session));
    // Every edit counted: an even number of +1/−1 per player leaves the drafts where they began.
    const viewer = players[0] as Participant;
    await waitFor(
      () =>
        viewer.room.state.teams.get(viewer.seat.teamId)?.private?.draftRev ===
        lastRev.get(viewer.seat.teamId),
      3000,
      "the synchronized draft revision",
    );
    for (const team of session.teams.values()) {
      const draft = team.draft;
      if (!draft) continue;
      expect(draft.culture + draft.support).toBeLessThanOrEqual(players.length);
      expect(draft.culture).toBeGreaterThanOrEqual(0);
    }
    await Promise.all([fac.room.leave(), ...players.map((p) => p.room.leave())]);
  });
});

describe("room rules", () => {
  it("starts with bots for empty teams and says so; refuses an empty start", async () => {
    const s = await server();
    const fac = await createWorkshop(s.url, { teams: 3 });
    fac.room.reconnection.enabled = false;
    await expectRefused(fac.room.request("game.start"), "game.no_players");
    const ana = await joinAs(s.url, fac.code, { name: "Ana" });
    ana.room.reconnection.enabled = false;
    const ack = await request<Ack>(fac.room, "game.start");
    expect(ack.botTeams).toEqual(["t2", "t3"]);
    await waitFor(() => fac.room.state.teams.get("t3")?.bot === "balanced", 2000, "bot badge");
    await Promise.all([fac.room.leave(), ana.room.leave()]);
  });

  it("takes no newcomer once ended, but gives seats back", async () => {
    const s = await server();
    const fac = await createWorkshop(s.url, { teams: 2 });
    const ana = await joinAs(s.url, fac.code, { name: "Ana" });
    for (const r of [fac.room, ana.room]) r.reconnection.enabled = false;
    await request(fac.room, "game.end");
    await expectJoinRefused(new Client(s.url).joinById(fac.code, { name: "Zoé" }), "join.ended");
    const back = await joinAs(s.url, fac.code, { name: "Ana", seatToken: ana.seat.token });
    expect(back.seat.playerId).toBe(ana.seat.playerId);
    // The old connection was handed over to the new one (closed by the server).
    await Promise.all([fac.room.leave(), back.room.leave()]);
  });

  it("answers the clock to anyone", async () => {
    const s = await server();
    const fac = await createWorkshop(s.url, { teams: 2 });
    fac.room.reconnection.enabled = false;
    const before = Date.now();
    const clock = await request<ClockMessage>(fac.room, "clock");
    expect(clock.serverNow).toBeGreaterThanOrEqual(before);
    expect(clock.serverNow).toBeLessThanOrEqual(Date.now());
    await fac.room.leave();
  });

  it("acknowledges draft edits with the team's draft revision", async () => {
    const s = await server();
    const fac = await createWorkshop(s.url, { teams: 2, decisionSeconds: 0 });
    const ana = await joinAs(s.url, fac.code, { name: "Ana" });
    for (const r of [fac.room, ana.room]) r.reconnection.enabled = false;
    await request(fac.room, "game.start");
    await request(fac.room, "phase.next");
    const first = await request<Ack>(ana.room, "allocation.set", {
      allocation: allocation({ campaigns: 0 }),
    });
    const second = await request<Ack>(ana.room, "allocation.adjust", {
      bucket: "culture",
      delta: 1,
    });
    expect([first.draftRev, second.draftRev]).toEqual([1, 2]);
    await waitFor(
      () => ana.room.state.teams.get(ana.seat.teamId)?.private?.draftRev === 2,
      2000,
      "draftRev in the state",
    );
    expect(ana.room.state.teams.get(ana.seat.teamId)?.private?.draft.culture).toBe(3);
    await Promise.all([fac.room.leave(), ana.room.leave()]);
  });
});
