/**
 * The bad-input matrix over the real server: every refusal answers a stable code (an `error`
 * message, a rejected request, or a join error) and leaves the workshop's state hash and
 * action count unchanged; the refused client stays connected.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACILITATOR_MESSAGES, type ErrorMessage } from "../../shared/index";
import {
  allocation,
  createWorkshop,
  expectJoinRefused,
  expectRefused,
  joinAs,
  request,
  waitFor,
  type AnyRoom,
  type Facilitator,
  type Participant,
} from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
let fac: Facilitator;
let ana: Participant;
let ben: Participant;

beforeAll(async () => {
  server = await startTestServer();
  fac = await createWorkshop(server.url, { teams: 2, years: 1, decisionSeconds: 600 });
  ana = await joinAs(server.url, fac.code, { name: "Ana" });
  ben = await joinAs(server.url, fac.code, { name: "Ben" });
});
afterAll(() => server.close());

async function fingerprint(): Promise<{ stateHash: string; actions: number }> {
  const res = await fetch(`${server.url}/api/workshops/${fac.code}/export?format=json`, {
    headers: { authorization: `Bearer ${fac.token}` },
  });
  const body = (await res.json()) as { stateHash: string; actions: number };
  return { stateHash: body.stateHash, actions: body.actions };
}

/** Runs refusals and checks that none of them changed anything. */
async function unchanged(run: () => Promise<void>): Promise<void> {
  const before = await fingerprint();
  await run();
  expect(await fingerprint()).toEqual(before);
}

async function sendRefused(
  p: { room: AnyRoom; errors: ErrorMessage[] },
  type: string,
  payload: unknown,
  code: string,
) {
  const seen = p.errors.length;
  p.room.send(type, payload);
  await waitFor(() => p.errors.length > seen, 5000, `error for ${type}`);
  expect(p.errors[seen]?.code).toBe(code);
}

const FACILITATOR_PAYLOADS: Record<string, object> = {
  "timer.extend": { seconds: 60 },
  "event.inject": { eventId: "badBuzz" },
  "team.rename": { teamId: "t1", name: "Pirates" },
  "player.move": { playerId: "x", teamId: "t2" },
  "team.bot": { teamId: "t2", strategy: "buzz" },
  "pacing.set": { pacing: "auto" },
  "debrief.show": { view: "podium" },
};

