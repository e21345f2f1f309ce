/**
 * Issue 7, part 2: whoever gets a full state late in a big game decodes the whole, correct
 * board. Real server, real SDK clients: 8 teams × 16 players × 16 quarters, and the longest game
 * the options allow (8 teams × 64 participants × 40 quarters, a full state of ~130 kB). At
 * several quarters a brand-new participant joins, one reclaims a seat with its token from a new
 * client, one drops (close 4010) and is brought back by the SDK's auto-reconnect, and the
 * facilitator comes back with the facilitator token. Each of their decoded states must equal the
 * state of a long-connected client of the same role and team, with no decode error logged.
 *
 * Past 16 kB of state, @colyseus/core 0.18.17 sent such full states with the shared part cut
 * and zero-filled (server/rooms/fullState.ts): `"refId" not found`, no players, phantom teams.
 */
import { Client } from "@colyseus/sdk";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import {
  allocation,
  createWorkshop,
  joinAs,
  request,
  waitFor,
  type AnyRoom,
  type Facilitator,
  type Participant,
} from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
let logged: { error: MockInstance; warn: MockInstance };
beforeAll(async () => {
  // The facilitator drives quarters as fast as the server answers: no rate limit here.
  server = await startTestServer({ rateLimit: { burst: 1000, perSecond: 1000 } });
  // Pass-through spies: the SDK's decode errors and the server's schema warnings land here.
  logged = { error: vi.spyOn(console, "error"), warn: vi.spyOn(console, "warn") };
});
afterAll(async () => {
  logged.error.mockRestore();
  logged.warn.mockRestore();
  await server.close();
});

const text = (args: unknown[]) => args.map(String).join(" ");
/** Console errors and warnings about decoding or schema, except schema's buffer-size notice. */
const decodeErrors = () =>
  [...logged.error.mock.calls, ...logged.warn.mock.calls]
    .map(text)
    .filter((line) => /refId|decode|schema/i.test(line) && !/buffer overflow/.test(line));
const overflowWarnings = () =>
  logged.warn.mock.calls.map(text).filter((line) => /buffer overflow/.test(line)).length;

/** The decoded state as plain data (undefined fields dropped, as in JSON). */
const plain = (room: AnyRoom): unknown => JSON.parse(JSON.stringify(room.state.toJSON()));

