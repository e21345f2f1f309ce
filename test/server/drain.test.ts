/**
 * Draining (server/drain.ts), in process with real SDK clients: once `drain()` starts, `/ready`
 * answers 503 at once while `/health` stays 200; new workshops and solo games are refused with
 * 503 `server.draining` (a code the client's error display knows); a stored game that would have
 * to be rebuilt here is refused the same way; rooms already here are handed over — every
 * acknowledged action durable, then their clients told to come back (4001), which reopens them
 * wherever they land — and a join meanwhile is sent on; then the other drain hooks run, in
 * order, a failing one not stopping the next; then the process shuts down.
 */
import { Client } from "@colyseus/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { errorKey } from "../../client/src/viewmodels/errors";
import type { SeatMessage } from "../../shared/index";
import {
  collect,
  createWorkshop,
  expectJoinRefused,
  joinAs,
  request,
  waitFor,
  type AnyRoom,
} from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function server(): Promise<TestServer> {
  const started = await startTestServer();
  cleanups.push(() => started.close());
  return started;
}

async function probe(url: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}${path}`);
  return { status: res.status, body: await res.json() };
}

/** A solo game played a little, then left: stored, no longer live. */
async function storedSolo(url: string): Promise<{ code: string; seat: SeatMessage }> {
  const solo: AnyRoom = await new Client(url).create("solo", { scenario: "new-cfo", name: "Léa" });
  const seats = collect<SeatMessage>(solo, "seat");
  await waitFor(() => seats.length === 1, 5000, "solo seat");
  await request(solo, "phase.next");
  solo.reconnection.enabled = false;
  const code = solo.roomId;
  await solo.leave();
  return { code, seat: seats[0] as SeatMessage };
}

describe("a draining process", () => {
  it("is unready, opens no new room, hands its rooms over with nothing lost, then stops", async () => {
    const first = await server();
    const { app, url } = first;
    const solo = await storedSolo(url);
    await waitFor(() => !app.deps.live.has(solo.code), 5000, "the solo room gone");
    const fac = await createWorkshop(url, { teams: 2, years: 1, seed: "drain" });
    const ana = await joinAs(url, fac.code, { name: "Ana" });
    for (const r of [fac.room, ana.room]) r.reconnection.enabled = false;
    expect(await probe(url, "/ready")).toMatchObject({ status: 200, body: { failed: [] } });

    const ran: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let liveDuringHooks: boolean | null = null;
    app.onDrain(async () => {
      ran.push("first");
      liveDuringHooks = app.deps.live.has(fac.code);
      await held;
    });
    app.onDrain(() => {
      ran.push("second");
      throw new Error("a hook that fails");
    });
    app.onDrain(() => {
      ran.push("third");
    });
    const left: number[] = [];
    ana.room.onLeave((code: number) => left.push(code));
    // Acknowledged just before the drain: it must be in the log the next host replays.
    await request(fac.room, "team.rename", { teamId: "t1", name: "Les Lynx" });

    const drained = app.drain();
    expect(app.drain()).toBe(drained); // idempotent
    expect(app.draining).toBe(true);

    // Unready at once (the load balancer stops sending newcomers); alive all the same.
    const ready = await probe(url, "/ready");
    expect(ready).toMatchObject({
      status: 503,
      body: { status: "unready", failed: ["draining"], checks: { store: { ok: true } } },
    });
    expect((await probe(url, "/health")).status).toBe(200);

    // No new room: workshops and solo games refused with a code the client can show.
    const refusal = await new Client(url).create("workshop", { teams: 2 }).then(
      () => null,
      (e: Error) => e,
    );
    expect(refusal?.message).toMatch(/^server\.draining: /);
    expect(errorKey(refusal)).toBe("error.server.draining");
    await expectJoinRefused(new Client(url).create("solo", { name: "Zoé" }), "server.draining");
    const raw = await fetch(`${url}/matchmake/create/solo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect([raw.status, raw.headers.get("retry-after")]).toEqual([503, "5"]);
    // A stored game is not rebuilt on a process about to stop: its learner tries again later.
    await expectJoinRefused(
      new Client(url).joinById(solo.code, { name: solo.seat.name, seatToken: solo.seat.token }),
      "server.draining",
    );
    expect(app.deps.live.has(solo.code)).toBe(false);

    // The live workshop is handed over: its clients are told to come back (4001, "the server
    // closed the room on purpose"), and a newcomer is sent on to try again.
    await waitFor(() => left.length === 1, 5000, "Ana told to come back");
    expect(left).toEqual([4001]);
    await waitFor(() => !app.deps.live.has(fac.code), 5000, "the workshop handed over");
    await expectJoinRefused(new Client(url).joinById(fac.code, { name: "Ben" }), "server.draining");

    // The other hooks run after the hand-over, in order, a failing one not stopping the next.
    await waitFor(() => ran.length === 1, 5000, "the first hook");
    expect(liveDuringHooks).toBe(false);
    release();
    await drained;
    expect(ran).toEqual(["first", "second", "third"]);
    await expect(fetch(`${url}/health`)).rejects.toThrow();

    // The next process on the same store reopens the workshop with everything acknowledged.
    const next = await startTestServer({ dataDir: first.dataDir });
    cleanups.push(() => next.app.close());
    expect(next.app.restored).toContain(fac.code);
    const reopened = next.app.deps.live.get(fac.code);
    expect(reopened?.session.teams.get("t1")?.name).toBe("Les Lynx");
  });
});