describe("bad input over the wire", () => {
  it("refuses unknown, malformed and oversized messages, keeping the sender connected", async () => {
    await unchanged(async () => {
      await sendRefused(ana, "cheat.win", { now: true }, "message.unknown");
      await expect(ana.room.request("cheat.win", {})).rejects.toThrow(/no onMessage/);
      await sendRefused(ana, "allocation.set", "garbage", "message.invalid");
      await sendRefused(
        ana,
        "allocation.set",
        { allocation: allocation(), teamId: "t2" },
        "message.invalid",
      );
      await expectRefused(ana.room.request("team.join", { teamId: 42 }), "message.invalid");
      await expectRefused(
        fac.room.request("team.rename", { teamId: "t1", name: "é".repeat(1500) }),
        "message.too_large",
      );
    });
    expect(ana.room.connection.isOpen).toBe(true);
  });

  it("refuses every facilitator action from a participant and from the projector", async () => {
    const projector: AnyRoom = await new Client(server.url).joinById(fac.code, { projector: true });
    await unchanged(async () => {
      for (const type of FACILITATOR_MESSAGES) {
        await expectRefused(
          ana.room.request(type, FACILITATOR_PAYLOADS[type] ?? {}),
          "role.not_facilitator",
        );
        await expectRefused(
          projector.request(type, FACILITATOR_PAYLOADS[type] ?? {}),
          "role.not_facilitator",
        );
      }
      await expectRefused(projector.request("team.join", { teamId: "t1" }), "team.not_member");
      await expectRefused(
        fac.room.request("allocation.set", { allocation: allocation() }),
        "team.not_member",
      );
    });
    await projector.leave();
  });

  it("refuses actions in the wrong phase and bad allocations", async () => {
    await unchanged(async () => {
      await expectRefused(
        ana.room.request("allocation.set", { allocation: allocation() }),
        "phase.wrong",
      );
      await expectRefused(fac.room.request("timer.pause"), "phase.wrong");
      await expectRefused(fac.room.request("phase.next"), "phase.wrong");
      await expectRefused(ana.room.request("debrief.data"), "debrief.not_yet");
    });
    await request(fac.room, "game.start");
    await request(fac.room, "phase.next");
    await waitFor(() => ana.room.state.phase === "decision", 5000, "decision");
    await unchanged(async () => {
      const bad: [Record<string, unknown>, string][] = [
        [{ culture: 1.5 }, "allocation.not_integer"],
        [{ culture: -1 }, "allocation.negative"],
        [{ culture: NaN }, "allocation.not_number"],
        [{ culture: "2" }, "allocation.not_number"],
        [{ campaigns: 50 }, "allocation.over_budget"],
        [{ bribe: 1 }, "allocation.unknown_key"],
      ];
      for (const [over, code] of bad) {
        await expectRefused(
          ana.room.request("allocation.submit", { allocation: { ...allocation(), ...over } }),
          code,
        );
      }
      await expectRefused(ana.room.request("team.join", { teamId: "t2" }), "phase.wrong");
      await expectRefused(fac.room.request("timer.resume"), "timer.not_paused");
      await expectRefused(
        fac.room.request("team.bot", { teamId: "t2", strategy: "cheat" }),
        "bot.unknown_strategy",
      );
      await expectRefused(
        fac.room.request("team.bot", { teamId: "t2", strategy: "buzz" }),
        "team.has_humans",
      );
      await expectRefused(
        fac.room.request("event.inject", { eventId: "badBuzz", teams: ["t9"] }),
        "event.unknown_team",
      );
    });
    // Acting for another team is not even expressible: Ben's team keeps its own (empty) draft.
    expect(ben.room.state.teams.get("t2").private.draftBy).toBe("");
  });

  it("refuses bad joins with stable codes", async () => {
    await unchanged(async () => {
      await expectJoinRefused(
        new Client(server.url).joinById(fac.code, { facilitatorToken: "not-the-token" }),
        "join.bad_token",
      );
      await expectJoinRefused(
        new Client(server.url).joinById(fac.code, { name: "" }),
        "join.bad_name",
      );
      await expectJoinRefused(
        new Client(server.url).joinById(fac.code, { name: "x".repeat(25) }),
        "join.bad_name",
      );
      await expectJoinRefused(
        new Client(server.url).joinById(fac.code, { name: "a\u0000b" }),
        "join.bad_name",
      );
      await expectJoinRefused(
        new Client(server.url).joinById(fac.code, { name: "ana" }),
        "join.name_taken",
      );
      await expectJoinRefused(
        new Client(server.url).joinById(fac.code, { name: "Ana", seatToken: "stolen" }),
        "join.bad_token",
      );
      await expectJoinRefused(
        new Client(server.url).joinById(fac.code, { name: 5 }),
        "join.bad_options",
      );
      await expectJoinRefused(
        new Client(server.url).create("workshop", { teams: 9 }),
        "join.bad_options",
      );
    });
    const unknown = await new Client(server.url)
      .joinById("ZZZZZZ", { name: "Zoé" })
      .catch((e: { code: number }) => e);
    expect((unknown as { code: number }).code).toBe(522);
    const info = await fetch(`${server.url}/api/workshops/ZZZZZZ`);
    expect(info.status).toBe(404);
    expect(((await info.json()) as ErrorMessage).code).toBe("join.unknown_code");
    const wrongToken = await fetch(`${server.url}/api/workshops/${fac.code}/export?format=csv`, {
      headers: { authorization: "Bearer nope" },
    });
    expect([wrongToken.status, ((await wrongToken.json()) as ErrorMessage).code]).toEqual([
      403,
      "join.bad_token",
    ]);
    const badFormat = await fetch(`${server.url}/api/workshops/${fac.code}/export?format=xls`, {
      headers: { authorization: `Bearer ${fac.token}` },
    });
    expect([badFormat.status, ((await badFormat.json()) as ErrorMessage).code]).toEqual([
      400,
      "export.bad_format",
    ]);
  });

  it("lists the workshops of a facilitator who brings their own token", async () => {
    const own = "my-own-facilitator-secret";
    await expectJoinRefused(
      new Client(server.url).create("workshop", { facilitatorToken: "short" }),
      "join.bad_options",
    );
    const one = await createWorkshop(server.url, { facilitatorToken: own });
    const two = await createWorkshop(server.url, { facilitatorToken: own });
    expect([one.token, two.token]).toEqual([own, own]);
    const list = (await (
      await fetch(`${server.url}/api/workshops`, { headers: { authorization: `Bearer ${own}` } })
    ).json()) as { code: string }[];
    expect(list.map((w) => w.code).sort()).toEqual([one.code, two.code].sort());
    await Promise.all([one.room.leave(), two.room.leave()]);
  });

  it("refuses a join when the room is full", async () => {
    const full = await createWorkshop(server.url, { teams: 8 });
    const joined = await Promise.all(
      Array.from({ length: 64 }, (_, i) => joinAs(server.url, full.code, { name: `N${i}` })),
    );
    const rooms = joined.map((p) => p.room);
    await expectJoinRefused(
      new Client(server.url).joinById(full.code, { name: "Late" }),
      "join.full",
    );
    await Promise.all([...rooms, full.room].map((r) => r.leave()));
  });

  it("answers a flood with rate.limited and keeps the client", async () => {
    await unchanged(async () => {
      const seen = ben.errors.length;
      for (let i = 0; i < 80; i++) ben.room.send("timer.pause", {});
      await waitFor(() => ben.errors.length >= seen + 80, 5000, "80 answers");
      const codes = ben.errors.slice(seen).map((e) => e.code);
      expect(codes.filter((c) => c === "rate.limited").length).toBeGreaterThan(40);
      expect(new Set(codes)).toEqual(new Set(["role.not_facilitator", "rate.limited"]));
    });
    expect(ben.room.connection.isOpen).toBe(true);
  });

  it("closes a socket that sends a frame beyond the transport limit, changing nothing", async () => {
    const eve = await joinAs(server.url, fac.code, { name: "Eve" });
    await unchanged(async () => {
      const left = new Promise<number>((resolve) => eve.room.onLeave((code) => resolve(code)));
      eve.room.reconnection.enabled = false;
      eve.room.send("team.rename", { teamId: "t1", name: "x".repeat(20_000) });
      expect(await left).toBeGreaterThan(1000);
    });
  });
});
