/**
 * The load schedule every server benchmark plays: rooms of 40 (8 teams × 5) plus a facilitator
 * each; per quarter every participant sends one draft and one member per team submits, at
 * deterministic jittered times. Most clients only count the state bytes they receive (one
 * participant per room and the facilitators decode), so the generator does not measure itself.
 */
import { Client } from "@colyseus/sdk";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { SeatMessage } from "../../shared/index";
import { allocation } from "../helpers/clients";
import type { ServerStats } from "./benchProcess";
import { jitter, joinStats, Latencies, lightJoin, pooled, sleep, type LoadClient } from "./loadgen";

export interface PhaseResult {
  connected: number;
  rooms: number;
  joinSeconds: number;
  joinRetries: number;
  submit: Latencies;
  draft: Latencies;
  /** The same, quarter by quarter: the first quarter of a fresh process also pays its warm-up. */
  submitByQuarter: Latencies[];
  draftByQuarter: Latencies[];
  cpuPercent: number;
  /** Server CPU time per player request (drafts + submits): robust to a busy machine. */
  cpuMsPerAction: number;
  rssMb: number;
  serverLagP99: number;
  serverLagMax: number;
  pauses: ServerStats["pauses"];
  generatorLagP99: number;
  bytesPerClientQuarter: number;
  /** Non-empty state patch frames the server wrote to sockets, per player request. */
  patchesPerAction: number;
}

/** The real app, the bare echo baseline, or the bare fan-out baseline (fanoutRoom.ts). */
export type Kind = "workshop" | "fanout" | "echo";

export interface Schedule {
  clients: number;
  roomSize: number;
  quarters: number;
  quarterMs: number;
  /**
   * Where the rooms are created (room r on `createAt[r % n]`) and where participants join by
   * id (participant i through `joinAt[i % n]`): with several processes, most joins then cross
   * to another process, as a load balancer would send them.
   */
  createAt: readonly string[];
  joinAt: readonly string[];
  /** Every server process's counters, combined. */
  serverStats: () => Promise<ServerStats>;
}

const TEAMS = 8;
const JOIN_CONCURRENCY = 64;
const generatorLag = monitorEventLoopDelay({ resolution: 10 });
generatorLag.enable();

/** Joins every client, plays `quarters` quarters on the schedule, then everyone leaves. */
export async function runPhase(kind: Kind, s: Schedule): Promise<PhaseResult> {
  const { clients: CLIENTS, roomSize: ROOM_SIZE, quarters: QUARTERS, quarterMs: QUARTER_MS } = s;
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
              ? new Client(s.createAt[r % s.createAt.length]!).create("workshop", {
                  teams: TEAMS,
                  years: Math.ceil(QUARTERS / 4),
                  decisionSeconds: 0,
                  pacing: "auto",
                  seed: `bench-${r}`,
                })
              : new Client(s.createAt[r % s.createAt.length]!).create(kind),
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
          new Client(s.joinAt[i % s.joinAt.length]!).joinById(
            host.room.roomId,
            kind === "workshop" ? { name: `p${i}` } : {},
          ),
        seat === 0, // one participant per room decodes state, like a real client would
      );
      teamOf.set(client, `t${(seat % TEAMS) + 1}`);
      client.room.onMessage("seat", (m: SeatMessage) => teamOf.set(client, m.teamId));
      return { client, host };
    }),
    JOIN_CONCURRENCY,
  );
  const joinSeconds = (performance.now() - joinStart) / 1000;
  // The fan-out room follows the workshop's phases (briefing → decision → results), bare.
  const phased = kind !== "echo";
  if (phased) await Promise.all(hosts.map((h) => h.room.request("game.start")));
  await sleep(500);

  const submit = new Latencies();
  const draft = new Latencies();
  const submitByQuarter = Array.from({ length: QUARTERS }, () => new Latencies());
  const draftByQuarter = Array.from({ length: QUARTERS }, () => new Latencies());
  const random = jitter(kind === "workshop" ? 1 : 1); // same schedule for both phases
  const bytesBefore = participants.reduce((n, p) => n + p.client.bytes, 0);
  const everyone = [...hosts, ...participants.map((p) => p.client)];
  const patchesBefore = everyone.reduce((n, c) => n + c.patches, 0);
  const before = await s.serverStats();
  const started = performance.now();
  generatorLag.reset();
  const pending: Promise<void>[] = [];
  for (let q = 0; q < QUARTERS; q++) {
    const t0 = performance.now();
    if (phased) await Promise.all(hosts.map((h) => h.room.request("phase.next")));
    const submitted = new Set<string>();
    for (const { client, host } of participants) {
      const team = `${host.room.roomId}:${teamOf.get(client)}`;
      const payload = { allocation: allocation() };
      const draftAt = 300 + random() * 0.45 * QUARTER_MS;
      pending.push(
        sleep(draftAt).then(() =>
          draft.time(() => client.room.request("allocation.set", payload), draftByQuarter[q]),
        ),
      );
      if (!submitted.has(team)) {
        submitted.add(team);
        const submitAt = 0.5 * QUARTER_MS + random() * 0.3 * QUARTER_MS;
        pending.push(
          sleep(submitAt).then(() =>
            submit.time(
              () => client.room.request("allocation.submit", payload),
              submitByQuarter[q],
            ),
          ),
        );
      }
    }
    await sleep(Math.max(0, t0 + 0.9 * QUARTER_MS - performance.now()));
    if (phased) {
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
  const after = await s.serverStats();
  const wallUs = (performance.now() - started) * 1000;
  const cpuUs = after.cpu.user - before.cpu.user + (after.cpu.system - before.cpu.system);
  const bytes = participants.reduce((n, p) => n + p.client.bytes, 0) - bytesBefore;
  const patches = everyone.reduce((n, c) => n + c.patches, 0) - patchesBefore;
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
    submitByQuarter,
    draftByQuarter,
    cpuPercent: (100 * cpuUs) / wallUs,
    cpuMsPerAction: cpuUs / 1000 / Math.max(1, submit.count + draft.count),
    rssMb: after.rss / 1e6,
    serverLagP99: after.lag.p99,
    serverLagMax: after.lag.max,
    pauses: after.pauses,
    generatorLagP99: generatorLag.percentile(99) / 1e6,
    bytesPerClientQuarter: bytes / (participants.length * QUARTERS),
    patchesPerAction: patches / Math.max(1, submit.count + draft.count),
  };
}

