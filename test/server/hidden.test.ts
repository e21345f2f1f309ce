/**
 * Hidden information, checked on the raw bytes: while one team co-edits and submits its
 * decision, a client of another team and the projector receive no state bytes for it (only
 * the public "submitted" flag), whereas the teammate and the facilitator do. After the reveal
 * the decision is public history. The debrief's answers ("which lever mattered most for us?")
 * are kept the same way until the facilitator reveals them, and a team's reasons (why its
 * gauges moved) reach only that team and the facilitator; the projector asks for every team's.
 */
import { Protocol } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  allocation,
  createWorkshop,
  expectRefused,
  joinAs,
  request,
  tapBytes,
  waitFor,
  type AnyRoom,
} from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";
import { Client } from "@colyseus/sdk";
import { reasonOfCode, unpackAllocation, type QuarterReasons } from "../../shared/index";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Resolves once every frame the server sent this client before now has arrived. */
const flush = (room: AnyRoom) => new Promise<void>((resolve) => room.ping(() => resolve()));
const stateFrames = (frames: Uint8Array[]) =>
  frames.filter((f) => f[0] === Protocol.ROOM_STATE || f[0] === Protocol.ROOM_STATE_PATCH);
/** State bytes past each frame's 1-byte header (an empty patch carries nothing). */
const stateBytes = (frames: Uint8Array[]) =>
  stateFrames(frames).reduce((n, f) => n + f.byteLength - 1, 0);
const secret = allocation({
  longTerm: 0,
  culture: 7,
  governance: 0,
  support: 0,
  recruitment: 0,
  strategy: 3,
  campaigns: 0,
});

/** Two teams: Alice and Anouk in t1, Bruno in t2, and a projector. */
async function seatRoom() {
  const fac = await createWorkshop(server.url, { teams: 2, years: 1, decisionSeconds: 0 });
  const a1 = await joinAs(server.url, fac.code, { name: "Alice" });
  const b1 = await joinAs(server.url, fac.code, { name: "Bruno" });
  const a2 = await joinAs(server.url, fac.code, { name: "Anouk" });
  const projector: AnyRoom = await new Client(server.url).joinById(fac.code, { projector: true });
  return { fac, a1, b1, a2, projector };
}

