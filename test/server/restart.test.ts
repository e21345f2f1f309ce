/**
 * Persistence that survives a crash: the server runs as a child process, a workshop is played
 * into the middle of a decision phase, the process is killed with SIGKILL, and a new process
 * on the same store restores the workshop under the same code with the same state hash and
 * every acknowledged action; facilitator and participants take their seats back. Run on both
 * stores: the SQLite data folder, and a real PostgreSQL through DATABASE_URL.
 */
import { Client } from "@colyseus/sdk";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOfCode, sourceOfCode, unpackAllocation, type Ack } from "../../shared/index";
import {
  allocation,
  createWorkshop,
  joinAs,
  request,
  waitFor,
  type AnyRoom,
} from "../helpers/clients";
import { killAll, spawnServer } from "../helpers/process";
import { tempDataDir } from "../helpers/server";
import { startPostgres, type TestPostgres } from "../../server/cli/services/postgres";

const dataDir = tempDataDir();
const notAFolder = join(dataDir, "a-file");
writeFileSync(notAFolder, "");
let postgres: TestPostgres | undefined;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => {
  killAll();
  rmSync(dataDir, { recursive: true, force: true });
  postgres?.stop();
});

/**
 * The environment that picks each store (a fresh database each time for PostgreSQL). With
 * PostgreSQL the data folder is one nobody can write: were DATABASE_URL ignored, the server
 * would refuse to start instead of quietly using SQLite.
 */
const stores: { name: string; dir: string; env: () => Promise<Record<string, string>> }[] = [
  { name: "SQLite", dir: dataDir, env: async () => ({}) },
  {
    name: "PostgreSQL",
    dir: join(notAFolder, "data"),
    env: async () => {
      if (!postgres) throw new Error("PostgreSQL did not start");
      return { DATABASE_URL: await postgres.createDatabase() };
    },
  },
];

interface Fingerprint {
  stateHash: string;
  actions: number;
  log: unknown[];
}

async function fingerprint(url: string, code: string, token: string): Promise<Fingerprint> {
  const res = await fetch(`${url}/api/workshops/${code}/export?format=json`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await res.json()) as Fingerprint;
}

const quiet = (rooms: AnyRoom[]) => rooms.forEach((r) => (r.reconnection.enabled = false));

describe.each(stores)("a server killed mid-decision ($name)", ({ dir, env }) => {
  it("comes back with the same workshop, hash and log", async () => {
    const storeEnv = await env();
    const first = await spawnServer(dir, storeEnv);
    const fac = await createWorkshop(first.url, {
      teams: 3,
      years: 1,
      decisionSeconds: 600,
      seed: "crash",
    });
    const ana = await joinAs(first.url, fac.code, { name: "Ana" });
    const ben = await joinAs(first.url, fac.code, { name: "Ben" });
    quiet([fac.room, ana.room, ben.room]);
    await request(fac.room, "team.rename", { teamId: "t1", name: "Les Lynx" });
    await request(fac.room, "team.bot", { teamId: "t3", strategy: "adaptive" });
    await request(fac.room, "game.start");
    await request(fac.room, "phase.next");
    await request(ana.room, "allocation.submit", { allocation: allocation() });
    await request(fac.room, "phase.next");
    await request(fac.room, "phase.next");
    await request(fac.room, "event.inject", { eventId: "expertLeaves", teams: ["t2"] });
    await request(fac.room, "phase.next");
    await request(fac.room, "timer.extend", { seconds: 60 });
    await request(ana.room, "allocation.submit", {
      allocation: allocation({ support: 3, campaigns: 0 }),
    });
    const last = await request<Ack>(ben.room, "allocation.set", {
      allocation: allocation({ culture: 4, campaigns: 0 }),
    });
    const before = await fingerprint(first.url, fac.code, fac.token);
    expect(before.actions).toBe(last.seq);
    expect(before.log).toHaveLength(last.seq);

    await first.kill("SIGKILL");

    const second = await spawnServer(dir, storeEnv);
    const after = await fingerprint(second.url, fac.code, fac.token);
    expect(after.stateHash).toBe(before.stateHash);
    expect(after.actions).toBe(before.actions);
    expect(after.log).toEqual(before.log);

    // Everyone takes their seat back on the restored room, under the same code.
    const facAgain: AnyRoom = await new Client(second.url).joinById(fac.code, {
      facilitatorToken: fac.token,
    });
    const benAgain = await joinAs(second.url, fac.code, { name: "Ben", seatToken: ben.seat.token });
    quiet([facAgain, benAgain.room]);
    expect(benAgain.seat.playerId).toBe(ben.seat.playerId);
    await waitFor(
      () => benAgain.room.state.teams.get("t2")?.private?.draft.culture === 4,
      5000,
      "restored draft",
    );
    expect(benAgain.room.state.phase).toBe("decision");
    expect(benAgain.room.state.teams.get("t1").submitted).toBe(true);
    expect(benAgain.room.state.teams.get("t1").name).toBe("Les Lynx");
    await request(facAgain, "phase.next");
    await waitFor(() => benAgain.room.state.turn === 2, 5000, "quarter 2 resolved");
    const q2 = benAgain.room.state.teams.get("t2").history[1];
    // Names travel as one-byte codes, allocations packed (wireCodes.ts): the normaliser decodes.
    const events = q2.events.toArray().map(eventOfCode);
    const culture = unpackAllocation(q2.allocation).culture;
    expect([sourceOfCode(q2.decisionSource), culture, events]).toEqual([
      "draft",
      4,
      ["expertLeaves"],
    ]);
    expect(sourceOfCode(benAgain.room.state.teams.get("t3").history[1].decisionSource)).toBe("bot");
    await Promise.all([facAgain.leave(), benAgain.room.leave()]);
    await second.kill("SIGTERM");
  });
});
