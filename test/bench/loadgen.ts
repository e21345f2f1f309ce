/**
 * The light side of the load generator. Every client is a real @colyseus/sdk client, but most
 * skip decoding state (they only count its bytes): the generator decoding 5,000 states would
 * measure itself, not the server (STACK.md). Requests are timed from send to acknowledgement.
 */
import { Protocol } from "@colyseus/core";
import type { Room } from "@colyseus/sdk";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoom = Room<any, any>;

export interface LoadClient {
  room: AnyRoom;
  bytes: number;
  /** Non-empty state patch frames received (the server drops empty ones before the socket). */
  patches: number;
}

/** Joins, then routes state frames to a byte counter unless this client decodes. */
export const joinStats = { retries: 0 };

/** A keep-alive socket closed by the server under load fails the matchmaking fetch: retry. */
async function withRetry(join: () => Promise<AnyRoom>): Promise<AnyRoom> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await join();
    } catch (error) {
      if (attempt >= 5) throw error;
      joinStats.retries++;
      await sleep(100 * attempt);
    }
  }
}

export async function lightJoin(
  join: () => Promise<AnyRoom>,
  decode: boolean,
): Promise<LoadClient> {
  const room = await withRetry(join);
  room.reconnection.enabled = false;
  room.onMessage("*", () => {}); // messages this client does not use (facilitator, seat…)
  const client: LoadClient = { room, bytes: 0, patches: 0 };
  const events = room.connection.events;
  const original = events.onmessage;
  events.onmessage = (event: MessageEvent) => {
    const data = event.data as ArrayBuffer;
    client.bytes += data.byteLength;
    const code = new Uint8Array(data, 0, 1)[0];
    if (code === Protocol.ROOM_STATE_PATCH) client.patches++;
    if (!decode && (code === Protocol.ROOM_STATE || code === Protocol.ROOM_STATE_PATCH)) return;
    original?.(event);
  };
  return client;
}

/** Runs `tasks` with at most `limit` in flight (joins: do not open 5,000 sockets at once). */
export async function pooled<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}

export class Latencies {
  private readonly samples: number[] = [];
  accepted = 0;
  refused = 0;
  failed = 0;

  /**
   * Times one request; a refusal is an answer too (it is acknowledged), a timeout is not. The
   * sample also goes to `also` (e.g. its quarter's own latencies).
   */
  async time(run: () => Promise<unknown>, also?: Latencies): Promise<void> {
    const start = performance.now();
    try {
      await run();
      this.accepted++;
    } catch (error) {
      if ((error as { name?: string }).name === "rejected") this.refused++;
      else {
        this.failed++;
        return;
      }
    }
    this.samples.push(performance.now() - start);
    also?.samples.push(performance.now() - start);
  }

  get count(): number {
    return this.samples.length;
  }

  percentile(p: number): number {
    if (this.samples.length === 0) return NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deterministic jitter, so two runs schedule the same load (mulberry32). */
export function jitter(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
