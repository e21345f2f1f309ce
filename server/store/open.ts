/**
 * Which store a process uses: PostgreSQL when it is given a database URL (`DATABASE_URL`),
 * else the embedded SQLite file in its data folder, under that folder's one-Élan lock. A bad
 * URL or an unreachable database stops the start with a message naming `DATABASE_URL`.
 */
import { join } from "node:path";
import { lockDataDir } from "./dataDir";
import { PostgresStore } from "./postgres";
import { SqliteWorkerStore } from "./sqliteWorker";
import { StoreOpenError, type WorkshopStore } from "./store";

export const SQLITE_FILE = "elan.sqlite";

export interface StoreOptions {
  /** `postgres://…` or `postgresql://…` (unix socket: `postgresql://user@/db?host=/dir`). */
  databaseUrl?: string | null;
  dataDir: string;
}

export interface OpenedStore {
  store: WorkshopStore;
  /** Closes the store (writing what is queued) and releases what it held; idempotent. */
  close(): Promise<void>;
}

/** Checked before connecting: a typo must not become a connection to some default database. */
export function checkDatabaseUrl(url: string): void {
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new StoreOpenError(
      "DATABASE_URL must be a postgres:// or postgresql:// URL " +
        "(e.g. postgresql://elan@db.example.org/elan, or postgresql://elan@/elan?host=/run/postgresql).",
    );
  }
}

export async function openStore(options: StoreOptions): Promise<OpenedStore> {
  const url = options.databaseUrl?.trim();
  if (url) {
    checkDatabaseUrl(url);
    let store: PostgresStore;
    try {
      store = await PostgresStore.open(url);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new StoreOpenError(`DATABASE_URL: ${message}`);
    }
    return { store, close: () => store.close() };
  }
  // Refuses a folder that is not writable or that another Élan is using.
  const lock = lockDataDir(options.dataDir);
  let store: SqliteWorkerStore;
  try {
    // On a thread of its own: no commit, fsync or query ever blocks the rooms' event loop.
    store = await SqliteWorkerStore.open(join(options.dataDir, SQLITE_FILE));
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    store,
    close: async () => {
      await store.close();
      lock.release();
    },
  };
}
