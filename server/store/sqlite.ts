/**
 * The embedded store: one SQLite file (better-sqlite3, synchronous). WAL journaling with
 * `synchronous = NORMAL`: a committed append survives the process being killed (the WAL is
 * written before `append` returns); only an OS crash or power loss may drop the last few.
 * Statements are prepared once. Appends are group-committed: every append of one event-loop
 * turn goes into one transaction (setImmediate), because a commit costs far more than an
 * insert, and acknowledgements wait for it anyway.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Envelope, SessionConfig } from "../session/types";
import type {
  StoredWorkshop,
  WorkshopRecord,
  WorkshopStatus,
  WorkshopStore,
  WorkshopSummary,
} from "./store";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  code TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  config TEXT NOT NULL,
  facilitator_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  phase TEXT NOT NULL DEFAULT 'lobby',
  turn INTEGER NOT NULL DEFAULT 0,
  ended_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS workshops_by_facilitator ON workshops (facilitator_hash);
CREATE TABLE IF NOT EXISTS actions (
  code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  envelope TEXT NOT NULL,
  PRIMARY KEY (code, seq)
) WITHOUT ROWID;
`;

function prepare(db: Database.Database) {
  return {
    create: db.prepare(
      "INSERT INTO workshops (code, kind, config, facilitator_hash, created_at) VALUES (?, ?, ?, ?, ?)",
    ),
    append: db.prepare("INSERT INTO actions (code, seq, at, envelope) VALUES (?, ?, ?, ?)"),
    status: db.prepare("UPDATE workshops SET phase = ?, turn = ?, ended_at = ? WHERE code = ?"),
    get: db.prepare("SELECT * FROM workshops WHERE code = ?"),
    log: db.prepare("SELECT envelope FROM actions WHERE code = ? ORDER BY seq"),
    exists: db.prepare("SELECT 1 FROM workshops WHERE code = ?"),
    unfinished: db.prepare(
      "SELECT code FROM workshops WHERE phase != 'ended' AND kind = 'workshop' ORDER BY created_at",
    ),
    byFacilitator: db.prepare(
      `SELECT w.*, (SELECT COUNT(*) FROM actions a WHERE a.code = w.code) AS actions
       FROM workshops w WHERE facilitator_hash = ? ORDER BY created_at DESC`,
    ),
  };
}

interface WorkshopRow {
  code: string;
  kind: string;
  config: string;
  facilitator_hash: string;
  created_at: number;
  phase: string;
  turn: number;
  ended_at: number;
  actions?: number;
}

type Row = [code: string, seq: number, at: number, envelope: string];

interface Batch {
  rows: Row[];
  done: Promise<void>;
  settle: (error?: unknown) => void;
}

export class SqliteStore implements WorkshopStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepare>;
  private readonly insertMany: (rows: Row[]) => void;
  private batch: Batch | null = null;

  constructor(file: string) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(SCHEMA);
    this.statements = prepare(this.db);
    this.insertMany = this.db.transaction((rows: Row[]) => {
      for (const row of rows) this.statements.append.run(...row);
    });
  }

  create(record: WorkshopRecord): void {
    this.statements.create.run(
      record.code,
      record.kind,
      JSON.stringify(record.config),
      record.facilitatorHash,
      record.createdAt,
    );
  }

  append(code: string, seq: number, envelope: Envelope): Promise<void> {
    if (!this.batch) {
      let settle: Batch["settle"] = () => {};
      const done = new Promise<void>((resolve, reject) => {
        settle = (error) => (error === undefined ? resolve() : reject(error));
      });
      this.batch = { rows: [], done, settle };
      setImmediate(() => this.flush());
    }
    this.batch.rows.push([code, seq, envelope.at, JSON.stringify(envelope)]);
    return this.batch.done;
  }

  /** Writes the pending batch in one transaction (also called by `close`). */
  flush(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    try {
      this.insertMany(batch.rows);
      batch.settle();
    } catch (error) {
      batch.settle(error ?? new Error("append failed"));
    }
  }

  setStatus(code: string, status: WorkshopStatus): void {
    this.statements.status.run(status.phase, status.turn, status.endedAt, code);
  }

  load(code: string): StoredWorkshop | undefined {
    this.flush(); // reads see every append made so far
    const row = this.statements.get.get(code) as WorkshopRow | undefined;
    if (!row) return undefined;
    const log = (this.statements.log.all(code) as { envelope: string }[]).map(
      (r) => JSON.parse(r.envelope) as Envelope,
    );
    return { record: toRecord(row), status: toStatus(row), log };
  }

  exists(code: string): boolean {
    return this.statements.exists.get(code) !== undefined;
  }

  unfinished(): string[] {
    this.flush();
    return (this.statements.unfinished.all() as { code: string }[]).map((r) => r.code);
  }

  listByFacilitator(facilitatorHash: string): WorkshopSummary[] {
    this.flush();
    return (this.statements.byFacilitator.all(facilitatorHash) as WorkshopRow[]).map((row) => {
      const config = JSON.parse(row.config) as SessionConfig;
      return {
        ...toStatus(row),
        code: row.code,
        kind: config.kind,
        scenarioId: config.scenarioId,
        teams: config.teamIds.length,
        turnsTotal: config.years * 4,
        createdAt: row.created_at,
        actions: row.actions ?? 0,
      };
    });
  }

  close(): void {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }
}

function toRecord(row: WorkshopRow): WorkshopRecord {
  const config = JSON.parse(row.config) as SessionConfig;
  return {
    code: row.code,
    kind: config.kind,
    config,
    facilitatorHash: row.facilitator_hash,
    createdAt: row.created_at,
  };
}

function toStatus(row: WorkshopRow): WorkshopStatus {
  return { phase: row.phase as WorkshopStatus["phase"], turn: row.turn, endedAt: row.ended_at };
}
