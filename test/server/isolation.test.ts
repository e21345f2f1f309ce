/**
 * One failure stays one failure. An exception thrown half-way through applying an action (here
 * injected into the rename rule, which leaves the name changed before it throws) is answered
 * with `server.error` and leaves state, log and sequence as they were — the room rebuilds
 * itself from its log — while a workshop whose write shared the same group commit goes on.
 * In the store, one workshop's bad write fails only that workshop's writes.
 */
import Database from "better-sqlite3";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionHash } from "../../server/session/hash";
import type * as Roster from "../../server/session/roster";
import { SqliteStore } from "../../server/store/sqlite";
import type { Ack, ErrorMessage } from "../../shared/index";
import { createWorkshop, expectRefused, joinAs, request, waitFor } from "../helpers/clients";
import { startTestServer, tempDataDir, type TestServer } from "../helpers/server";
import { FACILITATOR, workshopHarness } from "../helpers/session";

// The fault: renaming a team to "Kaboom" half-applies, then throws (a bug in a rule, say).
vi.mock("../../server/session/roster", async (importOriginal) => {
  const real = await importOriginal<typeof Roster>();
  return {
    ...real,
    planRename: (...args: Parameters<typeof real.planRename>) => {
      const planned = real.planRename(...args);
      const [state, teamId, name] = args;
      if (!planned.ok || name !== "Kaboom") return planned;
      return {
        ok: true,
        commit: () => {
          const team = state.teams.get(teamId);
          if (team) team.name = "Kaboom";
          state.seq += 7;
          throw new TypeError("injected fault");
        },
      };
    },
  };
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function server(dataDir?: string): Promise<TestServer> {
  const s = await startTestServer({ ...(dataDir ? { dataDir } : {}) });
  cleanups.push(() => s.app.close());
  return s;
}

const session = (s: TestServer, code: string) => {
  const live = s.app.deps.live.get(code);
  if (!live) throw new Error(`${code} is not live`);
  return live.session;
};

describe("an exception while applying one action", () => {
  it("changes nothing, answers server.error, and leaves other workshops alone", async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let s = await server(dataDir);
    const a = await createWorkshop(s.url, { teams: 2, years: 1, seed: "a" });
    const b = await createWorkshop(s.url, { teams: 2, years: 1, seed: "b" });
    const ana = await joinAs(s.url, a.code, { name: "Ana" });
    for (const r of [a.room, b.room, ana.room]) r.reconnection.enabled = false;
    await request(a.room, "team.rename", { teamId: "t1", name: "Les Lynx" });
    const before = sessionHash(session(s, a.code));
    const seq = session(s, a.code).seq;

    // Both in the same event-loop turn, so their writes would share one group commit.
    const [kaboom, other] = await Promise.allSettled([
      a.room.request("team.rename", { teamId: "t2", name: "Kaboom" }),
      b.room.request("team.rename", { teamId: "t1", name: "Les Ours" }),
    ]);
    expect(kaboom.status).toBe("rejected");
    const reason = (kaboom as PromiseRejectedResult).reason as { reason: ErrorMessage };
    expect(reason.reason.code).toBe("server.error");
    expect(other.status).toBe("fulfilled");

    expect(sessionHash(session(s, a.code))).toBe(before);
    expect(session(s, a.code).seq).toBe(seq);
    await waitFor(() => a.room.state.teams.get("t2")?.name !== "Kaboom", 2000, "view unchanged");
    // The room goes on: the next action takes the next sequence number.
    const ack = await request<Ack>(a.room, "team.rename", { teamId: "t2", name: "Les Ours" });
    expect(ack.seq).toBe(seq + 1);
    await request(ana.room, "team.join", { teamId: "t2" });
    expect(b.room.connection.isOpen).toBe(true);
    expect(session(s, b.code).teams.get("t1")?.name).toBe("Les Ours");

    // A restart rebuilds exactly the live state: the failed action never reached the log.
    await Promise.all([a.room.leave(), b.room.leave(), ana.room.leave()]);
    // Ana left the lobby for good: that is logged too.
    await waitFor(() => session(s, a.code).players.size === 0, 2000, "Ana's leave");
    const hashes = [a.code, b.code].map((code) => sessionHash(session(s, code)));
    await s.app.close();
    cleanups.splice(0, cleanups.length - 1); // keep only the folder's cleanup
    s = await server(dataDir);
    expect([a.code, b.code].map((code) => sessionHash(session(s, code)))).toEqual(hashes);
  });

  it("a refused plain message gets an error message and the client stays connected", async () => {
    const s = await server();
    const a = await createWorkshop(s.url, { teams: 2, years: 1 });
    a.room.reconnection.enabled = false;
    const errors: ErrorMessage[] = [];
    a.room.onMessage("error", (e: ErrorMessage) => errors.push(e));
    a.room.send("team.rename", { teamId: "t2", name: "Kaboom" });
    await waitFor(() => errors.length > 0, 2000, "error message");
    expect(errors[0]?.code).toBe("server.error");
    await expectRefused(
      a.room.request("team.rename", { teamId: "nope", name: "x" }),
      "team.unknown",
    );
    expect(a.room.connection.isOpen).toBe(true);
  });
});

describe("the store's group commit", () => {
  it("fails only the workshop whose write is bad", async () => {
    const dir = tempDataDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "elan.sqlite");
    const store = new SqliteStore(file);
    cleanups.push(() => store.close());
    const h = workshopHarness();
    for (const code of ["AAAAAA", "BBBBBB"]) {
      await store.create({
        code,
        kind: "workshop",
        config: h.config,
        facilitatorHash: "f",
        createdAt: 1,
      });
    }
    const start = { at: 1, by: FACILITATOR, action: { type: "game.start" } } as const;
    await store.append("AAAAAA", 1, start);
    // Someone else wrote AAAAAA's next row behind the store's back: its next write must fail.
    const intruder = new Database(file);
    intruder
      .prepare("INSERT INTO actions (code, seq, at, envelope) VALUES ('AAAAAA', 2, 1, '{}')")
      .run();
    intruder.close();

    const results = await Promise.allSettled([
      store.append("AAAAAA", 2, start),
      store.append("BBBBBB", 1, start),
      store.setStatus("BBBBBB", { phase: "briefing", turn: 0, endedAt: 0 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect((await store.load("BBBBBB"))?.log).toHaveLength(1);
    expect((await store.load("BBBBBB"))?.status.phase).toBe("briefing");
    expect(store.health().ok).toBe(true); // the last write went through

    // Gaps and repeats are refused before they reach the file.
    await expect(store.append("BBBBBB", 3, start)).rejects.toThrow(/expects 2/);
    await expect(store.append("BBBBBB", 1, start)).rejects.toThrow(/expects 2/);
    await store.append("BBBBBB", 2, start);
  });
});
