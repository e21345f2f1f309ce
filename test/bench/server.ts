/**
 * `npm run bench:server`: many SDK clients play workshops against one server process, then the
 * same schedule runs against a bare echo room in the same process, and both are reported as
 * `name: value unit` lines with their ratio. Loopback only, bounded in count and time, stops
 * by itself. Knobs (env): BENCH_CLIENTS (5000), BENCH_ROOM_SIZE (40), BENCH_QUARTERS (3),
 * BENCH_QUARTER_MS (8000), BENCH_MAX_SECONDS (600).
 */
import { Client } from "@colyseus/sdk";
import { spawn } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { WebSocket } from "ws";
import type { SeatMessage } from "../../shared/index";
import { jitter, joinStats, Latencies, lightJoin, pooled, sleep, type LoadClient } from "./loadgen";

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = env("BENCH_CLIENTS", 5000);
const ROOM_SIZE = env("BENCH_ROOM_SIZE", 40);
const QUARTERS = env("BENCH_QUARTERS", 3);
const QUARTER_MS = env("BENCH_QUARTER_MS", 8000);
const MAX_SECONDS = env("BENCH_MAX_SECONDS", 600);
const TEAMS = 8;
const generatorLag = monitorEventLoopDelay({ resolution: 10 });
generatorLag.enable();
const JOIN_CONCURRENCY = 64;

const serverArgs = (process.env.BENCH_SERVER_ARGS ?? "").split(" ").filter(Boolean);
const server = spawn(
  process.execPath,
  [...serverArgs, "--import", "tsx", "test/bench/benchServer.ts"],
  {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  },
);
const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${MAX_SECONDS} s`);
  server.kill("SIGKILL");
  process.exit(2);
}, MAX_SECONDS * 1000);

const port = await new Promise<number>((resolve, reject) => {
  let out = "";
  server.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    const match = /listening on (\d+)/.exec(out);
    if (match) resolve(Number(match[1]));
  });
  server.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
});
const url = `http://127.0.0.1:${port}`;

interface ServerStats {
  cpu: NodeJS.CpuUsage;
  rss: number;
  /** Event-loop delay since the previous sample, ms. */
  lag: { p99: number; max: number };
  /** Time spent in store commits and GC since the previous sample, ms. */
  pauses: { flushMax: number; flushTotal: number; gcMax: number; gcTotal: number };
}
function serverStats(): Promise<ServerStats> {
  // Colyseus may use the IPC channel too: only our tagged answer counts.
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      if (typeof m !== "object" || m === null || !("elanStats" in m)) return;
      server.off("message", onMessage);
      resolve(m as unknown as ServerStats);
    };
    server.on("message", onMessage);
    server.send("elan:stats");
  });
}

interface PhaseResult {
  connected: number;
  rooms: number;
  joinSeconds: number;
  joinRetries: number;
  submit: Latencies;
  draft: Latencies;
  cpuPercent: number;
  /** Server CPU time per player request (drafts + submits): robust to a busy machine. */
  cpuMsPerAction: number;
  rssMb: number;
  serverLagP99: number;
  serverLagMax: number;
  pauses: ServerStats["pauses"];
  generatorLagP99: number;
  bytesPerClientQuarter: number;
}

type Kind = "workshop" | "echo";

