/**
 * A store written by an older Élan opens with this one and reads its workshops: a SQLite file
 * from before schema versioning and one with the schema committed before issue 10 (written
 * here by hand, as those versions did), and a PostgreSQL database at schema version 1 (before
 * the single-writer guard), brought forward at start. A newer schema than this Élan knows is
 * refused, untouched.
 */
import Database from "better-sqlite3";
import { rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openStore, SQLITE_FILE } from "../../server/store/open";
import { migratePostgres, PG_SCHEMA_VERSION } from "../../server/store/pgMigrations";
import { PostgresStore } from "../../server/store/postgres";
import { SqliteStore } from "../../server/store/sqlite";
import { StoreOpenError, type WorkshopStore } from "../../server/store/store";
import { tempDataDir } from "../helpers/server";
import { FACILITATOR, workshopHarness } from "../helpers/session";
import { startPostgres, type TestPostgres } from "../../server/cli/services/postgres";

const h = workshopHarness();
h.join("pa", "Ana");
h.act(FACILITATOR, { type: "game.start" });
const CONFIG = JSON.stringify(h.config);
const LOG = h.log.map((e) => JSON.stringify(e));

/** With a database URL the data folder is not used (not even created). */
const UNUSED_DIR = "/nonexistent/elan-data";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** What every older store must still answer. */
async function expectWorkshops(store: WorkshopStore): Promise<void> {
  const loaded = await store.load("AAAAAA");
  expect(loaded?.record.config).toEqual(h.config);
  expect(loaded?.log).toEqual(h.log);
  expect(await store.unfinished()).toEqual(["AAAAAA"]);
  const listed = await store.listByFacilitator("f1");
  expect(listed.map((w) => [w.code, w.phase, w.actions])).toEqual([
    ["BBBBBB", "ended", 0],
    ["AAAAAA", "lobby", LOG.length],
  ]);
  // And it goes on: the next number is taken, a gap is refused.
  await store.append("AAAAAA", LOG.length + 1, {
    at: 9,
    by: FACILITATOR,
    action: { type: "phase.next" },
  });
  await expect(store.append("AAAAAA", LOG.length + 3, h.log[0]!)).rejects.toThrow(/AAAAAA/);
  expect((await store.load("AAAAAA"))?.log).toHaveLength(LOG.length + 1);
}

describe("an older SQLite file", () => {
  // The schema as committed before issue 10 (migrations.ts at that time, steps 1 and 2).
  const V1 = `CREATE TABLE workshops (
      code TEXT PRIMARY KEY, kind TEXT NOT NULL, config TEXT NOT NULL,
      facilitator_hash TEXT NOT NULL, created_at INTEGER NOT NULL,
      phase TEXT NOT NULL DEFAULT 'lobby', turn INTEGER NOT NULL DEFAULT 0,
      ended_at INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX workshops_by_facilitator ON workshops (facilitator_hash);
    CREATE TABLE actions (code TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL,
      envelope TEXT NOT NULL, PRIMARY KEY (code, seq)) WITHOUT ROWID;`;
  const V2 = "ALTER TABLE workshops ADD COLUMN quarantine TEXT;";

  function oldFile(schema: string, userVersion: number): string {
    const dir = tempDataDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = new Database(join(dir, SQLITE_FILE));
    db.exec(schema);
    db.pragma(`user_version = ${userVersion}`);
    const workshop = db.prepare(
      "INSERT INTO workshops (code, kind, config, facilitator_hash, created_at) VALUES (?, 'workshop', ?, 'f1', ?)",
    );
    workshop.run("AAAAAA", CONFIG, 1);
    workshop.run("BBBBBB", CONFIG, 2);
    db.prepare("UPDATE workshops SET phase = 'ended' WHERE code = 'BBBBBB'").run();
    const action = db.prepare("INSERT INTO actions (code, seq, at, envelope) VALUES (?, ?, ?, ?)");
    LOG.forEach((envelope, i) => action.run("AAAAAA", i + 1, 1, envelope));
    db.close();
    return dir;
  }

  it.each([
    ["from before versioning (user_version 0)", V1, 0],
    ["at the schema committed before issue 10 (user_version 2)", V1 + V2, 2],
  ])("opens one %s and reads its workshops", async (_name, schema, version) => {
    const dir = oldFile(schema, version);
    const opened = await openStore({ dataDir: dir });
    cleanups.push(() => opened.close());
    await expectWorkshops(opened.store);
  });

  it("refuses a file from a newer Élan, untouched", () => {
    const dir = oldFile(V1 + V2, 99);
    expect(() => new SqliteStore(join(dir, SQLITE_FILE))).toThrow(/newer Élan \(schema 99/);
  });
});

describe("an older PostgreSQL database", () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(() => server?.stop());

  async function database(version: number): Promise<string> {
    const url = await server.createDatabase();
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const client = await pool.connect();
    try {
      await migratePostgres(client, version);
      const workshop = `INSERT INTO workshops (code, kind, config, facilitator_hash, created_at)
        VALUES ($1, 'workshop', $2, 'f1', $3)`;
      await client.query(workshop, ["AAAAAA", CONFIG, 1]);
      await client.query(workshop, ["BBBBBB", CONFIG, 2]);
      await client.query("UPDATE workshops SET phase = 'ended' WHERE code = 'BBBBBB'");
      for (const [i, envelope] of LOG.entries()) {
        await client.query("INSERT INTO actions (code, seq, at, envelope) VALUES ($1, $2, 1, $3)", [
          "AAAAAA",
          i + 1,
          envelope,
        ]);
      }
    } finally {
      client.release();
      await pool.end();
    }
    return url;
  }

  async function schemaVersion(url: string): Promise<number> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query("SELECT version FROM schema_version")).rows[0].version as number;
    } finally {
      await client.end();
    }
  }

  it("at schema version 1 opens, is brought forward, and reads its workshops", async () => {
    expect(PG_SCHEMA_VERSION).toBeGreaterThan(1);
    const url = await database(1);
    const opened = await openStore({ databaseUrl: url, dataDir: UNUSED_DIR });
    cleanups.push(() => opened.close());
    expect(await schemaVersion(url)).toBe(PG_SCHEMA_VERSION);
    await expectWorkshops(opened.store);
  });

  it("opened by several processes at once migrates once", async () => {
    const url = await database(1);
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url)));
    cleanups.push(() => Promise.all(stores.map((s) => s.close())).then(() => {}));
    expect(await schemaVersion(url)).toBe(PG_SCHEMA_VERSION);
    await expectWorkshops(stores[1]!);
  });

  it("refuses a database from a newer Élan, naming DATABASE_URL", async () => {
    const url = await server.createDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("CREATE TABLE schema_version (version INTEGER NOT NULL)");
    await client.query("INSERT INTO schema_version VALUES (99)");
    await client.end();
    const refused = openStore({ databaseUrl: url, dataDir: UNUSED_DIR });
    await expect(refused).rejects.toBeInstanceOf(StoreOpenError);
    await expect(refused).rejects.toThrow(/^DATABASE_URL: .*newer Élan \(schema 99/);
  });
});
