/**
 * Ownership of a workshop in a cluster (server/cluster/ownership.ts), on a real PostgreSQL:
 * one process at a time holds a code; a process that dies (its connection ends) frees every
 * code it held; a lost connection tells the process which codes it lost.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdvisoryOwnership, LocalOwnership, lockKey } from "../../server/cluster/ownership";
import { startPostgres, type TestPostgres } from "../../server/cli/services/postgres";

let postgres: TestPostgres;
let url: string;
beforeAll(async () => {
  postgres = await startPostgres();
  url = await postgres.createDatabase();
}, 60_000);
afterAll(() => postgres?.stop());

describe("workshop ownership", () => {
  it("lets one process hold a code at a time, and frees it on release", async () => {
    const a = new AdvisoryOwnership(url);
    const b = new AdvisoryOwnership(url);
    try {
      expect(await a.acquire("ABC234")).toBe(true);
      expect(await a.acquire("ABC234")).toBe(true); // idempotent for its holder
      expect(await b.acquire("ABC234")).toBe(false);
      expect(await b.acquire("XYZ789")).toBe(true);
      expect([a.holds("ABC234"), b.holds("ABC234")]).toEqual([true, false]);
      // One release frees it, although it was asked for twice.
      await a.release("ABC234");
      expect(a.holds("ABC234")).toBe(false);
      expect(await b.acquire("ABC234")).toBe(true);
      expect(await a.acquire("ABC234")).toBe(false);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("frees every code of a process whose connection ends (the process died)", async () => {
    const a = new AdvisoryOwnership(url);
    const b = new AdvisoryOwnership(url);
    try {
      expect(await a.acquire("DEAD01")).toBe(true);
      expect(await a.acquire("DEAD02")).toBe(true);
      expect(await b.acquire("DEAD01")).toBe(false);
      await a.close();
      expect(await b.acquire("DEAD01")).toBe(true);
      expect(await b.acquire("DEAD02")).toBe(true);
    } finally {
      await b.close();
    }
  });

  it("tells its process which codes it lost when the connection is cut", async () => {
    const a = new AdvisoryOwnership(url);
    const b = new AdvisoryOwnership(url);
    const lost: string[][] = [];
    a.onLost((codes) => lost.push(codes));
    try {
      expect(await a.acquire("LOST01")).toBe(true);
      expect(await a.acquire("LOST02")).toBe(true);
      // The database ends the session (an administrator, a failover, a network cut).
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'elan-ownership' AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = $1::bigint)",
        [lockKey("LOST01")],
      );
      await admin.end();
      await expect.poll(() => lost.length, { timeout: 5000 }).toBe(1);
      expect([...(lost[0] ?? [])].sort()).toEqual(["LOST01", "LOST02"]);
      expect(a.holds("LOST01")).toBe(false);
      // Another process can take them; the first one, reconnected, cannot any more.
      expect(await b.acquire("LOST01")).toBe(true);
      expect(await a.acquire("LOST01")).toBe(false);
      expect(await a.acquire("LOST02")).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("in one process with SQLite, every code is the process's own", async () => {
    const local = new LocalOwnership();
    expect(await local.acquire("ABC234")).toBe(true);
    expect(local.holds("ABC234")).toBe(true);
    await local.release("ABC234");
    expect(local.holds("ABC234")).toBe(false);
  });
});
