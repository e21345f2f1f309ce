/** The messages between the SQLite store's thread (sqliteThread.ts) and its proxy (sqliteWorker.ts). */
import type { StoreHealth } from "./store";

/** An error as it crosses the thread boundary (its class and code would not survive a clone). */
export interface ThreadError {
  name: string;
  message: string;
  /** `SQLITE_FULL`, `SQLITE_READONLY`…: kept, the health and the logs print it. */
  code?: string;
  /** For a `CorruptRecordError`: the workshop whose row is bad. */
  workshop?: string;
}

export type WriteMethod = "create" | "append" | "setStatus";
export type ReadMethod =
  | "load"
  | "exists"
  | "unfinished"
  | "listByFacilitator"
  | "quarantine"
  | "quarantineReason"
  | "quarantined"
  | "ping";

export type ToThread =
  | { kind: "writes"; id: number; ops: { method: WriteMethod; args: unknown[] }[] }
  | { kind: "read"; id: number; method: ReadMethod; args: unknown[] }
  | { kind: "close" };

export type WriteResult = { ok: true } | { ok: false; error: ThreadError };

export type FromThread =
  | { kind: "ready" }
  | { kind: "failed"; error: ThreadError }
  | { kind: "commit"; ms: number; rows: number }
  | { kind: "written"; id: number; results: WriteResult[]; health: StoreHealth }
  | { kind: "answer"; id: number; ok: true; value: unknown; health: StoreHealth }
  | { kind: "answer"; id: number; ok: false; error: ThreadError; health: StoreHealth }
  | { kind: "closed" };
