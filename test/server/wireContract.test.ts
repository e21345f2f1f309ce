/**
 * The wire contract, end to end: a real server, real SDK clients wrapped in the client's own
 * `Session` (which decodes and normalises the state as the browser does), as facilitator,
 * participants and projector. At each step of a short game every client's view must equal the
 * server's own view of that connection built from the authoritative session (`viewOf`, from
 * roleView.ts), so a field added to the schema and not to the view, or to the view and not to
 * the schema, or a hidden part reaching the wrong seat, fails here.
 */
import { matchMaker } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { Session, type Identity } from "../../client/src/net/session";
import type { onServer, requestServer } from "../../client/src/net/wire";
import type { sendTo } from "../../server/rooms/send";
import type { SessionRoom } from "../../server/rooms/SessionRoom";
import type {
  Ack,
  ClockMessage,
  DebriefData,
  ErrorMessage,
  RoomView,
  SeatMessage,
  ServerMessages,
} from "../../shared/index";
import { SERVER_MESSAGE_TYPES } from "../../shared/index";
import {
  allocation,
  createWorkshop,
  joinAs,
  request,
  waitFor,
  type AnyRoom,
} from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

interface Seen {
  what: string;
  room: AnyRoom;
  session: Session;
}

function matches(actual: unknown, expected: unknown): boolean {
  try {
    expect(actual).toEqual(expected);
    return true;
  } catch {
    return false;
  }
}