async function runPhase(kind: Kind): Promise<PhaseResult> {
  const rooms = Math.ceil(CLIENTS / ROOM_SIZE);
  const joinStart = performance.now();
  joinStats.retries = 0;
  const hosts = await pooled(
    Array.from(
      { length: rooms },
      (_, r) => () =>
        lightJoin(
          () =>
            kind === "workshop"
              ? new Client(url).create("workshop", {
                  teams: TEAMS,
                  years: Math.ceil(QUARTERS / 4),
                  decisionSeconds: 0,
                  pacing: "auto",
                  seed: `bench-${r}`,
                })
              : new Client(url).create("echo"),
          true,
        ),
    ),
    JOIN_CONCURRENCY,
  );
  const teamOf = new Map<LoadClient, string>();
  const participants = await pooled(
    Array.from({ length: CLIENTS }, (_, i) => async () => {
      const host = hosts[i % rooms]!;
      const seat = Math.floor(i / rooms);
      const client = await lightJoin(
        () =>
          new Client(url).joinById(host.room.roomId, kind === "workshop" ? { name: `p${i}` } : {}),
        seat === 0, // one participant per room decodes state, like a real client would
      );
      teamOf.set(client, `t${(seat % TEAMS) + 1}`);
      client.room.onMessage("seat", (m: SeatMessage) => teamOf.set(client, m.teamId));
      return { client, host };
    }),
    JOIN_CONCURRENCY,
  );
  const joinSeconds = (performance.now() - joinStart) / 1000;
  if (kind === "workshop") await Promise.all(hosts.map((h) => h.room.request("game.start")));
  await sleep(500);

  const submit = new Latencies();
  const draft = new Latencies();
  const random = jitter(kind === "workshop" ? 1 : 1); // same schedule for both phases
  const bytesBefore = participants.reduce((n, p) => n + p.client.bytes, 0);
  const before = await serverStats();
  const started = performance.now();
  generatorLag.reset();
  const pending: Promise<void>[] = [];
  for (let q = 0; q < QUARTERS; q++) {
    const t0 = performance.now();
    if (kind === "workshop") await Promise.all(hosts.map((h) => h.room.request("phase.next")));
    const submitted = new Set<string>();
    for (const { client, host } of participants) {
      const team = `${host.room.roomId}:${teamOf.get(client)}`;
      const payload = {
        allocation: {
          longTerm: 2,
          culture: 2,
          governance: 1,
          support: 1,
          recruitment: 1,
          strategy: 1,
          campaigns: 2,
        },
      };
      const draftAt = 300 + random() * 0.45 * QUARTER_MS;
      pending.push(
        sleep(draftAt).then(() => draft.time(() => client.room.request("allocation.set", payload))),
      );
      if (!submitted.has(team)) {
        submitted.add(team);
        const submitAt = 0.5 * QUARTER_MS + random() * 0.3 * QUARTER_MS;
        pending.push(
          sleep(submitAt).then(() =>
            submit.time(() => client.room.request("allocation.submit", payload)),
          ),
        );
      }
    }
    await sleep(Math.max(0, t0 + 0.9 * QUARTER_MS - performance.now()));
    if (kind === "workshop") {
      await Promise.all(
        hosts.map(async (h) => {
          if (h.room.state.phase === "decision") await h.room.request("phase.next");
          if (q < QUARTERS - 1) await h.room.request("phase.next").catch(() => undefined);
        }),
      );
    }
    await sleep(Math.max(0, t0 + QUARTER_MS - performance.now()));
  }
  await Promise.all(pending);
  const after = await serverStats();
  const wallUs = (performance.now() - started) * 1000;
  const cpuUs = after.cpu.user - before.cpu.user + (after.cpu.system - before.cpu.system);
  const bytes = participants.reduce((n, p) => n + p.client.bytes, 0) - bytesBefore;
  const connected = participants.filter((p) => p.client.room.connection.isOpen).length;
  await pooled(
    [
      ...participants.map((p) => () => p.client.room.leave()),
      ...hosts.map((h) => () => h.room.leave()),
    ],
    256,
  );
  return {
    connected,
    rooms,
    joinSeconds,
    joinRetries: joinStats.retries,
    submit,
    draft,
    cpuPercent: (100 * cpuUs) / wallUs,
    cpuMsPerAction: cpuUs / 1000 / Math.max(1, submit.count + draft.count),
    rssMb: after.rss / 1e6,
    serverLagP99: after.lag.p99,
    serverLagMax: after.lag.max,
    pauses: after.pauses,
    generatorLagP99: generatorLag.percentile(99) / 1e6,
    bytesPerClientQuarter: bytes / (participants.length * QUARTERS),
  };
}

const line = (name: string, value: number, unit: string) =>
  console.log(`${name}: ${Number.isFinite(value) ? Number(value.toFixed(2)) : value} ${unit}`);

function report(kind: Kind, r: PhaseResult): void {
  line(`${kind}_clients_connected`, r.connected, "clients");
  line(`${kind}_rooms`, r.rooms, "rooms");
  line(`${kind}_join_time`, r.joinSeconds, "s");
  line(`${kind}_join_retries`, r.joinRetries, "retries");
  for (const p of [50, 95, 99]) line(`${kind}_submit_ack_p${p}`, r.submit.percentile(p), "ms");
  line(`${kind}_submit_acks`, r.submit.count, "requests");
  for (const p of [50, 95, 99]) line(`${kind}_draft_ack_p${p}`, r.draft.percentile(p), "ms");
  line(`${kind}_draft_acks`, r.draft.count, "requests");
  line(`${kind}_requests_unanswered`, r.submit.failed + r.draft.failed, "requests");
  line(`${kind}_server_cpu`, r.cpuPercent, "% of one core");
  line(`${kind}_server_cpu_per_action`, r.cpuMsPerAction, "ms");
  line(`${kind}_server_rss`, r.rssMb, "MB");
  line(`${kind}_server_event_loop_delay_p99`, r.serverLagP99, "ms");
  line(`${kind}_server_event_loop_delay_max`, r.serverLagMax, "ms");
  line(`${kind}_server_store_commit_max`, r.pauses.flushMax, "ms");
  line(`${kind}_server_store_commit_total`, r.pauses.flushTotal, "ms");
  line(`${kind}_server_gc_pause_max`, r.pauses.gcMax, "ms");
  line(`${kind}_server_gc_total`, r.pauses.gcTotal, "ms");
  line(`${kind}_generator_event_loop_delay_p99`, r.generatorLagP99, "ms");
  line(`${kind}_bytes_per_client_per_quarter`, r.bytesPerClientQuarter, "B");
}

const generatorStart = process.cpuUsage();
const wallStart = performance.now();
const echo = await runPhase("echo");
report("echo", echo);
await sleep(2000);
const workshop = await runPhase("workshop");
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
server.kill("SIGTERM");
process.exit(0);
