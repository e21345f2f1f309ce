/**
 * Boundary checks for allocations and decisions. Bad input becomes a typed rejection value,
 * never an exception from deep inside the model.
 */
import { BUCKET_IDS, type Allocation } from "./levers";

export type RejectionCode =
  | "allocation.not_object"
  | "allocation.unknown_key"
  | "allocation.missing_key"
  | "allocation.not_number"
  | "allocation.not_integer"
  | "allocation.negative"
  | "allocation.over_budget"
  | "decision.unknown_team"
  | "decision.missing_team"
  | "event.unknown"
  | "event.unknown_team"
  | "game.over"
  | "branch.bad_quarter";

export interface Rejection {
  code: RejectionCode;
  message: string;
  /** The offending key or team, when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Rejection };

function reject(
  code: RejectionCode,
  message: string,
  field?: string,
): { ok: false; error: Rejection } {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

export function validateAllocation(input: unknown, budget: number): Result<Allocation> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return reject("allocation.not_object", "An allocation must be an object of token counts.");
  }
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(BUCKET_IDS as readonly string[]).includes(key)) {
      return reject(
        "allocation.unknown_key",
        `Unknown bucket "${key.slice(0, 40)}".`,
        key.slice(0, 40),
      );
    }
  }
  const out = {} as Allocation;
  let total = 0;
  for (const key of BUCKET_IDS) {
    if (!(key in record)) return reject("allocation.missing_key", `Missing bucket "${key}".`, key);
    const value = record[key];
    if (typeof value !== "number" || Number.isNaN(value)) {
      return reject("allocation.not_number", `"${key}" must be a number of tokens.`, key);
    }
    if (!Number.isInteger(value)) {
      return reject("allocation.not_integer", `"${key}" must be a whole number of tokens.`, key);
    }
    if (value < 0) return reject("allocation.negative", `"${key}" cannot be negative.`, key);
    out[key] = value;
    total += value;
  }
  if (total > budget) {
    return reject(
      "allocation.over_budget",
      `${total} tokens allocated but the budget is ${budget}.`,
    );
  }
  return { ok: true, value: out };
}
