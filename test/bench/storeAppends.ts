/**
 * Appends per second through each store (`npx tsx test/bench/storeAppends.ts`): SQLite in a temp
 * folder and a throwaway PostgreSQL (fsync off: it measures the store's own path — round trips,
 * group commit — not the disk). Each of `BENCH_WORKSHOPS` workshops appends `BENCH_APPENDS`
 * realistic envelopes, the next as soon as the previous is acknowledged (a busy room), all
 * workshops at once. Also the longest the event loop was blocked meanwhile (`loop max`): with
 * SQLite on its own thread (the server's store) the commits leave the loop. Prints
 * `name: value unit` lines; asserts nothing.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Envelope } from "../../server/session/types";
import { PostgresStore } from "../../server/store/postgres";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { SqliteStore } from "../../server/store/sqlite";
import { SqliteWorkerStore } from "../../server/store/sqliteWorker";
import type { WorkshopStore } from "../../server/store/store";
import { allocation } from "../helpers/clients";
import { tempDataDir } from "../helpers/server";
import { startPostgres } from "../../server/cli/services/postgres";
import { workshopHarness } from "../helpers/session";

const WORKSHOPS = Number(process.env.BENCH_WORKSHOPS ?? 100);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 200);

const h = workshopHarness();
const draft: Envelope = {
  at: Date.now(),
  by: { kind: "player", playerId: "p0123456789" },
  action: { type: "allocation.set", allocation: allocation({ culture: 3 }) },
};

async function run(name: string, store: WorkshopStore): Promise<void> {
  const codes = Array.from({ length: WORKSHOPS }, (_, i) => `W${String(i).padStart(5, "0")}`);
  await Promise.all(
    codes.map((code) =>
      store.create({
        code,
        kind: "workshop",
        config: h.config,
        facilitatorHash: "f",
        createdAt: 1,
      }),
    ),
  );
  const commits: number[] = [];
  const rows: number[] = [];
  store.observeCommits((ms, n) => {
    commits.push(ms);
    rows.push(n);
  });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const started = performance.now();
  await Promise.all(
    codes.map(async (code) => {
      for (let seq = 1; seq <= APPENDS; seq++) await store.append(code, seq, draft);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  const total = WORKSHOPS * APPENDS;
  commits.sort((a, b) => a - b);
  const p99 = commits[Math.floor(commits.length * 0.99)] ?? 0;
  console.log(`${name} appends: ${Math.round(total / seconds)} per s`);
  console.log(
    `${name} commits: ${commits.length} (${(total / commits.length).toFixed(1)} rows each)`,
  );
  console.log(`${name} commit p99: ${p99.toFixed(2)} ms`);
  console.log(`${name} event loop blocked max: ${(loop.max / 1e6).toFixed(2)} ms`);
  console.log(`${name} event loop delay p99: ${(loop.percentile(99) / 1e6).toFixed(2)} ms`);
  await store.close();
}

console.log(`workshops: ${WORKSHOPS}, appends each: ${APPENDS}`);
const dir = tempDataDir();
try {
  await run("sqlite", new SqliteStore(join(dir, "elan.sqlite")));
  await run("sqlite_thread", await SqliteWorkerStore.open(join(dir, "thread.sqlite")));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const postgres = await startPostgres();
try {
  await run("postgres", await PostgresStore.open(await postgres.createDatabase()));
} finally {
  postgres.stop();
}
