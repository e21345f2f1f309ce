/**
 * The store contract, one suite run against both implementations (SQLite, and a real
 * PostgreSQL started for this file): records and logs, append before acknowledgement, group
 * commit, a gap-free log that a second writer cannot fork, replay equal to the live state,
 * listings by facilitator token, export through the HTTP API, finished workshops kept,
 * quarantine, health, and one workshop's failed write failing nobody else's.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sessionHash, sha256 } from "../../server/session/hash";
import { replaySession } from "../../server/session/session";
import type { Envelope } from "../../server/session/types";
import type { WorkshopRecord, WorkshopStore } from "../../server/store/store";
import { allocation } from "../helpers/clients";
import { FACILITATOR, player, workshopHarness, type Harness } from "../helpers/session";
import {
  postgresBackend,
  postgresStartMs,
  sqliteBackend,
  sqliteThreadBackend,
  type StoreLocation,
} from "../helpers/storeBackends";

const START: Envelope = { at: 1, by: FACILITATOR, action: { type: "game.start" } };

function recordOf(h: Harness, code: string, facilitatorHash = "f1", createdAt = 1): WorkshopRecord {
  return { code, kind: "workshop", config: h.config, facilitatorHash, createdAt };
}

/** A real session played through a year: joins, bots, drafts, submissions, an event. */
function playedYear(): Harness {
  const h = workshopHarness({ teams: 3, years: 1, seed: "contract" });
  h.join("pa", "Ana");
  h.join("pb", "Ben");
  h.act(FACILITATOR, { type: "team.bot", teamId: "t3", strategy: "adaptive" });
  h.act(FACILITATOR, { type: "game.start" });
  for (let q = 1; q <= 4; q++) {
    h.act(FACILITATOR, { type: "phase.next" });
    h.advance(5_000);
    h.act(player("pa"), { type: "allocation.set", allocation: allocation({ campaigns: q }) });
    h.act(player("pa"), { type: "allocation.submit", allocation: allocation({ support: q }) });
    if (q === 2) h.act(FACILITATOR, { type: "event.inject", eventId: "badBuzz", teams: ["t2"] });
    h.act(player("pb"), { type: "allocation.submit", allocation: allocation() });
    h.act(FACILITATOR, { type: "phase.next" });
    h.act(FACILITATOR, { type: "phase.next" });
  }
  return h;
}

/** Stores the harness's log as a room does: one append per action, in order, same turn. */
async function storeLog(store: WorkshopStore, code: string, log: readonly Envelope[]) {
  await Promise.all(log.map((envelope, i) => store.append(code, i + 1, envelope)));
}

const backends = [sqliteBackend, sqliteThreadBackend, postgresBackend];