describe("the wire contract", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("types both directions by one map", () => {
    expectTypeOf<Parameters<typeof sendTo<"seat">>[2]>().toEqualTypeOf<SeatMessage>();
    expectTypeOf<Parameters<typeof sendTo<"error">>[2]>().toEqualTypeOf<ErrorMessage>();
    expectTypeOf<Parameters<typeof onServer<"seat">>[2]>().toEqualTypeOf<
      (message: SeatMessage) => void
    >();
    expectTypeOf<
      Awaited<ReturnType<typeof requestServer<"clock">>>
    >().toEqualTypeOf<ClockMessage>();
    expectTypeOf<
      Awaited<ReturnType<typeof requestServer<"debrief.data">>>
    >().toEqualTypeOf<DebriefData>();
    expectTypeOf<Awaited<ReturnType<typeof requestServer<"game.start">>>>().toEqualTypeOf<Ack>();
    const everyType: Record<keyof ServerMessages, true> = {
      error: true,
      facilitator: true,
      seat: true,
      clock: true,
      "debrief.data": true,
      "results.reasons": true,
    };
    expect([...SERVER_MESSAGE_TYPES].sort()).toEqual(Object.keys(everyType).sort());
  });

  it("gives every role exactly the server's view of it, from the lobby to the debrief", async () => {
    const fac = await createWorkshop(server.url, {
      teams: 4,
      years: 1,
      decisionSeconds: 600,
      seed: "wire-contract",
    });
    const live = matchMaker.getLocalRoomById(fac.code) as SessionRoom;
    const people = [
      await joinAs(server.url, fac.code, { name: "Zoé" }),
      await joinAs(server.url, fac.code, { name: "Yann" }),
      await joinAs(server.url, fac.code, { name: "Xavier" }),
    ];
    const projector: AnyRoom = await new Client(server.url).joinById(fac.code, { projector: true });
    const wrap = (room: AnyRoom, identity: Omit<Identity, "code">) =>
      new Session(room, { ...identity, code: fac.code }, null);
    const seen: Seen[] = [
      {
        what: "facilitator",
        room: fac.room,
        session: wrap(fac.room, { role: "facilitator", playerId: "", name: "" }),
      },
      ...people.slice(0, 2).map((p) => ({
        what: `participant ${p.seat.name} (${p.seat.teamId})`,
        room: p.room,
        session: wrap(p.room, {
          role: "participant",
          playerId: p.seat.playerId,
          name: p.seat.name,
        }),
      })),
      {
        what: "projector",
        room: projector,
        session: wrap(projector, { role: "projector", playerId: "", name: "" }),
      },
    ];
    const [zoe, yann, xavier] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    expect(zoe.seat.teamId).not.toBe(yann.seat.teamId);

    let checks = 0;
    /** Waits for every client to catch up with the server, then holds each to its view. */
    const agree = async (step: string, check?: (view: RoomView) => void) => {
      const expected = (s: Seen) => live.viewOf(s.room.sessionId);
      await waitFor(
        () => seen.every((s) => s.session.view !== null && matches(s.session.view, expected(s))),
        3000,
        `every client at "${step}"`,
      ).catch(() => undefined);
      for (const s of seen) {
        const view = expected(s);
        expect(view, `${s.what} is seated`).toBeDefined();
        expect(s.session.view, `${s.what} at "${step}"`).toEqual(view);
        check?.(view as RoomView);
      }
      checks++;
    };
    const facView = () => live.viewOf(fac.room.sessionId) as RoomView;

    // A poke to the state so every session (attached after the first state) decodes one.
    await request(fac.room, "team.rename", { teamId: zoe.seat.teamId, name: "Les Lynx" });
    await agree("lobby");

    const started = await request<Ack>(fac.room, "game.start", {});
    expect(started.botTeams?.length).toBe(1);
    await agree("briefing", (v) => expect(Object.values(v.teams).some((t) => t.bot)).toBe(true));
    // Once the game runs, a participant who leaves keeps their seat, shown as away.
    await xavier.room.leave(true);
    await agree("a participant left", (v) => {
      expect(v.players[xavier.seat.playerId]?.connected).toBe(false);
    });
    await request(fac.room, "event.inject", { eventId: "badBuzz" });
    await request(fac.room, "phase.next", {});
    await agree("decision", (v) => expect(v.event).toContain("badBuzz"));
    await request(fac.room, "timer.pause", {});
    await agree("paused", (v) => expect(v.remainingMs).toBeGreaterThan(0));
    await request(fac.room, "timer.resume", {});

    await request(zoe.room, "allocation.adjust", { bucket: "culture", delta: 2 });
    await agree("a draft", (v) => {
      const mine = v.teams[zoe.seat.teamId];
      if (mine?.private) expect(mine.private.draft.culture).toBe(2);
    });
    await request(zoe.room, "allocation.submit", { allocation: allocation() });
    await agree("one team submitted");
    await request(yann.room, "allocation.submit", {
      allocation: allocation({ campaigns: 4, longTerm: 0 }),
    });
    await agree("two teams submitted, one away");
    await request(fac.room, "phase.next", {});
    await agree("results of quarter 1", (v) => {
      expect(v.teams[zoe.seat.teamId]?.history).toHaveLength(1);
      expect(v.event).toContain("badBuzz");
    });

    // The other quarters on the facilitator's word: drafts and defaults are played for them.
    await request(fac.room, "pacing.set", { pacing: "facilitator" });
    while (facView().phase !== "debrief") {
      const { phase, turn } = facView();
      if (phase === "decision" && turn === 1) {
        await request(yann.room, "allocation.set", {
          allocation: allocation({ support: 3, campaigns: 0 }),
        });
      }
      await request(fac.room, "phase.next", {});
      await agree(`${facView().phase} after quarter ${turn}`);
    }
    const sources = Object.values(facView().teams).flatMap((t) =>
      t.history.map((h) => h.decisionSource),
    );
    expect(new Set(sources)).toEqual(new Set(["submitted", "draft", "default", "bot"]));

    await request(zoe.room, "debrief.predict", { lever: "culture" });
    await agree("a team answered", (v) => {
      const team = v.teams[zoe.seat.teamId];
      expect(team?.predicted).toBe(true);
      expect(team?.prediction).toBe("");
      if (team?.private) expect(team.private.prediction).toBe("culture");
    });
    await request(fac.room, "debrief.reveal", {});
    await request(fac.room, "debrief.show", { view: "levers", team: zoe.seat.teamId });
    await agree("answers revealed, one team on the projector", (v) => {
      expect(v.revealed).toBe(true);
      expect(v.teams[zoe.seat.teamId]?.prediction).toBe("culture");
      expect([v.show, v.showTeam]).toEqual(["levers", zoe.seat.teamId]);
    });
    await request(fac.room, "game.end", {});
    await agree("ended", (v) => expect(v.phase).toBe("ended"));
    expect(checks).toBeGreaterThan(10);

    // Who saw which hidden parts: the facilitator every team's, a member only their own.
    const privateTeams = (s: Seen) =>
      Object.values(s.session.view?.teams ?? {})
        .filter((t) => t.private)
        .map((t) => t.id);
    expect(privateTeams(seen[0]!)).toEqual(Object.keys(facView().teams));
    expect(privateTeams(seen[1]!)).toEqual([zoe.seat.teamId]);
    expect(privateTeams(seen[3]!)).toEqual([]);

    for (const s of seen) await s.session.leave();
  });
});
