/**
 * Which process hosts a workshop. Colyseus's Redis driver does not refuse a second room with
 * the same custom id (Colyseus issue #978), so in a cluster a process hosts a workshop or solo
 * game only while it holds that code's ownership: a PostgreSQL session-level advisory lock
 * taken on one dedicated connection. When the process dies, PostgreSQL ends that connection
 * and every lock it held is free for the next process that needs the room.
 *
 * A lost connection loses every lock at once; the listeners hear which codes were lost so
 * their rooms close instead of going on writing without ownership (the log's gap-free key is
 * the second guard: a stale writer's append fails loudly).
 */
import { createHash } from "node:crypto";
import pg from "pg";

export interface Ownership {
  /** Takes `code` for this process; false while another process holds it. Idempotent. */
  acquire(code: string): Promise<boolean>;
  /** Gives `code` back (its room is gone, flushed). Unknown codes are ignored. */
  release(code: string): Promise<void>;
  holds(code: string): boolean;
  /** Called with every code this process held when it lost them all (connection lost). */
  onLost(listener: (codes: string[]) => void): () => void;
  /** Releases everything (a drained process) and closes the connection. */
  close(): Promise<void>;
}

/** One process, one store folder: every code is ours (the data-folder lock guards the rest). */
export class LocalOwnership implements Ownership {
  private readonly held = new Set<string>();
  acquire(code: string): Promise<boolean> {
    this.held.add(code);
    return Promise.resolve(true);
  }
  release(code: string): Promise<void> {
    this.held.delete(code);
    return Promise.resolve();
  }
  holds(code: string): boolean {
    return this.held.has(code);
  }
  onLost(): () => void {
    return () => {};
  }
  close(): Promise<void> {
    this.held.clear();
    return Promise.resolve();
  }
}

/**
 * The advisory-lock key of a code: 64 bits of its SHA-256, as the signed bigint PostgreSQL
 * takes (a namespace prefix keeps Élan's keys apart from any other user of the database).
 */
export function lockKey(code: string): string {
  return createHash("sha256").update(`elan:${code}`).digest().readBigInt64BE(0).toString();
}

export class AdvisoryOwnership implements Ownership {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly held = new Set<string>();
  private readonly listeners = new Set<(codes: string[]) => void>();
  private closed = false;
  /** One query at a time on the connection (pg deprecates overlapping queries on a client). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly databaseUrl: string) {}

  private ask<R extends pg.QueryResultRow>(
    client: pg.Client,
    sql: string,
    key: string,
  ): Promise<pg.QueryResult<R>> {
    const run = this.queue.then(() => client.query<R>(sql, [key]));
    this.queue = run.catch(() => {});
    return run;
  }

  /** The dedicated connection, opened on first use and again after a loss. */
  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (this.connecting) return this.connecting;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: "elan-ownership",
    });
    const lost = () => this.lose(client);
    client.on("error", lost);
    client.on("end", lost);
    this.connecting = client
      .connect()
      .then(() => {
        this.client = client;
        return client;
      })
      .finally(() => {
        this.connecting = null;
      });
    return this.connecting;
  }

  private lose(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    const codes = [...this.held];
    this.held.clear();
    if (codes.length === 0 || this.closed) return;
    console.error(`Ownership connection lost: giving up ${codes.length} room(s).`);
    for (const listener of this.listeners) listener(codes);
  }

  async acquire(code: string): Promise<boolean> {
    if (this.closed) return false;
    if (this.held.has(code)) return true;
    const client = await this.connection();
    const result = await this.ask<{ ok: boolean }>(
      client,
      "SELECT pg_try_advisory_lock($1::bigint) AS ok",
      lockKey(code),
    );
    // A lock taken twice on one session needs two unlocks: never take what we hold.
    if (result.rows[0]?.ok !== true) return false;
    if (this.client !== client) return false; // the connection went while we asked
    this.held.add(code);
    return true;
  }

  async release(code: string): Promise<void> {
    if (!this.held.delete(code)) return;
    const client = this.client;
    if (!client) return; // the connection, and so the lock, is already gone
    await this.ask(client, "SELECT pg_advisory_unlock($1::bigint)", lockKey(code));
  }

  holds(code: string): boolean {
    return this.held.has(code);
  }

  onLost(listener: (codes: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.held.clear();
    const client =
      this.client ?? (this.connecting ? await this.connecting.catch(() => null) : null);
    this.client = null;
    // Ending the session releases every advisory lock it held.
    await client?.end().catch(() => {});
  }
}
