/**
 * The persistence port. A workshop (or solo game) is stored as its record (config, facilitator
 * token hash) and its ordered log of accepted actions; everything else is rebuilt by replay.
 * Two implementations keep the same contract (test/server/storeContract.test.ts): SQLite, the
 * embedded default (sqlite.ts), and PostgreSQL (postgres.ts), which several processes share.
 *
 * Every write — record, log entry, status row — goes through one queue and settles as a
 * promise: a full or read-only disk, or an unreachable database, rejects that promise (and
 * shows in `health()`), it never throws into a timer or a message handler. Reads are promises
 * too, because a server database answers over a socket; each read sees every write queued
 * before it (it waits for them to settle), so a failed write is never read back.
 */
import type { Phase } from "../../shared/index";
import type { Envelope, SessionConfig, SessionKind } from "../session/types";

export interface WorkshopRecord {
  code: string;
  kind: SessionKind;
  config: SessionConfig;
  /** SHA-256 of the facilitator token ("" for solo games). */
  facilitatorHash: string;
  createdAt: number;
}

/** Where a workshop stands, kept beside the log for listings (the log stays the truth). */
export interface WorkshopStatus {
  phase: Phase;
  turn: number;
  endedAt: number;
}

export interface WorkshopSummary extends WorkshopStatus {
  code: string;
  kind: SessionKind;
  scenarioId: string;
  teams: number;
  turnsTotal: number;
  createdAt: number;
  actions: number;
  /** Why the workshop was set aside (its log could not be read or replayed), or null. */
  quarantined: string | null;
}

export interface StoredWorkshop {
  record: WorkshopRecord;
  status: WorkshopStatus;
  log: Envelope[];
}

/** Whether writes are going through; `error` is the last failure while they are not. */
export interface StoreHealth {
  ok: boolean;
  error: string | null;
  /** Epoch ms of the first failure of the current failing stretch. */
  since: number | null;
}

/** A stored row that cannot be read back (bad JSON, wrong shape): quarantine its workshop. */
export class CorruptRecordError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(`Workshop ${code}: ${detail}`);
    this.name = "CorruptRecordError";
  }
}

export interface WorkshopStore {
  /** Stores a new record; settles once durable. */
  create(record: WorkshopRecord): Promise<void>;
  /**
   * Appends the action numbered `seq` (1-based, gap-free: anything else is refused). The row
   * is queued at once, in call order; the promise settles when it is durable (writes of one
   * event-loop turn share a transaction), and rejects if it could not be written — without
   * touching any other workshop's writes.
   */
  append(code: string, seq: number, envelope: Envelope): Promise<void>;
  /** Queued with the appends: same transaction, same failure path. */
  setStatus(code: string, status: WorkshopStatus): Promise<void>;
  /**
   * The record and log once every write queued before the call has settled: only durable rows,
   * never a write that failed. Rejects with `CorruptRecordError` for a malformed row.
   */
  load(code: string): Promise<StoredWorkshop | undefined>;
  /** Whether the code is taken: stored, or its record queued. */
  exists(code: string): Promise<boolean>;
  /** Codes of workshops (not solo games) not yet ended and not quarantined. */
  unfinished(): Promise<string[]>;
  listByFacilitator(facilitatorHash: string): Promise<WorkshopSummary[]>;
  /**
   * Sets a workshop aside with a reason: it is never restored, its rows are kept. Never
   * rejects: a failure to mark it is logged (the workshop then simply fails to replay again).
   */
  quarantine(code: string, reason: string): Promise<void>;
  quarantineReason(code: string): Promise<string | null>;
  /** Every quarantined workshop or solo game, oldest first (start-up lists them). */
  quarantined(): Promise<{ code: string; reason: string }[]>;
  /** Resolves when the store answers a query (readiness); rejects with the reason otherwise. */
  ping(): Promise<void>;
  /** Whether writes are going through (synchronous: `/health` and the room timers ask it). */
  health(): StoreHealth;
  /** Called after each group commit: its duration and the rows it wrote (metrics). */
  observeCommits(listener: CommitListener): void;
  /** Writes what is queued, then closes; later writes reject. */
  close(): Promise<void>;
}

export type CommitListener = (ms: number, rows: number) => void;

/** The store cannot be opened or used at start: the process stops with this message. */
export class StoreOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreOpenError";
  }
}

/** An error's message with its code (`SQLITE_FULL`, `ECONNREFUSED`, `23505`…) when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/**
 * Whether writes go through, as `health()` reports it: a failing stretch starts at its first
 * failure and ends at the next success, each change said once in the log.
 */
export class WriteHealth {
  private state: StoreHealth = { ok: true, error: null, since: null };

  constructor(private readonly now: () => number) {}

  succeeded(): void {
    if (this.state.ok) return;
    console.error("[store] writes are going through again");
    this.state = { ok: true, error: null, since: null };
  }

  failed(error: unknown): void {
    const message = describeError(error);
    if (this.state.ok) console.error(`[store] a write failed: ${message}`);
    this.state = { ok: false, error: message, since: this.state.since ?? this.now() };
  }

  get(): StoreHealth {
    return { ...this.state };
  }
}
