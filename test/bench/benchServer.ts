/**
 * The server under load, as its own process: the real Élan app plus two baselines, a bare
 * Colyseus room that only echoes and a bare fan-out room with the workshop's visibility
 * (fanoutRoom.ts), on a free port. Answers `stats` over IPC with its CPU time and
 * memory so the generator can report the server's cost, not its own.
 */
import { defineRoom, Room, type Client } from "@colyseus/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { WebSocket } from "ws";
import { startApp } from "../../server/app";
import { allocationProfiler } from "./allocationProfiler";
import { FanoutRoom } from "./fanoutRoom";

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

/** The baseline: no state, no rules; a request is answered with its own payload. */
class EchoRoom extends Room {
  override maxClients = 100;
  override onCreate(): void {
    const echo = (_client: Client, payload: unknown) => payload;
    this.onMessage("allocation.set", echo);
    this.onMessage("allocation.submit", echo);
  }
}

const dataDir = mkdtempSync(join(process.env.BENCH_DATA_ROOT ?? tmpdir(), "elan-bench-"));
// The store and the cluster as the environment says (bench:cluster): SQLite alone by default.
const app = await startApp({
  port: Number(process.env.PORT ?? 0),
  host: "127.0.0.1",
  dataDir,
  databaseUrl: process.env.DATABASE_URL ?? null,
  redisUrl: process.env.REDIS_URL ?? null,
  publicAddress: process.env.PUBLIC_ADDRESS ?? null,
  extraRooms: { echo: defineRoom(EchoRoom), fanout: defineRoom(FanoutRoom) },
  // 5,000 clients from one loopback address: the per-address HTTP limits would refuse them.
  addressLimits: false,
});

// Where event-loop stalls come from: the store's group commits and garbage collection.
const pauses = { flushMax: 0, flushTotal: 0, flushRows: 0, gcMax: 0, gcTotal: 0 };
const commits: number[] = [];
app.deps.store.observeCommits((ms, rows) => {
  pauses.flushMax = Math.max(pauses.flushMax, ms);
  pauses.flushTotal += ms;
  pauses.flushRows += rows;
  commits.push(ms);
});
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    pauses.gcMax = Math.max(pauses.gcMax, entry.duration);
    pauses.gcTotal += entry.duration;
  }
}).observe({ entryTypes: ["gc"] });
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
// Under --cpu-prof, each stats sample marks the profile's clock (monotonic µs), so
// profileSummary.ts can keep the measured window alone (`--from`/`--to`), not the joins.
const profiling = process.execArgv.some((arg) => arg.startsWith("--cpu-prof"));
const allocations = allocationProfiler(process.env.BENCH_HEAP_PROFILE);
process.on("message", (message: unknown) => {
  if (message !== "elan:stats") return;
  if (profiling) console.error(`cpu-profile mark: ${process.hrtime.bigint() / 1000n} µs`);
  allocations?.mark();
  const memory = process.memoryUsage();
  const lag = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  loopDelay.reset();
  process.send?.({
    elanStats: true,
    cpu: process.cpuUsage(),
    rss: memory.rss,
    lag,
    pauses: { ...pauses, flushP99: percentile(commits, 99), flushCount: commits.length },
  });
  commits.length = 0;
  Object.assign(pauses, { flushMax: 0, flushTotal: 0, flushRows: 0, gcMax: 0, gcTotal: 0 });
});
const stop = async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("disconnect", () => void stop());
console.log(`listening on ${app.port}`);
