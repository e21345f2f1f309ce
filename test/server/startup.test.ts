/**
 * Start-up checks of the data folder: a second Élan on the same folder is refused with a
 * message naming it, a folder that cannot be written is refused, an empty or foreign database
 * file is reported and left untouched (never silently replaced), and one workshop with a
 * malformed row is quarantined while the others come back.
 */
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SQLITE_FILE, startApp, type ElanApp } from "../../server/app";
import { StoreOpenError } from "../../server/store/sqlite";
import { createWorkshop, expectJoinRefused, joinAs, request } from "../helpers/clients";
import { tempDataDir } from "../helpers/server";
import { Client } from "@colyseus/sdk";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function folder(): string {
  const dir = tempDataDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<{ app: ElanApp; url: string }> {
  const app = await startApp({ port: 0, host: "127.0.0.1", dataDir });
  cleanups.push(() => app.close());
  return { app, url: `http://127.0.0.1:${app.port}` };
}

/** Runs `npm start`'s entry on a folder and collects how it ended. */
function startProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    env: { ...process.env, PORT: "0", ELAN_DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => {
    // Started after all: stop it so the test fails on the assertion, not on a timeout.
    if (chunk.toString().includes("listening on")) child.kill("SIGKILL");
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stderr })));
}

describe("the data folder", () => {
  it("refuses a second Élan on a folder in use, naming the folder", async () => {
    const dir = folder();
    await start(dir);
    await expect(startApp({ port: 0, dataDir: dir })).rejects.toThrow(/used by another running/);
    const second = await startProcess(dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(dir);
    expect(second.stderr).toMatch(/used by another running Élan \(process \d+\)/);
  });

  it("takes the folder over once the previous Élan has stopped", async () => {
    const dir = folder();
    const first = await startApp({ port: 0, host: "127.0.0.1", dataDir: dir });
    await first.close();
    await start(dir);
  });

  it("refuses a folder it cannot write", async () => {
    const blocker = join(folder(), "a-file");
    writeFileSync(blocker, "not a folder");
    const refused = startApp({ port: 0, dataDir: join(blocker, "data") });
    await expect(refused).rejects.toBeInstanceOf(StoreOpenError);
    await expect(refused).rejects.toThrow(/not writable/);
  });

  it("reports an empty database file and leaves it as it is", async () => {
    const dir = folder();
    writeFileSync(join(dir, SQLITE_FILE), "");
    const run = await startProcess(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is empty \(0 bytes\)/);
    expect(statSync(join(dir, SQLITE_FILE)).size).toBe(0);
    // And the folder is free again for a fixed start.
    await expect(startApp({ port: 0, dataDir: dir })).rejects.toThrow(/is empty/);
  });

  it("reports a file that is not a database and leaves it as it is", async () => {
    const dir = folder();
    const garbage = Buffer.from(
      "this is not an SQLite database, it is a shopping list\n".repeat(90),
    );
    writeFileSync(join(dir, SQLITE_FILE), garbage);
    const run = await startProcess(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot be opened as Élan's database/);
    expect(readFileSync(join(dir, SQLITE_FILE)).equals(garbage)).toBe(true);
  });
});

describe("a malformed row", () => {
  it("quarantines that workshop only, says so, and keeps its rows", async () => {
    const dir = folder();
    const { app, url } = await start(dir);
    const codes: string[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      const fac = await createWorkshop(url, { teams: 2, years: 1, seed: `q${i}` });
      fac.room.reconnection.enabled = false;
      const ana = await joinAs(url, fac.code, { name: "Ana" });
      ana.room.reconnection.enabled = false;
      await request(fac.room, "team.rename", { teamId: "t2", name: `Équipe ${i}` });
      codes.push(fac.code);
      tokens.push(fac.token);
      await Promise.all([fac.room.leave(), ana.room.leave()]);
    }
    await app.close();
    cleanups.pop();
    const [badLog, badConfig, good] = codes as [string, string, string];
    const db = new Database(join(dir, SQLITE_FILE));
    db.prepare('UPDATE actions SET envelope = \'{"at": 1, "by": \' WHERE code = ? AND seq = 2').run(
      badLog,
    );
    db.prepare('UPDATE workshops SET config = \'{"kind": "workshop"}\' WHERE code = ?').run(
      badConfig,
    );
    db.close();

    const run = await startProcess(dir);
    expect(run.stderr).toContain(`workshop ${badLog} is quarantined`);
    expect(run.stderr).toContain(`workshop ${badConfig} is quarantined`);

    const again = await start(dir);
    expect(again.app.restored).toEqual([good]);
    expect(again.app.quarantined.map((q) => q.code).sort()).toEqual([badConfig, badLog].sort());
    expect(again.app.quarantined.find((q) => q.code === badLog)?.reason).toMatch(
      /log entry 2 is not valid JSON/,
    );
    // The rows are kept for inspection; joining says the workshop is unavailable.
    expect(await again.app.deps.store.quarantineReason(badLog)).toMatch(/log entry 2/);
    await expectJoinRefused(
      new Client(again.url).joinById(badLog, { name: "Zoé" }),
      "join.damaged",
    );
    // The healthy one plays on.
    const facAgain = await new Client(again.url).joinById(good, { facilitatorToken: tokens[2] });
    facAgain.reconnection.enabled = false;
    await request(facAgain, "team.rename", { teamId: "t1", name: "Encore" });
    await facAgain.leave();
  });
});

describe("DATABASE_URL", () => {
  it("stops the process with a message naming it when it is not a PostgreSQL URL", async () => {
    const run = await startProcess(folder(), { DATABASE_URL: "mysql://elan@db/elan" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
  });

  it("stops the process naming it when the database cannot be reached", async () => {
    const dir = folder();
    const url = `postgresql://elan@/elan?host=${join(dir, "no-socket-here")}`;
    const run = await startProcess(dir, { DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Élan cannot start: DATABASE_URL: cannot use the PostgreSQL database/,
    );
    expect(run.stderr).toMatch(/ENOENT|ECONNREFUSED/);
  });
});
