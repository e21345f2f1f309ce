/**
 * The persistence port. A workshop is stored as its record (config, facilitator token hash) and
 * its ordered log of accepted actions; everything else is rebuilt by replay. The embedded
 * implementation is SQLite (sqlite.ts); a server database can replace it behind this interface
 * when several machines share the load.
 */
import type { Phase } from "../../shared/index";
import type { Envelope, SessionConfig, SessionKind } from "../session/types";

export interface WorkshopRecord {
  code: string;
  kind: SessionKind;
  config: SessionConfig;
  /** SHA-256 of the facilitator token. */
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
}

export interface StoredWorkshop {
  record: WorkshopRecord;
  status: WorkshopStatus;
  log: Envelope[];
}

export interface WorkshopStore {
  create(record: WorkshopRecord): void;
  /**
   * Appends the action numbered `seq` (1-based, gap-free). The row is queued at once, in call
   * order; the promise settles when it is durable (appends of one event-loop turn share a
   * transaction), and rejects if it could not be written.
   */
  append(code: string, seq: number, envelope: Envelope): Promise<void>;
  setStatus(code: string, status: WorkshopStatus): void;
  load(code: string): StoredWorkshop | undefined;
  exists(code: string): boolean;
  /** Codes of workshops not yet ended: the ones to restore on start. */
  unfinished(): string[];
  listByFacilitator(facilitatorHash: string): WorkshopSummary[];
  close(): void;
}
