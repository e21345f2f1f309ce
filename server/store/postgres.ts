/**
 * The shared store: PostgreSQL through a small `pg` Pool, for several Élan processes on several
 * machines. Same contract as SQLite (store.ts): appends are queued in call order and a promise
 * settles only once its row is committed.
 *
 * Group commit: the writes of one event-loop turn — and of every turn that passes while the
 * previous batch is committing — go into ONE transaction of a few statements whatever its size
 * (one multi-row INSERT for the appends, in order), because a round trip and a commit cost far
 * more than a row. If that transaction fails, the batch is written again with a SAVEPOINT per
 * workshop, so one workshop's bad write (a sequence number another writer took) fails only its
 * own promises; an unreachable database fails them all. The schema (pgMigrations.ts) refuses
 * any sequence number but the next one, so a second writer fails loudly instead of forking.
 *
 * The pool stays small (a few connections per process, many processes per database); the
 * process may hold one more, dedicated connection of its own for workshop ownership.
 */
import pg from "pg";
import type { Pool, PoolClient } from "pg";
import type { Envelope } from "../session/types";
import { migratePostgres } from "./pgMigrations";
import { parseEnvelope, summaryOf, toRecord, toStatus, type WorkshopRow } from "./rows";
import {
  CorruptRecordError,
  describeError,
  StoreOpenError,
  WriteHealth,
  type CommitListener,
  type StoreHealth,
  type StoredWorkshop,
  type WorkshopRecord,
  type WorkshopStatus,
  type WorkshopStore,
  type WorkshopSummary,
} from "./store";
import { WriteQueue, type Batch, type Group, type Write } from "./writeQueue";

export const POOL_SIZE = 4;

/** Epoch-ms columns are BIGINT: read back as JS numbers (exact up to 2^53). */
const WORKSHOP_COLUMNS = `code, kind, config, facilitator_hash, created_at::float8 AS created_at,
  phase, turn, ended_at::float8 AS ended_at, quarantine, last_seq AS actions`;

