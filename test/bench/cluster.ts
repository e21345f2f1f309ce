/**
 * `npm run bench:cluster`: the load schedule of `bench:server` (schedule.ts) against
 *   (a) one process with SQLite (the embedded default),
 *   (b) one process with PostgreSQL,
 *   (c) two processes with Redis presence + driver and PostgreSQL behind them,
 * in one run, each at a few sizes (BENCH_STEPS clients, fresh processes for each), with real
 * Redis and PostgreSQL started for the run and stopped after it. In (c) rooms are created on
 * both processes and every participant joins through the other one, as a load balancer would
 * send them. Reports join time, submit/draft ack p50/p95/p99, server CPU per action, store commit
 * p99, the generator's own CPU, and the capacity of each setup: the most clients whose submit
 * ack p99 stays within BENCH_P99_BUDGET_MS (and draft ack p99 within the budget plus the
 * DRAFT_WINDOW_MS a draft edit may wait to be folded with the next, by design), with the ratio
 * (c)/(a).
 * Knobs: BENCH_STEPS (1000,2000,4000), BENCH_P99_BUDGET_MS (100), BENCH_QUARTERS (3),
 * BENCH_QUARTER_MS (8000), BENCH_ROOM_SIZE (40), BENCH_MAX_SECONDS (1800).
 */
import { WebSocket } from "ws";
import { DRAFT_WINDOW_MS } from "../../server/rooms/SessionRoom";
import { startPostgres } from "../../server/cli/services/postgres";
import { startRedis } from "../../server/cli/services/redis";
import { freePort } from "../helpers/process";
import { combineStats, spawnBenchServer, type BenchProcess } from "./benchProcess";
import { sleep } from "./loadgen";
import { line, runPhase, type PhaseResult } from "./schedule";

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const STEPS = (process.env.BENCH_STEPS ?? "1000,2000,4000").split(",").map(Number);
const BUDGET_MS = env("BENCH_P99_BUDGET_MS", 100);
const MAX_SECONDS = env("BENCH_MAX_SECONDS", 1800);

const postgres = await startPostgres();
const redis = await startRedis();
const running = new Set<BenchProcess>();
const stopAll = async () => {
  await Promise.all([...running].map((p) => p.stop()));
  await redis.stop();
  await postgres.stop();
};
const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${MAX_SECONDS} s`);
  for (const p of running) p.child.kill("SIGKILL");
  void stopAll().finally(() => process.exit(2));
}, MAX_SECONDS * 1000);

type Setup = "sqlite" | "postgres" | "cluster";
const SETUPS: Record<Setup, () => Promise<BenchProcess[]>> = {
  sqlite: async () => [await spawnBenchServer({})],
  postgres: async () => [await spawnBenchServer({ DATABASE_URL: postgres.url })],
  cluster: async () => {
    const ports = [await freePort(), await freePort()];
    return Promise.all(
      ports.map((port) =>
        spawnBenchServer({
          PORT: String(port),
          DATABASE_URL: postgres.url,
          REDIS_URL: redis.url,
          PUBLIC_ADDRESS: `127.0.0.1:${port}`,
        }),
      ),
    );
  },
};

async function measure(setup: Setup, clients: number): Promise<PhaseResult> {
  const processes = await SETUPS[setup]();
  for (const p of processes) running.add(p);
  const urls = processes.map((p) => p.url);
  try {
    return await runPhase("workshop", {
      clients,
      roomSize: env("BENCH_ROOM_SIZE", 40),
      quarters: env("BENCH_QUARTERS", 3),
      quarterMs: env("BENCH_QUARTER_MS", 8000),
      createAt: urls,
      // Participant i joins through the process after its room's: across processes in (c).
      joinAt: urls.length > 1 ? [...urls.slice(1), urls[0]!] : urls,
      serverStats: async () => combineStats(await Promise.all(processes.map((p) => p.stats()))),
    });
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    for (const p of processes) running.delete(p);
  }
}

const generatorStart = process.cpuUsage();
const wallStart = performance.now();
const capacity: Record<Setup, number> = { sqlite: 0, postgres: 0, cluster: 0 };
try {
  await measureAll();
} catch (error) {
  // A failed run still stops what it started (the throwaway services hold temp folders).
  console.error("bench:", error);
  for (const p of running) p.child.kill("SIGKILL");
  await stopAll();
  process.exit(1);
}

async function measureAll(): Promise<void> {
  for (const setup of Object.keys(SETUPS) as Setup[]) {
    for (const clients of STEPS) {
      const r = await measure(setup, clients);
      const prefix = `${setup}_${clients}`;
      line(`${prefix}_clients_connected`, r.connected, "clients");
      line(`${prefix}_join_time`, r.joinSeconds, "s");
      for (const p of [50, 95, 99])
        line(`${prefix}_submit_ack_p${p}`, r.submit.percentile(p), "ms");
      for (const p of [50, 95, 99]) line(`${prefix}_draft_ack_p${p}`, r.draft.percentile(p), "ms");
      line(`${prefix}_requests_unanswered`, r.submit.failed + r.draft.failed, "requests");
      line(`${prefix}_server_cpu_per_action`, r.cpuMsPerAction, "ms");
      line(`${prefix}_server_cpu`, r.cpuPercent, "% of one core");
      // What one core would carry if the server had it to itself (the generator shares these two).
      line(`${prefix}_actions_per_core_second`, 1000 / r.cpuMsPerAction, "actions/s");
      line(`${prefix}_store_commit_p99`, r.pauses.flushP99, "ms");
      line(`${prefix}_generator_event_loop_delay_p99`, r.generatorLagP99, "ms");
      const within =
        r.submit.percentile(99) <= BUDGET_MS &&
        r.draft.percentile(99) <= BUDGET_MS + DRAFT_WINDOW_MS &&
        r.connected === clients &&
        r.submit.failed + r.draft.failed === 0;
      if (!within) break;
      capacity[setup] = clients;
      await sleep(1000);
    }
    line(`${setup}_capacity`, capacity[setup], `clients (submit ack p99 ≤ ${BUDGET_MS} ms)`);
  }
}
line(
  "ratio_capacity_cluster_over_sqlite",
  capacity.sqlite > 0 ? capacity.cluster / capacity.sqlite : NaN,
  "x ((c)/(a))",
);
const gen = process.cpuUsage(generatorStart);
const generatorCpu = (100 * (gen.user + gen.system)) / ((performance.now() - wallStart) * 1000);
line("generator_cpu", generatorCpu, "% of one core");
clearTimeout(watchdog);
await stopAll();
process.exit(0);