describe.each(backends)("the $name store", (backend) => {
  let location: StoreLocation;
  let store: WorkshopStore;
  let started = 0;
  beforeAll(async () => {
    started = performance.now();
    await backend.setup();
  }, 60_000);
  afterAll(async () => {
    const pgStart = postgresStartMs();
    await backend.teardown();
    const extra =
      backend === postgresBackend ? ` (PostgreSQL start ${Math.round(pgStart ?? 0)} ms)` : "";
    const ms = Math.round(performance.now() - started);
    console.info(`[storeContract] ${backend.name}: ${ms} ms${extra}`);
  });
  afterEach(async () => {
    await location.cleanup();
  });
  const fresh = async () => {
    location = await backend.fresh();
    store = await location.open();
  };

  it("creates, appends and loads; a new instance reads the same", async () => {
    await fresh();
    const h = playedYear();
    await store.create(recordOf(h, "AAAAAA"));
    await storeLog(store, "AAAAAA", h.log);
    const other = await location.open();
    for (const reader of [store, other]) {
      const loaded = await reader.load("AAAAAA");
      expect(loaded?.record).toEqual(recordOf(h, "AAAAAA"));
      expect(loaded?.log).toEqual(h.log);
      expect(loaded?.status).toEqual({ phase: "lobby", turn: 0, endedAt: 0 });
      expect(await reader.exists("AAAAAA")).toBe(true);
      expect(await reader.exists("NOPE22")).toBe(false);
      expect(await reader.load("NOPE22")).toBeUndefined();
    }
  });

  it("counts a queued record as taken before it is written", async () => {
    await fresh();
    const created = store.create(recordOf(workshopHarness(), "QUEUED"));
    expect(await store.exists("QUEUED")).toBe(true);
    await created;
  });

  it("acknowledges an append only once a fresh connection sees its row", async () => {
    await fresh();
    await store.create(recordOf(workshopHarness(), "AAAAAA"));
    // Held: PostgreSQL's commit waits behind another session's lock on the table; SQLite's
    // synchronous write cannot wait, but happens only at the end of this turn.
    const held = await location.holdActions();
    let acked = false;
    const seen: number[] = [];
    const appended = store.append("AAAAAA", 1, START).then(async () => {
      acked = true;
      const rows = await location.sql("SELECT seq FROM actions WHERE code = 'AAAAAA'");
      seen.push(...rows.map((r) => Number(r.seq)));
    });
    expect(await held.visibleMeanwhile()).toEqual([]);
    expect(acked).toBe(false);
    await held.release();
    await appended;
    expect(seen).toEqual([1]);
  });

  it("commits the writes of one event-loop turn in one transaction, across workshops", async () => {
    await fresh();
    const h = workshopHarness();
    const codes = ["AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE"];
    await Promise.all(codes.map((code) => store.create(recordOf(h, code))));
    const commits: number[] = [];
    store.observeCommits((ms, rows) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      commits.push(rows);
    });
    const acks: Promise<void>[] = [];
    for (let seq = 1; seq <= 10; seq++) {
      for (const code of codes) acks.push(store.append(code, seq, { ...START, at: seq }));
    }
    await Promise.all(acks);
    expect(commits).toEqual([50]);
    const counts = await location.sql("SELECT code, COUNT(*) AS n FROM actions GROUP BY code");
    expect(counts.map((r) => Number(r.n))).toEqual([10, 10, 10, 10, 10]);
  });

  it("keeps a gap-free log: a second writer's repeated or skipped number fails loudly", async () => {
    await fresh();
    await store.create(recordOf(workshopHarness(), "AAAAAA"));
    await storeLog(store, "AAAAAA", [START, START]);
    const second = await location.open();
    await expect(second.append("AAAAAA", 2, START)).rejects.toThrow(/AAAAAA.*(2|expects 3)/);
    await expect(second.append("AAAAAA", 4, START)).rejects.toThrow(/AAAAAA/);
    await expect(second.append("AAAAAA", 0, START)).rejects.toThrow(/AAAAAA/);
    expect((await store.load("AAAAAA"))?.log).toHaveLength(2);
    // The second writer takes the next number; the first, unaware, is refused, not forked.
    await second.append("AAAAAA", 3, { ...START, at: 3 });
    await expect(store.append("AAAAAA", 3, { ...START, at: 33 })).rejects.toThrow(/AAAAAA/);
    const log = (await second.load("AAAAAA"))?.log;
    expect(log?.map((e) => e.at)).toEqual([1, 1, 3]);
    // Refused early, by the store itself, when it knows the log: no round trip needed.
    await expect(store.append("AAAAAA", 9, START)).rejects.toThrow(/expects 4/);
  });

  it("replays the stored log to the live session's state hash", async () => {
    await fresh();
    const h = playedYear();
    expect(h.state.phase).toBe("debrief");
    await store.create(recordOf(h, "AAAAAA"));
    // As a room does it: each accepted action appended as it comes, in its own turn.
    for (const [i, envelope] of h.log.entries()) await store.append("AAAAAA", i + 1, envelope);
    const stored = await (await location.open()).load("AAAAAA");
    if (!stored) throw new Error("not stored");
    expect(stored.log).toHaveLength(h.log.length);
    expect(sessionHash(replaySession(stored.record.config, stored.log))).toBe(
      sessionHash(replaySession(h.config, h.log)),
    );
    expect(sessionHash(replaySession(stored.record.config, stored.log))).toBe(sessionHash(h.state));
  });

  it("lists a facilitator's workshops, finished ones kept, and what to restore", async () => {
    await fresh();
    const h = workshopHarness();
    const rows = [
      ["AAAAAA", "f1", 10],
      ["BBBBBB", "f1", 20],
      ["CCCCCC", "f2", 30],
    ] as const;
    for (const [code, hash, at] of rows) await store.create(recordOf(h, code, hash, at));
    await store.append("AAAAAA", 1, START);
    await store.setStatus("BBBBBB", { phase: "ended", turn: 4, endedAt: 99 });
    expect(await store.unfinished()).toEqual(["AAAAAA", "CCCCCC"]);
    const mine = await store.listByFacilitator("f1");
    expect(mine.map((w) => [w.code, w.phase, w.turn, w.endedAt, w.actions, w.createdAt])).toEqual([
      ["BBBBBB", "ended", 4, 99, 0, 20],
      ["AAAAAA", "lobby", 0, 0, 1, 10],
    ]);
    expect(mine[0]).toMatchObject({
      kind: "workshop",
      scenarioId: h.config.scenarioId,
      teams: 2,
      turnsTotal: 4,
      quarantined: null,
    });
    expect(await store.listByFacilitator("nobody")).toEqual([]);
    // Finished is kept: its record and status survive, and it loads.
    expect((await (await location.open()).load("BBBBBB"))?.status.phase).toBe("ended");
  });

  it("sets a workshop aside: reason kept, rows kept, never restored", async () => {
    await fresh();
    const h = workshopHarness();
    await store.create(recordOf(h, "AAAAAA", "f1", 1));
    await store.create(recordOf(h, "BBBBBB", "f1", 2));
    await store.append("AAAAAA", 1, START);
    expect(await store.quarantineReason("AAAAAA")).toBeNull();
    await store.quarantine("AAAAAA", "log entry 2 is not valid JSON.");
    const again = await location.open();
    expect(await again.quarantineReason("AAAAAA")).toBe("log entry 2 is not valid JSON.");
    expect(await again.quarantined()).toEqual([
      { code: "AAAAAA", reason: "log entry 2 is not valid JSON." },
    ]);
    expect(await again.unfinished()).toEqual(["BBBBBB"]);
    expect((await again.load("AAAAAA"))?.log).toHaveLength(1);
    expect(
      (await again.listByFacilitator("f1")).find((w) => w.code === "AAAAAA")?.quarantined,
    ).toBe("log entry 2 is not valid JSON.");
  });

  it("fails only the workshop whose write is bad; the others' promises resolve", async () => {
    await fresh();
    const h = workshopHarness();
    await store.create(recordOf(h, "AAAAAA"));
    await store.create(recordOf(h, "BBBBBB"));
    await store.append("AAAAAA", 1, START);
    // Another writer took AAAAAA's next number behind this store's back.
    await (await location.open()).append("AAAAAA", 2, START);
    const [a, b, status] = await Promise.allSettled([
      store.append("AAAAAA", 2, START),
      store.append("BBBBBB", 1, START),
      store.setStatus("BBBBBB", { phase: "briefing", turn: 0, endedAt: 0 }),
    ]);
    expect(a.status).toBe("rejected");
    expect(String((a as PromiseRejectedResult).reason)).toMatch(/workshop AAAAAA/);
    expect([b.status, status.status]).toEqual(["fulfilled", "fulfilled"]);
    const loaded = await store.load("BBBBBB");
    expect([loaded?.log.length, loaded?.status.phase]).toEqual([1, "briefing"]);
    // The refused workshop goes on from what is durable.
    await store.append("AAAAAA", 3, START);
    expect((await store.load("AAAAAA"))?.log).toHaveLength(3);
  });

  it("reports a failing stretch in health() and recovers when writes go through", async () => {
    await fresh();
    await store.create(recordOf(workshopHarness(), "AAAAAA"));
    await store.ping();
    expect(store.health()).toEqual({ ok: true, error: null, since: null });
    await location.sql("ALTER TABLE actions RENAME TO actions_away");
    await expect(store.append("AAAAAA", 1, START)).rejects.toThrow(/workshop AAAAAA/);
    const failing = store.health();
    expect(failing.ok).toBe(false);
    expect(failing.error).toMatch(/actions/);
    expect(failing.since).toEqual(expect.any(Number));
    await expect(store.append("AAAAAA", 1, START)).rejects.toThrow();
    expect(store.health().since).toBe(failing.since); // the same stretch
    await location.sql("ALTER TABLE actions_away RENAME TO actions");
    await store.append("AAAAAA", 1, START);
    expect(store.health()).toEqual({ ok: true, error: null, since: null });
  });

  it("serves exports, info and listings through the HTTP API of a real server", async () => {
    location = await backend.fresh();
    const server = await location.server();
    const h = playedYear();
    const token = "a-long-random-facilitator-token-for-the-contract";
    const served = server.app.deps.store;
    await served.create(recordOf(h, "XPRT23", sha256(token), 5));
    await storeLog(served, "XPRT23", h.log);
    const auth = { authorization: `Bearer ${token}` };
    const exported = await fetch(`${server.url}/api/workshops/XPRT23/export?format=json`, {
      headers: auth,
    });
    expect(exported.status).toBe(200);
    const body = (await exported.json()) as { stateHash: string; actions: number; log: unknown[] };
    expect(body.log).toHaveLength(h.log.length);
    expect(body.stateHash).toBe(sessionHash(replaySession(h.config, h.log)));
    const info = await fetch(`${server.url}/api/workshops/XPRT23`);
    expect(await info.json()).toMatchObject({ code: "XPRT23", live: false, phase: "lobby" });
    const list = await fetch(`${server.url}/api/workshops`, { headers: auth });
    expect(((await list.json()) as { code: string }[]).map((w) => w.code)).toEqual(["XPRT23"]);
    const csv = await fetch(`${server.url}/api/workshops/XPRT23/export?format=csv`, {
      headers: auth,
    });
    expect([csv.status, (await csv.text()).split("\n").length > 4]).toEqual([200, true]);
  });
});