export class PostgresStore implements WorkshopStore {
  private readonly queue: WriteQueue;
  /** Last sequence number queued per workshop this process writes, to refuse gaps early. */
  private readonly lastSeq = new Map<string, number>();
  private readonly writes: WriteHealth;
  private readonly listeners: CommitListener[] = [];
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    now: () => number,
  ) {
    this.queue = new WriteQueue((batch) => this.commit(batch));
    this.writes = new WriteHealth(now);
  }

  /** Connects, brings the schema up to date, and returns the store (or a `StoreOpenError`). */
  static async open(url: string, now: () => number = Date.now): Promise<PostgresStore> {
    let pool: Pool;
    try {
      pool = new pg.Pool({
        connectionString: url,
        max: POOL_SIZE,
        connectionTimeoutMillis: 10_000,
        application_name: "elan",
      });
    } catch (error) {
      throw new StoreOpenError(`not a usable PostgreSQL URL (${describeError(error)}).`);
    }
    // An idle connection the server drops (restart, failover) must not crash the process.
    pool.on("error", (error) => console.error(`[store] idle PostgreSQL connection lost: ${error}`));
    let client: PoolClient | undefined;
    try {
      client = await pool.connect();
      await migratePostgres(client);
    } catch (error) {
      client?.release(true);
      client = undefined;
      await pool.end().catch(() => {});
      throw new StoreOpenError(`cannot use the PostgreSQL database (${describeError(error)}).`);
    } finally {
      client?.release();
    }
    return new PostgresStore(pool, now);
  }

  // --- writes ------------------------------------------------------------------------------

  create(record: WorkshopRecord): Promise<void> {
    this.lastSeq.set(record.code, 0);
    return this.enqueue(record.code, {
      kind: "create",
      record,
      config: JSON.stringify(record.config),
    });
  }

  append(code: string, seq: number, envelope: Envelope): Promise<void> {
    const last = this.lastSeq.get(code);
    if (last !== undefined && seq !== last + 1) {
      return Promise.reject(
        new Error(`Workshop ${code}: action ${seq} refused, the log expects ${last + 1} next.`),
      );
    }
    // Unknown here (a restored workshop): the database's own check decides.
    this.lastSeq.set(code, seq);
    return this.enqueue(code, {
      kind: "append",
      seq,
      at: envelope.at,
      envelope: JSON.stringify(envelope),
    });
  }

  setStatus(code: string, status: WorkshopStatus): Promise<void> {
    return this.enqueue(code, { kind: "status", status: { ...status } });
  }

  private enqueue(code: string, write: Write): Promise<void> {
    if (this.closed) return Promise.reject(new Error("The store is closed."));
    return this.queue.add(code, write);
  }

  /** One transaction for the batch; on failure, again with a savepoint per workshop. */
  private async commit(batch: Batch): Promise<void> {
    const started = performance.now();
    let rows = 0;
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      this.failAll(batch, error);
      return;
    }
    let broken: unknown;
    try {
      await client.query("BEGIN");
      await writeBatch(client, batch);
      await client.query("COMMIT");
      rows = this.settleAll(batch);
    } catch {
      await client.query("ROLLBACK").catch(() => {});
      // Retried per workshop below, so one workshop's failure stays its own.
      try {
        rows = await this.commitEach(client, batch);
      } catch (error) {
        broken = error;
        this.failAll(batch, error);
      }
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
    const ms = performance.now() - started;
    for (const listener of this.listeners) listener(ms, rows);
  }

  private async commitEach(client: PoolClient, batch: Batch): Promise<number> {
    const failed = new Map<string, unknown>();
    await client.query("BEGIN");
    for (const [code, group] of batch) {
      await client.query("SAVEPOINT workshop");
      try {
        await writeBatch(client, new Map([[code, group]]));
        await client.query("RELEASE SAVEPOINT workshop");
      } catch (error) {
        await client.query("ROLLBACK TO SAVEPOINT workshop");
        failed.set(code, error);
      }
    }
    await client.query("COMMIT");
    let rows = 0;
    for (const [code, group] of batch) {
      const error = failed.get(code);
      if (error === undefined) {
        this.writes.succeeded();
        rows += group.writes.length;
        group.settle();
      } else this.failGroup(code, group, error);
    }
    return rows;
  }

  private settleAll(batch: Batch): number {
    this.writes.succeeded();
    let rows = 0;
    for (const group of batch.values()) {
      rows += group.writes.length;
      group.settle();
    }
    return rows;
  }

  private failAll(batch: Batch, error: unknown): void {
    for (const [code, group] of batch) this.failGroup(code, group, error);
  }

  private failGroup(code: string, group: Group, error: unknown): void {
    this.writes.failed(error);
    // What is in the database is the truth again for this workshop's next sequence number.
    this.lastSeq.delete(code);
    group.settle(new Error(`The store could not write workshop ${code}: ${describeError(error)}`));
  }

  health(): StoreHealth {
    return this.writes.get();
  }

  observeCommits(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  // --- reads -------------------------------------------------------------------------------

  async load(code: string): Promise<StoredWorkshop | undefined> {
    await this.queue.settled(); // reads see every write queued so far, once it has settled
    const found = await this.pool.query<WorkshopRow>(
      `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE code = $1`,
      [code],
    );
    const row = found.rows[0];
    if (!row) return undefined;
    const entries = await this.pool.query<{ seq: number; envelope: string }>(
      "SELECT seq, envelope FROM actions WHERE code = $1 ORDER BY seq",
      [code],
    );
    const log = entries.rows.map((r, i) => {
      if (r.seq !== i + 1) throw new CorruptRecordError(code, `log entry ${i + 1} is missing.`);
      return parseEnvelope(code, r.seq, r.envelope);
    });
    return { record: toRecord(row), status: toStatus(row), log };
  }

  async exists(code: string): Promise<boolean> {
    if (this.queue.creates(code)) return true;
    const found = await this.pool.query("SELECT 1 FROM workshops WHERE code = $1", [code]);
    return found.rows.length > 0;
  }

  async unfinished(): Promise<string[]> {
    await this.queue.settled();
    const found = await this.pool.query<{ code: string }>(
      `SELECT code FROM workshops
       WHERE phase <> 'ended' AND kind = 'workshop' AND quarantine IS NULL
       ORDER BY created_at, code`,
    );
    return found.rows.map((r) => r.code);
  }

  async listByFacilitator(facilitatorHash: string): Promise<WorkshopSummary[]> {
    await this.queue.settled();
    const found = await this.pool.query<WorkshopRow>(
      `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE facilitator_hash = $1
       ORDER BY created_at DESC, code`,
      [facilitatorHash],
    );
    return found.rows.map(summaryOf);
  }

  async quarantine(code: string, reason: string): Promise<void> {
    try {
      await this.queue.settled();
      await this.pool.query("UPDATE workshops SET quarantine = $1 WHERE code = $2", [
        reason.slice(0, 500),
        code,
      ]);
    } catch (error) {
      console.error(`[store] could not mark ${code} as quarantined: ${describeError(error)}`);
    }
  }

  async quarantineReason(code: string): Promise<string | null> {
    const found = await this.pool.query<{ quarantine: string | null }>(
      "SELECT quarantine FROM workshops WHERE code = $1",
      [code],
    );
    return found.rows[0]?.quarantine ?? null;
  }

  async quarantined(): Promise<{ code: string; reason: string }[]> {
    const found = await this.pool.query<{ code: string; reason: string }>(
      `SELECT code, quarantine AS reason FROM workshops WHERE quarantine IS NOT NULL
       ORDER BY created_at, code`,
    );
    return found.rows;
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.settled();
    await this.pool.end();
  }
}

