/**
 * `debrief.show`: the facilitator picks what the projector shows during the debrief. Checked in
 * the session rules (role, phase, view, team; every refusal leaves the hash and the log as they
 * were; the log replays to the same pick) and with the real server and SDK clients (the
 * projector receives the pick; a participant and bad payloads are refused; the pick survives a
 * server restart on the same data folder).
 */
import { Client } from "@colyseus/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { sessionHash } from "../../server/session/hash";
import { replaySession } from "../../server/session/session";
import type { Actor, SessionAction } from "../../server/session/types";
import {
  allocation,
  createWorkshop,
  expectRefused,
  joinAs,
  request,
  waitFor,
  type AnyRoom,
} from "../helpers/clients";
import { startTestServer, tempDataDir, type TestServer } from "../helpers/server";
import { FACILITATOR, player, workshopHarness, type Harness } from "../helpers/session";

function toDebrief(): Harness {
  const h = workshopHarness({ teams: 2, years: 1, decisionSeconds: 0 });
  h.join("pa");
  h.join("pb");
  h.act(FACILITATOR, { type: "game.start" });
  for (let q = 0; q < 4; q++) {
    h.act(FACILITATOR, { type: "phase.next" });
    h.act(player("pa"), { type: "allocation.submit", allocation: allocation() });
    h.act(player("pb"), { type: "allocation.submit", allocation: allocation() });
    h.act(FACILITATOR, { type: "phase.next" });
    h.act(FACILITATOR, { type: "phase.next" });
  }
  expect(h.state.phase).toBe("debrief");
  return h;
}

function expectRefusal(h: Harness, by: Actor, action: SessionAction, code: string): void {
  const before = sessionHash(h.state);
  const logged = h.log.length;
  expect(h.act(by, action)?.code).toBe(code);
  expect(sessionHash(h.state)).toBe(before);
  expect(h.log.length).toBe(logged);
}

describe("debrief.show in the session rules", () => {
  it("is the facilitator's, during the debrief and after the end only", () => {
    const h = workshopHarness({ teams: 2, years: 1, decisionSeconds: 0 });
    h.join("pa");
    const show: SessionAction = { type: "debrief.show", view: "trajectories" };
    expectRefusal(h, FACILITATOR, show, "phase.wrong");
    h.act(FACILITATOR, { type: "game.start" });
    expectRefusal(h, FACILITATOR, show, "phase.wrong");
    const d = toDebrief();
    expectRefusal(d, player("pa"), show, "role.not_facilitator");
    expect(d.act(FACILITATOR, show)).toBeNull();
    expect(d.state.show).toEqual({ view: "trajectories", team: "" });
    d.act(FACILITATOR, { type: "phase.next" });
    expect(d.state.phase).toBe("ended");
    expect(d.act(FACILITATOR, { type: "debrief.show", view: "podium" })).toBeNull();
    expect(d.state.show).toEqual({ view: "podium", team: "" });
  });

  it("refuses an unknown team, and a team on a room-wide screen, changing nothing", () => {
    const h = toDebrief();
    h.act(FACILITATOR, { type: "debrief.show", view: "levers", team: "t2" });
    for (const team of ["t9", "__proto__", "constructor", ""]) {
      expectRefusal(h, FACILITATOR, { type: "debrief.show", view: "luck", team }, "team.unknown");
    }
    expectRefusal(
      h,
      FACILITATOR,
      { type: "debrief.show", view: "podium", team: "t1" },
      "message.invalid",
    );
    expect(h.state.show).toEqual({ view: "levers", team: "t2" });
  });

  it("replays from the log to the same pick and hash", () => {
    const h = toDebrief();
    h.act(FACILITATOR, { type: "debrief.show", view: "whatif", team: "t1" });
    const other = toDebrief();
    other.act(FACILITATOR, { type: "debrief.show", view: "whatif", team: "t2" });
    expect(sessionHash(other.state)).not.toBe(sessionHash(h.state));
    const replayed = replaySession(h.config, h.log);
    expect(replayed.show).toEqual({ view: "whatif", team: "t1" });
    expect(sessionHash(replayed)).toBe(sessionHash(h.state));
  });
});

describe("debrief.show on a real server", () => {
  const dataDir = tempDataDir();
  let second: TestServer | null = null;
  afterAll(async () => {
    await second?.close();
  });

  it("reaches the projector, refuses what it must, and survives a restart", async () => {
    const first = await startTestServer({ dataDir });
    const fac = await createWorkshop(first.url, { teams: 2, years: 1, decisionSeconds: 0 });
    const ana = await joinAs(first.url, fac.code, { name: "Ana" });
    const ben = await joinAs(first.url, fac.code, { name: "Ben" });
    const projector: AnyRoom = await new Client(first.url).joinById(fac.code, { projector: true });
    const rooms = [fac.room, ana.room, ben.room, projector];
    rooms.forEach((r) => (r.reconnection.enabled = false));

    await expectRefused(fac.room.request("debrief.show", { view: "podium" }), "phase.wrong");
    await request(fac.room, "game.start");
    for (let q = 0; q < 4; q++) {
      await request(fac.room, "phase.next");
      await request(ana.room, "allocation.submit", { allocation: allocation() });
      await request(ben.room, "allocation.submit", { allocation: allocation() });
      await request(fac.room, "phase.next");
      await request(fac.room, "phase.next");
    }
    await waitFor(() => projector.state.phase === "debrief", 5000, "debrief");
    expect(projector.state.show).toBe("");

    await request(fac.room, "debrief.show", { view: "luck", team: "t2" });
    await waitFor(() => projector.state.show === "luck", 5000, "projector follows");
    expect(projector.state.showTeam).toBe("t2");

    await expectRefused(
      ana.room.request("debrief.show", { view: "podium" }),
      "role.not_facilitator",
    );
    await expectRefused(fac.room.request("debrief.show", { view: "gossip" }), "message.invalid");
    await expectRefused(
      fac.room.request("debrief.show", { view: "luck", team: "t7" }),
      "team.unknown",
    );
    await expectRefused(
      fac.room.request("debrief.show", { view: "verdict", team: "t1" }),
      "message.invalid",
    );
    await expectRefused(
      fac.room.request("debrief.show", { view: "luck", extra: 1 }),
      "message.invalid",
    );
    const last = await request<{ seq: number }>(fac.room, "debrief.show", {
      view: "attribution",
      team: "t1",
    });
    await waitFor(() => projector.state.show === "attribution", 5000, "second pick");
    expect(projector.state.showTeam).toBe("t1");
    expect(last.seq).toBeGreaterThan(0);

    await Promise.all(rooms.map((r) => r.leave()));
    await first.app.close();
    second = await startTestServer({ dataDir });
    const again: AnyRoom = await new Client(second.url).joinById(fac.code, { projector: true });
    again.reconnection.enabled = false;
    await waitFor(() => again.state.phase === "debrief", 5000, "restored");
    expect([again.state.show, again.state.showTeam]).toEqual(["attribution", "t1"]);
    await again.leave();
  });
});
