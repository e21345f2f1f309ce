/**
 * One server under load as its own process (`benchServer.ts`), and what it costs: its CPU time,
 * memory, event-loop delay, store commits and GC pauses, asked over IPC so the generator reports
 * the server, not itself. `env` chooses the store and the cluster settings (DATABASE_URL,
 * REDIS_URL, PUBLIC_ADDRESS, PORT).
 */
import { spawn, type ChildProcess } from "node:child_process";

export interface ServerStats {
  cpu: NodeJS.CpuUsage;
  rss: number;
  /** Event-loop delay since the previous sample, ms. */
  lag: { p99: number; max: number };
  /** Time spent in store commits and GC since the previous sample, ms. */
  pauses: {
    flushMax: number;
    flushTotal: number;
    flushP99: number;
    /** Commits (transactions) and the rows they wrote. */
    flushCount: number;
    flushRows: number;
    gcMax: number;
    gcTotal: number;
  };
}

export interface BenchProcess {
  child: ChildProcess;
  url: string;
  port: number;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

export async function spawnBenchServer(env: NodeJS.ProcessEnv = {}): Promise<BenchProcess> {
  const serverArgs = (process.env.BENCH_SERVER_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [...serverArgs, "--import", "tsx", "test/bench/benchServer.ts"],
    { stdio: ["ignore", "pipe", "inherit", "ipc"], env: { ...process.env, ...env } },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const stats = () =>
    // Colyseus may use the IPC channel too: only our tagged answer counts.
    new Promise<ServerStats>((resolve) => {
      const onMessage = (m: unknown) => {
        if (typeof m !== "object" || m === null || !("elanStats" in m)) return;
        child.off("message", onMessage);
        resolve(m as unknown as ServerStats);
      };
      child.on("message", onMessage);
      child.send("elan:stats");
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { child, url: `http://127.0.0.1:${port}`, port, stats, stop };
}

/** Several processes seen as one server: CPU, memory and pauses add up, delays take the worst. */
export function combineStats(all: readonly ServerStats[]): ServerStats {
  const sum = (f: (s: ServerStats) => number) => all.reduce((n, s) => n + f(s), 0);
  const max = (f: (s: ServerStats) => number) => Math.max(0, ...all.map(f));
  return {
    cpu: { user: sum((s) => s.cpu.user), system: sum((s) => s.cpu.system) },
    rss: sum((s) => s.rss),
    lag: { p99: max((s) => s.lag.p99), max: max((s) => s.lag.max) },
    pauses: {
      flushMax: max((s) => s.pauses.flushMax),
      flushTotal: sum((s) => s.pauses.flushTotal),
      flushP99: max((s) => s.pauses.flushP99),
      flushCount: sum((s) => s.pauses.flushCount),
      flushRows: sum((s) => s.pauses.flushRows),
      gcMax: max((s) => s.pauses.gcMax),
      gcTotal: sum((s) => s.pauses.gcTotal),
    },
  };
}
