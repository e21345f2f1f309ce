/**
 * The data folder, checked before anything is stored in it: it must be writable, and no other
 * running Élan may be using it (two processes appending to one log would fork it). The lock is
 * an exclusive SQLite lock on `elan.lock`, held for the life of the process: the operating
 * system drops it when the process dies, even by SIGKILL, so a crash never leaves a stale lock.
 */
import Database from "better-sqlite3";
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { StoreOpenError } from "./sqlite";

export const LOCK_FILE = "elan.lock";
const PID_FILE = "elan.pid";

export interface DataDirLock {
  release(): void;
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Writes, syncs and removes a probe file: catches read-only mounts and full disks up front. */
function checkWritable(dir: string): void {
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(probe, "w");
    try {
      writeSync(fd, "élan");
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    rmSync(probe, { force: true });
  } catch (error) {
    try {
      rmSync(probe, { force: true });
    } catch {
      // The folder may not even exist (a file stands in its path).
    }
    throw new StoreOpenError(`The data folder ${dir} is not writable (${reason(error)}).`);
  }
}

function holderOf(dir: string): string {
  try {
    const pid = readFileSync(join(dir, PID_FILE), "utf8").trim();
    return pid ? ` (process ${pid})` : "";
  } catch {
    return "";
  }
}

/** Checks the folder and takes its lock, or throws a `StoreOpenError` that says why not. */
export function lockDataDir(dir: string): DataDirLock {
  checkWritable(dir);
  const file = join(dir, LOCK_FILE);
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: 0 });
  } catch (error) {
    throw new StoreOpenError(`Cannot open the lock file ${file} (${reason(error)}).`);
  }
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    // The first write under EXCLUSIVE locking mode takes the lock and keeps it until close.
    db.exec("BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (pid INTEGER); COMMIT;");
  } catch (error) {
    db.close();
    const busy = /locked|busy/i.test(reason(error));
    throw new StoreOpenError(
      busy
        ? `The data folder ${dir} is used by another running Élan${holderOf(dir)}. ` +
            "Stop it first, or give this one its own folder (ELAN_DATA_DIR)."
        : `Cannot lock the data folder ${dir} (${reason(error)}).`,
    );
  }
  try {
    const fd = openSync(join(dir, PID_FILE), "w");
    writeSync(fd, String(process.pid));
    closeSync(fd);
  } catch {
    // Only used to name the holder in a refusal; the lock itself is what protects the folder.
  }
  return {
    release: () => {
      if (!db.open) return;
      try {
        rmSync(join(dir, PID_FILE), { force: true });
      } catch {
        // A disk gone read-only keeps the stale pid file; the lock below is what counts.
      }
      db.close();
    },
  };
}
