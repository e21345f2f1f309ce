/**
 * What an operator scrapes from each process (`GET /metrics`, Prometheus text format). Every
 * app owns its own prom-client `Registry`, never the global one, so tests can run several apps
 * in one process and each answers only for itself.
 *
 * Live rooms and clients are read at scrape time from the rooms themselves (no counter to drift
 * from the truth); everything else is counted where it happens: actions accepted or refused
 * (by code) and the time from receiving an intent to acknowledging it in SessionRoom, restores
 * in rooms/restore.ts, store commit latency and ownership losses where the store reports them.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { SessionKind } from "./session/types";

/** A live room as the scrape sees it (SessionRoom satisfies it). */
export interface LiveRoomSample {
  readonly session: { readonly config: { readonly kind: SessionKind } };
  readonly clients: { readonly length: number };
}

/** What rooms report; a narrow view so a room needs nothing else of this module. */
export interface RoomMetrics {
  actionAccepted(kind: SessionKind, action: string, ackMs: number): void;
  actionRefused(kind: SessionKind, code: string): void;
  restored(kind: SessionKind): void;
}

export interface Metrics extends RoomMetrics {
  readonly registry: Registry;
  /** One commit of the store (a group of appends made durable), in milliseconds. */
  storeCommit(ms: number): void;
  /** This process lost a workshop's ownership to another (fencing, lock lost). */
  ownershipLost(): void;
  /** The exposition text and its content type. */
  scrape(): Promise<{ contentType: string; text: string }>;
  close(): void;
}

export interface MetricsOptions {
  live: () => Iterable<LiveRoomSample | null>;
  /** prom-client's process metrics (CPU, memory, GC, handles): once per process, in start.ts. */
  processMetrics?: boolean;
}

const KINDS: readonly SessionKind[] = ["workshop", "solo"];
/** Acks wait for a durable write (group commit): from under a millisecond to seconds. */
const ACK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const COMMIT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const count = () => {
    const rooms = new Map<SessionKind, number>(KINDS.map((k) => [k, 0]));
    const clients = new Map<SessionKind, number>(KINDS.map((k) => [k, 0]));
    for (const room of options.live()) {
      if (!room) continue; // a code reserved while its room is being created
      const kind = room.session.config.kind;
      rooms.set(kind, (rooms.get(kind) ?? 0) + 1);
      clients.set(kind, (clients.get(kind) ?? 0) + room.clients.length);
    }
    return { rooms, clients };
  };
  new Gauge({
    name: "elan_rooms",
    help: "Live rooms hosted by this process, by kind.",
    labelNames: ["kind"],
    registers,
    collect() {
      for (const [kind, n] of count().rooms) this.set({ kind }, n);
    },
  });
  new Gauge({
    name: "elan_clients",
    help: "Connections to rooms of this process, by room kind.",
    labelNames: ["kind"],
    registers,
    collect() {
      for (const [kind, n] of count().clients) this.set({ kind }, n);
    },
  });
  const accepted = new Counter({
    name: "elan_actions_accepted_total",
    help: "Player and facilitator actions accepted and made durable, by room kind and action.",
    labelNames: ["kind", "action"],
    registers,
  });
  const refused = new Counter({
    name: "elan_actions_refused_total",
    help: "Messages refused, by room kind and error code (nothing was changed).",
    labelNames: ["kind", "code"],
    registers,
  });
  const ack = new Histogram({
    name: "elan_ack_latency_seconds",
    help: "From receiving an intent to acknowledging it (once durable).",
    labelNames: ["kind"],
    buckets: ACK_BUCKETS,
    registers,
  });
  const commit = new Histogram({
    name: "elan_store_commit_seconds",
    help: "Store commit latency (one group of appends made durable).",
    buckets: COMMIT_BUCKETS,
    registers,
  });
  const restores = new Counter({
    name: "elan_restores_total",
    help: "Rooms rebuilt from their log on this process, by kind.",
    labelNames: ["kind"],
    registers,
  });
  const ownership = new Counter({
    name: "elan_ownership_losses_total",
    help: "Workshops whose ownership this process lost while hosting them.",
    registers,
  });
  for (const kind of KINDS) restores.inc({ kind }, 0);
  ownership.inc(0);

  // The delay is sampled all along; each scrape reports the stretch since the previous one.
  const loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  new Gauge({
    name: "elan_event_loop_delay_seconds",
    help: "Event-loop delay since the previous scrape (p50, p99, max).",
    labelNames: ["stat"],
    registers,
    collect() {
      const seconds = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0);
      this.set({ stat: "p50" }, seconds(loop.percentile(50)));
      this.set({ stat: "p99" }, seconds(loop.percentile(99)));
      this.set({ stat: "max" }, seconds(loop.max));
      loop.reset();
    },
  });
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  return {
    registry,
    actionAccepted: (kind, action, ackMs) => {
      accepted.inc({ kind, action });
      ack.observe({ kind }, ackMs / 1000);
    },
    actionRefused: (kind, code) => refused.inc({ kind, code }),
    restored: (kind) => restores.inc({ kind }),
    storeCommit: (ms) => commit.observe(ms / 1000),
    ownershipLost: () => ownership.inc(),
    scrape: async () => ({ contentType: registry.contentType, text: await registry.metrics() }),
    close: () => loop.disable(),
  };
}
