/**
 * `npm run bench:server`: many SDK clients play workshops against one server process, then the
 * same schedule runs against a bare echo room in the same process, and both are reported as
 * `name: value unit` lines with their ratio. Loopback only, bounded in count and time, stops
 * by itself. Knobs (env): BENCH_CLIENTS (5000), BENCH_ROOM_SIZE (40), BENCH_QUARTERS (3),
 * BENCH_QUARTER_MS (8000), BENCH_MAX_SECONDS (600).
 */
import { WebSocket } from "ws";
import { spawnBenchServer } from "./benchProcess";
import { sleep } from "./loadgen";
import { line, report, runPhase, type Schedule } from "./schedule";

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const MAX_SECONDS = env("BENCH_MAX_SECONDS", 600);

const server = await spawnBenchServer();
const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${MAX_SECONDS} s`);
  server.child.kill("SIGKILL");
  process.exit(2);
}, MAX_SECONDS * 1000);

const schedule: Schedule = {
  clients: env("BENCH_CLIENTS", 5000),
  roomSize: env("BENCH_ROOM_SIZE", 40),
  quarters: env("BENCH_QUARTERS", 3),
  quarterMs: env("BENCH_QUARTER_MS", 8000),
  createAt: [server.url],
  joinAt: [server.url],
  serverStats: server.stats,
};

const generatorStart = process.cpuUsage();
const wallStart = performance.now();
const echo = await runPhase("echo", schedule);
report("echo", echo);
await sleep(2000);
const workshop = await runPhase("workshop", schedule);
report("workshop", workshop);
for (const p of [50, 95, 99]) {
  line(
    `ratio_submit_ack_p${p}`,
    workshop.submit.percentile(p) / echo.submit.percentile(p),
    "x (workshop/echo)",
  );
}
line("ratio_server_cpu", workshop.cpuPercent / echo.cpuPercent, "x (workshop/echo)");
line(
  "ratio_server_cpu_per_action",
  workshop.cpuMsPerAction / echo.cpuMsPerAction,
  "x (workshop/echo)",
);
const gen = process.cpuUsage(generatorStart);
line(
  "generator_cpu",
  (100 * (gen.user + gen.system)) / ((performance.now() - wallStart) * 1000),
  "% of one core",
);
clearTimeout(watchdog);
await server.stop();
process.exit(0);