/** The batch's writes in three statements: new records, then appends in order, then status. */
async function writeBatch(client: PoolClient, batch: Batch): Promise<void> {
  const creates: WorkshopRecord[] = [];
  const configs: string[] = [];
  const appends = {
    code: [] as string[],
    seq: [] as number[],
    at: [] as number[],
    env: [] as string[],
  };
  // Only the last status of a workshop counts (one UPDATE may not touch a row twice).
  const statuses = new Map<string, WorkshopStatus>();
  for (const [code, group] of batch) {
    for (const write of group.writes) {
      if (write.kind === "create") {
        creates.push(write.record);
        configs.push(write.config);
      } else if (write.kind === "append") {
        appends.code.push(code);
        appends.seq.push(write.seq);
        // The column is for people reading the table; the envelope holds the exact time.
        appends.at.push(Math.trunc(write.at));
        appends.env.push(write.envelope);
      } else statuses.set(code, write.status);
    }
  }
  if (creates.length) {
    await client.query(
      `INSERT INTO workshops (code, kind, config, facilitator_hash, created_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[])`,
      [
        creates.map((r) => r.code),
        creates.map((r) => r.kind),
        configs,
        creates.map((r) => r.facilitatorHash),
        creates.map((r) => Math.trunc(r.createdAt)),
      ],
    );
  }
  if (appends.code.length) {
    // In queue order: the gap-free trigger checks each row against the one before it.
    await client.query(
      `INSERT INTO actions (code, seq, at, envelope)
       SELECT c, s, a, e FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[])
         WITH ORDINALITY AS t (c, s, a, e, n) ORDER BY n`,
      [appends.code, appends.seq, appends.at, appends.env],
    );
  }
  if (statuses.size) {
    const list = [...statuses];
    await client.query(
      `UPDATE workshops w SET phase = t.p, turn = t.t, ended_at = t.e
       FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[]) AS t (c, p, t, e)
       WHERE w.code = t.c`,
      [
        list.map(([code]) => code),
        list.map(([, s]) => s.phase),
        list.map(([, s]) => s.turn),
        list.map(([, s]) => Math.trunc(s.endedAt)),
      ],
    );
  }
}