/** Waits for `room` to settle on `witness`'s view, then checks they are deep-equal. */
async function expectSameView(room: AnyRoom, witness: AnyRoom, what: string): Promise<void> {
  await waitFor(() => isDeepStrictEqual(plain(room), plain(witness)), 3000, what).catch(() => {});
  expect(plain(room), what).toEqual(plain(witness));
  expect(decodeErrors(), what).toEqual([]);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Game {
  fac: Facilitator;
  teamIds: string[];
  people: Participant[];
  /** One long-connected participant per team, never dropped nor replaced. */
  witness: Map<string, Participant>;
}

/** A member of `teamId` other than its witness (the most recent one). */
function memberToDisturb(game: Game, teamId: string): Participant {
  const witness = game.witness.get(teamId);
  const member = game.people.filter((p) => p.seat.teamId === teamId && p !== witness).at(-1);
  if (!member) throw new Error(`team ${teamId} has no member besides its witness`);
  return member;
}

/** A late join, a seat-token rejoin, an SDK auto-reconnect and a facilitator rejoin. */
async function checkFullStates(game: Game, quarter: number, round: number): Promise<void> {
  const { fac, teamIds, people } = game;
  const code = fac.code;
  const witnesses = [fac.room, ...[...game.witness.values()].map((p) => p.room)];
  await waitFor(
    () => witnesses.every((r) => r.state.turn === quarter && r.state.phase === "results"),
    5000,
    `results of quarter ${quarter}`,
  );
  // The long-connected views are whole (patches were never affected).
  expect(fac.room.state.teams.size).toBe(teamIds.length);
  expect(fac.room.state.players.size).toBe(people.length);
  for (const id of teamIds) expect(fac.room.state.teams.get(id).history.length).toBe(quarter);
  const overflowBefore = overflowWarnings();

  const late = await joinAs(server.url, code, { name: `Late ${quarter}` });
  people.push(late);
  await expectSameView(
    late.room,
    game.witness.get(late.seat.teamId)!.room,
    `late join at quarter ${quarter} (team ${late.seat.teamId})`,
  );

  const rejoinTeam = teamIds[round % teamIds.length]!;
  const leaving = memberToDisturb(game, rejoinTeam);
  const back = await joinAs(server.url, code, {
    name: leaving.seat.name,
    seatToken: leaving.seat.token,
  });
  expect(back.seat.playerId).toBe(leaving.seat.playerId);
  people[people.indexOf(leaving)] = back;
  await expectSameView(
    back.room,
    game.witness.get(rejoinTeam)!.room,
    `seat-token rejoin at quarter ${quarter} (team ${rejoinTeam})`,
  );

  const dropTeam = teamIds[(round + 1) % teamIds.length]!;
  const dropped = memberToDisturb(game, dropTeam).room;
  dropped.reconnection.minUptime = 100;
  const reconnected = new Promise<void>((resolve) => dropped.onReconnect(() => resolve()));
  // As client/src/net/session.ts simulateDrop: 4010 is "may try to reconnect".
  dropped.connection.close(4010, "simulated drop");
  await withTimeout(reconnected, 5000, "SDK auto-reconnect");
  await expectSameView(
    dropped,
    game.witness.get(dropTeam)!.room,
    `auto-reconnect at quarter ${quarter} (team ${dropTeam})`,
  );

  const facilitator: AnyRoom = await new Client(server.url).joinById(code, {
    facilitatorToken: fac.token,
  });
  facilitator.onMessage("facilitator", () => {});
  await expectSameView(facilitator, fac.room, `facilitator rejoin at quarter ${quarter}`);
  await facilitator.leave();

  // Schema notes once that a room's state outgrew its buffer, never on every full state.
  expect(overflowWarnings() - overflowBefore).toBeLessThanOrEqual(1);
}

async function play(options: { teams: number; players: number; years: number; checkAt: number[] }) {
  const fac = await createWorkshop(server.url, {
    teams: options.teams,
    years: options.years,
    decisionSeconds: 0,
    seed: "latejoin",
    language: "en",
  });
  const people: Participant[] = [];
  for (let first = 0; first < options.players; first += 8) {
    const batch = Array.from({ length: Math.min(8, options.players - first) }, (_, k) =>
      joinAs(server.url, fac.code, { name: `Player ${first + k + 1}` }),
    );
    people.push(...(await Promise.all(batch)));
  }
  const teamIds = [...new Set(people.map((p) => p.seat.teamId))].sort();
  expect(teamIds).toHaveLength(options.teams);
  const witness = new Map(teamIds.map((id) => [id, people.find((p) => p.seat.teamId === id)!]));
  const game: Game = { fac, teamIds, people, witness };
  await waitFor(() => fac.room.state.players.size === options.players, 5000, "every player");

  await request(fac.room, "game.start");
  const quarters = options.years * 4;
  for (let quarter = 1; quarter <= quarters; quarter++) {
    await request(fac.room, "phase.next"); // briefing → decision
    const round = options.checkAt.indexOf(quarter);
    if (round >= 0) {
      // Something in a team's hidden part: a draft, seen by its members and the facilitator.
      const drafter = game.witness.get(teamIds[round % teamIds.length]!)!.room;
      await request(drafter, "allocation.set", {
        allocation: allocation({ culture: 3, campaigns: quarter % 2 }),
      });
    }
    await request(fac.room, "phase.next"); // decision → results (drafts or defaults)
    if (round >= 0) await checkFullStates(game, quarter, round);
    if (quarter < quarters) await request(fac.room, "phase.next"); // results → briefing
  }

  expect(decodeErrors()).toEqual([]);
  for (const room of [fac.room, ...people.map((p) => p.room)]) {
    room.reconnection.enabled = false;
    await room.leave().catch(() => {});
  }
}

describe("full states late in big games", () => {
  it("8 teams × 16 players × 16 quarters: joins, rejoins and reconnects at quarters 1, 6, 11, 16", async () => {
    await play({ teams: 8, players: 16, years: 4, checkAt: [1, 6, 11, 16] });
  });

  it("the longest game, 8 teams × 64 participants × 40 quarters: the same at quarters 20 and 40", async () => {
    await play({ teams: 8, players: 62, years: 10, checkAt: [20, 40] });
  });
});
