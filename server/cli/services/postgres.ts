/**
 * A real, throwaway PostgreSQL (for the tests, the benchmarks and `npm run start:cluster`),
 * from Debian's `postgresql` binaries: `initdb` into a temp dir, then `pg_ctl start` listening
 * on a unix socket in that dir only (`listen_addresses=''`: no TCP port to collide with
 * anything), fsync off (the data is thrown away). As root (PostgreSQL refuses root), the
 * binaries run as the `postgres` user, who owns the dir.
 *
 * One cluster per test file (beforeAll/afterAll); `createDatabase()` gives each test a fresh
 * database of its own. Missing binaries fail the test with what to install, never a skip.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface TestPostgres {
  /** The `postgres` database, as superuser: `postgresql://postgres@/postgres?host=<dir>`. */
  url: string;
  /** The socket dir (also the cluster's temp dir). */
  dir: string;
  /** Milliseconds initdb + start took. */
  startMs: number;
  /** A fresh, empty database; its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server (immediate) and removes the dir. */
  stop(): void;
}

const PG_ROOT = "/usr/lib/postgresql";

/** Debian keeps initdb and pg_ctl off PATH, under /usr/lib/postgresql/<version>/bin. */
export function postgresBin(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((v) => existsSync(join(PG_ROOT, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(PG_ROOT, versions[0], "bin");
  const onPath = execFileSync("sh", ["-c", "command -v initdb || true"]).toString().trim();
  if (onPath) return onPath.replace(/\/initdb$/, "");
  throw new Error(
    "PostgreSQL is not installed: these tests need its server binaries (initdb, pg_ctl). " +
      "Install the Debian package `postgresql` (apt-get install postgresql).",
  );
}

/** Runs a PostgreSQL binary as the `postgres` user when we are root. */
function runAsPostgres(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"] });
}

let databases = 0;

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "elan-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  try {
    runAsPostgres(join(bin, "initdb"), [
      "-D",
      data,
      "-A",
      "trust",
      "-U",
      "postgres",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
    const options = `-k ${dir} -c listen_addresses= -p 5432 -c fsync=off -c full_page_writes=off`;
    runAsPostgres(join(bin, "pg_ctl"), [
      "-D",
      data,
      "-o",
      options,
      "-l",
      join(dir, "log"),
      "-w",
      "start",
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const output = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${output}`);
  }
  const startMs = performance.now() - started;
  const urlOf = (db: string) => `postgresql://postgres@/${db}?host=${dir}`;
  const url = urlOf("postgres");
  return {
    url,
    dir,
    startMs,
    async createDatabase() {
      databases += 1;
      const name = `elan_${process.pid}_${databases}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return urlOf(name);
    },
    stop() {
      try {
        runAsPostgres(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