describe("hidden drafts and decisions", () => {
  it("never reach another team or the projector before the reveal", async () => {
    const { fac, a1, b1, a2, projector } = await seatRoom();
    expect([a1, b1, a2].map((p) => p.seat.teamId)).toEqual(["t1", "t2", "t1"]);
    await request(fac.room, "game.start");
    await request(fac.room, "phase.next");
    const everyone = [fac.room, a1.room, a2.room, b1.room, projector];
    await waitFor(() => everyone.every((r) => r.state.phase === "decision"), 5000, "decision");
    await Promise.all(everyone.map(flush));

    const tap = {
      b1: tapBytes(b1.room),
      projector: tapBytes(projector),
      a2: tapBytes(a2.room),
      fac: tapBytes(fac.room),
    };
    for (const culture of [5, 6, 7]) {
      await request(a1.room, "allocation.set", { allocation: { ...secret, culture } });
    }
    await waitFor(
      () => a2.room.state.teams.get("t1")?.private?.draft.culture === 7,
      5000,
      "teammate draft",
    );
    await waitFor(
      () => fac.room.state.teams.get("t1")?.private?.draft.culture === 7,
      5000,
      "facilitator draft",
    );
    await Promise.all([flush(b1.room), flush(projector)]);
    expect(stateBytes(tap.a2.frames)).toBeGreaterThan(0);
    expect(stateBytes(tap.fac.frames)).toBeGreaterThan(0);
    expect(stateBytes(tap.b1.frames)).toBe(0);
    expect(stateBytes(tap.projector.frames)).toBe(0);

    await request(a1.room, "allocation.submit", { allocation: secret });
    await waitFor(
      () => b1.room.state.teams.get("t1")?.submitted === true,
      5000,
      "public submitted flag",
    );
    await waitFor(
      () => a2.room.state.teams.get("t1")?.private?.decision.strategy === 3,
      5000,
      "teammate decision",
    );
    await Promise.all([flush(b1.room), flush(projector)]);
    const otherBytes = stateBytes(tap.b1.frames);
    const teammateBytes = stateBytes(tap.a2.frames);
    expect(otherBytes).toBeGreaterThan(0);
    expect(otherBytes).toBeLessThan(16); // the one boolean, nothing of the allocation
    expect(teammateBytes).toBeGreaterThan(otherBytes * 3);
    expect(stateBytes(tap.projector.frames)).toBe(otherBytes);
    for (const room of [b1.room, projector]) {
      expect(room.state.teams.get("t1")?.private).toBeUndefined();
      expect(room.state.teams.get("t1")?.history.length).toBe(0);
    }
    expect(b1.room.state.teams.get("t2")?.private?.submitted).toBe(false); // its own team, yes

    await request(fac.room, "phase.next"); // reveal
    await waitFor(() => b1.room.state.teams.get("t1")?.history.length === 1, 5000, "reveal");
    // Packed in one number on the wire (wireCodes.ts); the client's normaliser unpacks it.
    expect(unpackAllocation(b1.room.state.teams.get("t1")?.history[0].allocation)).toEqual(secret);
    expect(b1.room.state.teams.get("t1")?.private).toBeUndefined();

    // A player moved to another team sees that team's hidden part, and no longer the old one's.
    await request(fac.room, "phase.next"); // briefing of quarter 2
    await request(fac.room, "phase.next"); // decision
    await request(b1.room, "allocation.set", {
      allocation: allocation({ support: 3, campaigns: 0 }),
    });
    await request(fac.room, "player.move", { playerId: a2.seat.playerId, teamId: "t2" });
    await waitFor(
      () => a2.room.state.teams.get("t2")?.private?.draft.support === 3,
      5000,
      "new team's draft",
    );
    await flush(a2.room);
    const moved = tapBytes(a2.room);
    await request(a1.room, "allocation.set", {
      allocation: allocation({ recruitment: 3, campaigns: 0 }),
    });
    await waitFor(
      () => fac.room.state.teams.get("t1")?.private?.draft.recruitment === 3,
      5000,
      "t1 draft",
    );
    await flush(a2.room);
    expect(stateBytes(moved.frames)).toBe(0);
    expect(a2.room.state.teams.get("t1")?.private?.draft.recruitment).not.toBe(3);
    for (const room of [...everyone]) await room.leave();
  });

  it("keeps a team's debrief answer to its members and the facilitator until the reveal", async () => {
    const { fac, a1, b1, a2, projector } = await seatRoom();
    await request(fac.room, "game.start");
    for (let q = 0; q < 4; q++) {
      await request(fac.room, "phase.next");
      await request(a1.room, "allocation.submit", { allocation: secret });
      await request(b1.room, "allocation.submit", { allocation: allocation() });
      await request(fac.room, "phase.next");
      await request(fac.room, "phase.next");
    }
    const everyone = [fac.room, a1.room, a2.room, b1.room, projector];
    await waitFor(() => everyone.every((r) => r.state.phase === "debrief"), 5000, "debrief");
    await Promise.all(everyone.map(flush));

    const tap = { b1: tapBytes(b1.room), projector: tapBytes(projector), a2: tapBytes(a2.room) };
    await request(a1.room, "debrief.predict", { lever: "culture" });
    await request(a2.room, "debrief.predict", { lever: "support" }); // a teammate changes it
    await waitFor(
      () => fac.room.state.teams.get("t1")?.private?.prediction === "support",
      5000,
      "facilitator sees the answer",
    );
    await waitFor(
      () => b1.room.state.teams.get("t1")?.predicted === true,
      5000,
      "public answered flag",
    );
    await Promise.all([flush(a2.room), flush(projector)]);
    expect(a2.room.state.teams.get("t1")?.private?.prediction).toBe("support");
    const otherBytes = stateBytes(tap.b1.frames);
    expect(otherBytes).toBeGreaterThan(0);
    expect(otherBytes).toBeLessThan(16); // the one boolean, no lever name
    expect(stateBytes(tap.projector.frames)).toBe(otherBytes);
    expect(stateBytes(tap.a2.frames)).toBeGreaterThan(otherBytes);
    for (const room of [b1.room, projector]) {
      expect(room.state.teams.get("t1")?.prediction).toBe("");
      expect(room.state.teams.get("t1")?.private).toBeUndefined();
    }
    await expectRefused(b1.room.request("debrief.reveal"), "role.not_facilitator");

    await request(fac.room, "debrief.reveal");
    await waitFor(
      () => b1.room.state.teams.get("t1")?.prediction === "support",
      5000,
      "public after the reveal",
    );
    expect(projector.state.revealed).toBe(true);
    await expectRefused(
      a1.room.request("debrief.predict", { lever: "campaigns" }),
      "debrief.revealed",
    );
    for (const room of everyone) await room.leave();
  });

  it("keeps a team's reasons to its members and the facilitator; the projector asks for all", async () => {
    const { fac, a1, b1, a2, projector } = await seatRoom();
    await request(fac.room, "game.start");
    await request(fac.room, "phase.next");
    const everyone = [fac.room, a1.room, a2.room, b1.room, projector];
    await waitFor(() => everyone.every((r) => r.state.phase === "decision"), 5000, "decision");
    await Promise.all(everyone.map(flush));
    const tap = { b1: tapBytes(b1.room), projector: tapBytes(projector), a2: tapBytes(a2.room) };

    await request(a1.room, "allocation.submit", { allocation: secret });
    await request(b1.room, "allocation.submit", { allocation: allocation() });
    await request(fac.room, "phase.next"); // reveal
    /** A team's reasons as its private part carries them: codes (gauge and cause), values. */
    const reasonsOf = (room: AnyRoom, team: string) => {
      const hidden = room.state.teams.get(team)?.private;
      const values: number[] = [...(hidden?.reasonValues ?? [])];
      return [...(hidden?.reasonCodes ?? [])].map((code: number, i) => ({
        ...reasonOfCode(code),
        value: values[i]!,
      }));
    };
    await waitFor(
      () => reasonsOf(a2.room, "t1").length > 0 && reasonsOf(b1.room, "t2").length > 0,
      5000,
      "each team's own reasons",
    );
    await Promise.all(everyone.map(flush));
    const t1 = reasonsOf(fac.room, "t1");
    const t2 = reasonsOf(fac.room, "t2");
    expect(t1.length).toBeGreaterThan(0);
    expect(reasonsOf(a2.room, "t1")).toEqual(t1);
    for (const room of [b1.room, projector]) {
      expect(room.state.teams.get("t1")?.private).toBeUndefined();
      expect(room.state.teams.get("t1")?.history.length).toBe(1);
      expect(room.state.teams.get("t1")?.history[0].reasonCodes).toBeUndefined();
    }
    expect(projector.state.teams.get("t2")?.private).toBeUndefined();

    // On the raw bytes: each of t1's reason values (float32, little-endian) reaches the teammate
    // and never team t2's member or the projector.
    const has = (frames: Uint8Array[], needle: Uint8Array) =>
      stateFrames(frames).some((f) => Buffer.from(f).indexOf(Buffer.from(needle)) >= 0);
    const float32 = (v: number) => new Uint8Array(new Float32Array([v]).buffer);
    const own = new Set(t2.map((r) => r.value));
    const distinct = t1.map((r) => r.value).filter((v) => !own.has(v));
    expect(distinct.length).toBeGreaterThan(0);
    for (const value of distinct) {
      expect(has(tap.a2.frames, float32(value)), `teammate gets ${value}`).toBe(true);
      expect(has(tap.b1.frames, float32(value)), `t2 never gets ${value}`).toBe(false);
      expect(has(tap.projector.frames, float32(value)), `projector ${value}`).toBe(false);
    }

    // Every team's, on demand: for the projector and the facilitator, never a participant.
    await expectRefused(b1.room.request("results.reasons"), "role.not_facilitator");
    const asked = (await request(projector, "results.reasons")) as QuarterReasons;
    expect(asked.turn).toBe(1);
    expect(Object.keys(asked.teams)).toEqual(["t1", "t2"]);
    expect(asked.teams.t1).toEqual(t1);
    expect(await request(fac.room, "results.reasons")).toEqual(asked);
    for (const room of everyone) await room.leave();
  });
});
