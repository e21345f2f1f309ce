/**
 * The two store implementations behind one test interface, so the same contract suite runs on
 * both: a fresh location (a temp folder, or a fresh database of a real PostgreSQL), new store
 * instances on it, a fresh raw connection to look at it from outside, and a real Élan server
 * on it.
 */
import Database from "better-sqlite3";
import { rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { SQLITE_FILE } from "../../server/store/open";
import { PostgresStore } from "../../server/store/postgres";
import { SqliteStore } from "../../server/store/sqlite";
import { SqliteWorkerStore } from "../../server/store/sqliteWorker";
import type { WorkshopStore } from "../../server/store/store";
import { sqlOn } from "./databases";
import { startTestServer, tempDataDir, type TestServer } from "./server";
import { startPostgres, type TestPostgres } from "../../server/cli/services/postgres";

export interface StoreLocation {
  /** A new store instance on this location (closed by `cleanup`). */
  open(): Promise<WorkshopStore>;
  /** Runs SQL on a fresh connection of its own; returns the rows. */
  sql(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  /**
   * Keeps appends from committing while held (PostgreSQL: another session locks `actions`);
   * `visibleMeanwhile` reads `actions` from outside before the store could have written.
   */
  holdActions(): Promise<{ visibleMeanwhile(): Promise<unknown[]>; release(): Promise<void> }>;
  /** A real Élan server whose store is this location. */
  server(): Promise<TestServer>;
  cleanup(): Promise<void>;
}

export interface StoreBackend {
  name: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  fresh(): Promise<StoreLocation>;
}

function tracker() {
  const closers: (() => Promise<void> | void)[] = [];
  return {
    add: (fn: () => Promise<void> | void) => closers.push(fn),
    run: async () => {
      for (const fn of closers.splice(0).reverse()) await fn();
    },
  };
}

/** SQLite's two faces: the synchronous engine, and the server's store on its own thread. */
function sqliteBackendOf(name: string, threaded: boolean): StoreBackend {
  return {
    name,
    setup: async () => {},
    teardown: async () => {},
    fresh: async () => {
      const dir = tempDataDir();
      const file = join(dir, SQLITE_FILE);
      const closers = tracker();
      closers.add(() => rmSync(dir, { recursive: true, force: true }));
      return {
        open: async () => {
          const store = threaded ? await SqliteWorkerStore.open(file) : new SqliteStore(file);
          closers.add(() => store.close());
          return store;
        },
        sql: async (text, values = []) => {
          const db = new Database(file);
          try {
            const statement = db.prepare(text);
            if (statement.reader) return statement.all(...values) as Record<string, unknown>[];
            statement.run(...values);
            return [];
          } finally {
            db.close();
          }
        },
        // On its thread, the store waits behind another connection's write lock like any client.
        // Synchronous SQLite cannot wait on a lock without freezing the process: it writes at
        // the end of the turn, so a read within the same turn is "before the commit".
        holdActions: async () =>
          threaded
            ? holdWrites(file)
            : {
                // Runs synchronously when called (no await before it): in the append's own turn.
                visibleMeanwhile: async () => {
                  const db = new Database(file);
                  try {
                    return db.prepare("SELECT seq FROM actions").all();
                  } finally {
                    db.close();
                  }
                },
                release: async () => {},
              },
        server: async () => {
          const server = await startTestServer({ dataDir: dir });
          // The folder is this location's: removed with it, not with the server.
          closers.add(() => server.app.close());
          return server;
        },
        cleanup: closers.run,
      };
    },
  };
}

/** Another connection takes SQLite's write lock: commits wait until `release`. */
async function holdWrites(file: string) {
  const db = new Database(file);
  db.exec("BEGIN IMMEDIATE");
  return {
    visibleMeanwhile: async () => {
      // Let the store's thread try its commit (it waits on the lock) before looking.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const reader = new Database(file, { readonly: true });
      try {
        return reader.prepare("SELECT seq FROM actions").all();
      } finally {
        reader.close();
      }
    },
    release: async () => {
      db.exec("COMMIT");
      db.close();
    },
  };
}

export const sqliteBackend = sqliteBackendOf("SQLite", false);
export const sqliteThreadBackend = sqliteBackendOf("SQLite on its own thread", true);

/** Until another session waits for a lock (the store's INSERT behind the held table). */
async function waitForLockWaiter(holder: pg.Client): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const waiting = await holder.query(
      "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
    );
    if (waiting.rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the store's write never reached the held lock");
}

let cluster: TestPostgres | undefined;

export const postgresBackend: StoreBackend = {
  name: "PostgreSQL",
  setup: async () => {
    cluster = await startPostgres();
  },
  teardown: async () => {
    cluster?.stop();
    cluster = undefined;
  },
  fresh: async () => {
    if (!cluster) throw new Error("postgresBackend.setup() first");
    const url = await cluster.createDatabase();
    const closers = tracker();
    return {
      open: async () => {
        const store = await PostgresStore.open(url);
        closers.add(() => store.close());
        return store;
      },
      sql: (text, values = []) => sqlOn(url, text, values),
      holdActions: async () => {
        const holder = new pg.Client({ connectionString: url });
        await holder.connect();
        await holder.query("BEGIN");
        await holder.query("LOCK TABLE actions IN EXCLUSIVE MODE");
        return {
          visibleMeanwhile: async () => {
            // Once the store's INSERT is waiting on the lock, it has sent all it will send.
            await waitForLockWaiter(holder);
            return (await holder.query("SELECT seq FROM actions")).rows;
          },
          release: async () => {
            await holder.query("COMMIT");
            await holder.end();
          },
        };
      },
      server: async () => {
        const dataDir = tempDataDir();
        const server = await startTestServer({ dataDir, databaseUrl: url });
        closers.add(() => server.close());
        return server;
      },
      cleanup: closers.run,
    };
  },
};

/** The started cluster's start time (for the report), once `setup` ran. */
export const postgresStartMs = (): number | undefined => cluster?.startMs;
