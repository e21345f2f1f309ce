/**
 * The persistence port. A workshop (or solo game) is stored as its record (config, facilitator
 * token hash) and its ordered log of accepted actions; everything else is rebuilt by replay.
 * The embedded implementation is SQLite (sqlite.ts); a server database can replace it behind
 * this interface when several machines share the load.
 *
 * Every write — record, log entry, status row — goes through one queue and settles as a
 * promise: a full or read-only disk rejects that promise (and shows in `health()`), it never
 * throws into a timer or a message handler.
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
  /** Everything durable or queued so far; throws `CorruptRecordError` for a malformed row. */
  load(code: string): StoredWorkshop | undefined;
  exists(code: string): boolean;
  /** Codes of workshops (not solo games) not yet ended and not quarantined. */
  unfinished(): string[];
  listByFacilitator(facilitatorHash: string): WorkshopSummary[];
  /** Sets a workshop aside with a reason: it is never restored, its rows are kept. */
  quarantine(code: string, reason: string): void;
  quarantineReason(code: string): string | null;
  /** Every quarantined workshop or solo game, oldest first (start-up lists them). */
  quarantined(): { code: string; reason: string }[];
  health(): StoreHealth;
  close(): void;
}