export const line = (name: string, value: number, unit: string) =>
  console.log(`${name}: ${Number.isFinite(value) ? Number(value.toFixed(2)) : value} ${unit}`);

/** Goals printed beside a figure ("≤ 1,000 B"), keyed by the figure's name after the prefix. */
export type Targets = Partial<Record<string, string>>;

/** Every figure of one phase as `<prefix>_<name>: value unit` lines, with its target if any. */
export function report(prefix: string, r: PhaseResult, targets: Targets = {}): void {
  const out = (name: string, value: number, unit: string) =>
    line(`${prefix}_${name}`, value, targets[name] ? `${unit} (target ${targets[name]})` : unit);
  out("clients_connected", r.connected, "clients");
  out("rooms", r.rooms, "rooms");
  out("join_time", r.joinSeconds, "s");
  out("join_retries", r.joinRetries, "retries");
  for (const p of [50, 95, 99]) out(`submit_ack_p${p}`, r.submit.percentile(p), "ms");
  out("submit_acks", r.submit.count, "requests");
  for (const p of [50, 95, 99]) out(`draft_ack_p${p}`, r.draft.percentile(p), "ms");
  out("draft_acks", r.draft.count, "requests");
  const byQuarter = (all: Latencies[]) => all.map((l) => l.percentile(99).toFixed(0)).join(" / ");
  console.log(`${prefix}_submit_ack_p99_by_quarter: ${byQuarter(r.submitByQuarter)} ms`);
  console.log(`${prefix}_draft_ack_p99_by_quarter: ${byQuarter(r.draftByQuarter)} ms`);
  out("requests_unanswered", r.submit.failed + r.draft.failed, "requests");
  out("server_cpu", r.cpuPercent, "% of one core");
  out("server_cpu_per_action", r.cpuMsPerAction, "ms");
  out("server_rss", r.rssMb, "MB");
  out("server_rss_per_1000_participants", (1000 * r.rssMb) / r.connected, "MB");
  out("server_event_loop_delay_p99", r.serverLagP99, "ms");
  out("server_event_loop_delay_max", r.serverLagMax, "ms");
  out("server_store_commit_p99", r.pauses.flushP99, "ms");
  out("server_store_commit_max", r.pauses.flushMax, "ms");
  out("server_store_commit_total", r.pauses.flushTotal, "ms");
  out("server_store_commits", r.pauses.flushCount, "transactions");
  out("server_store_rows_per_commit", r.pauses.flushRows / r.pauses.flushCount, "rows");
  out("server_gc_pause_max", r.pauses.gcMax, "ms");
  out("server_gc_total", r.pauses.gcTotal, "ms");
  out("generator_event_loop_delay_p99", r.generatorLagP99, "ms");
  out("bytes_per_client_per_quarter", r.bytesPerClientQuarter, "B");
  out("patch_messages_per_action", r.patchesPerAction, "messages");
}
