/**
 * Reading stored rows back. A row is trusted only after its shape is checked: a hand-edited,
 * truncated or foreign row becomes a `CorruptRecordError` naming the workshop and the row, so
 * that one workshop is quarantined instead of a crash (or a half-built room) later.
 */
import type { Envelope, SessionConfig } from "../session/types";
import {
  CorruptRecordError,
  describeError,
  type WorkshopRecord,
  type WorkshopStatus,
  type WorkshopSummary,
} from "./store";

/** A `workshops` row as both stores read it (epoch-ms columns as numbers). */
export interface WorkshopRow {
  code: string;
  kind: string;
  config: string;
  facilitator_hash: string;
  created_at: number;
  phase: string;
  turn: number;
  ended_at: number;
  quarantine: string | null;
  /** Log length (listings only). */
  actions?: number;
}

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string");

function parse(code: string, what: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CorruptRecordError(code, `${what} is not valid JSON.`);
  }
}

/** Each field a session needs, with its check: the first one failing names the problem. */
const CONFIG_FIELDS: readonly [string, (c: Loose) => boolean][] = [
  ["kind", (c) => c.kind === "workshop" || c.kind === "solo"],
  ["code", (c) => typeof c.code === "string"],
  ["scenarioId", (c) => typeof c.scenarioId === "string"],
  ["years", (c) => Number.isInteger(c.years)],
  ["teamIds", (c) => isStringList(c.teamIds) && c.teamIds.length > 0],
  ["teamNames", (c) => isStringList(c.teamNames)],
  ["bots", (c) => isObject(c.bots)],
  ["seed", (c) => typeof c.seed === "string"],
  ["decisionSeconds", (c) => typeof c.decisionSeconds === "number"],
  ["maxPlayers", (c) => typeof c.maxPlayers === "number"],
];

export function parseConfig(code: string, text: string): SessionConfig {
  const c = parse(code, "the configuration", text);
  if (!isObject(c)) throw new CorruptRecordError(code, "the configuration is not an object.");
  const bad = CONFIG_FIELDS.find(([, check]) => !check(c));
  if (bad) throw new CorruptRecordError(code, `the configuration's "${bad[0]}" is malformed.`);
  return c as unknown as SessionConfig;
}

export function parseEnvelope(code: string, seq: number, text: string): Envelope {
  const e = parse(code, `log entry ${seq}`, text);
  const ok =
    isObject(e) &&
    typeof e.at === "number" &&
    isObject(e.by) &&
    typeof e.by.kind === "string" &&
    isObject(e.action) &&
    typeof e.action.type === "string";
  if (!ok) throw new CorruptRecordError(code, `log entry ${seq} is malformed.`);
  return e as unknown as Envelope;
}

export function toRecord(row: WorkshopRow): WorkshopRecord {
  const config = parseConfig(row.code, row.config);
  return {
    code: row.code,
    kind: config.kind,
    config,
    facilitatorHash: row.facilitator_hash,
    createdAt: row.created_at,
  };
}

export function toStatus(row: WorkshopRow): WorkshopStatus {
  return { phase: row.phase as WorkshopStatus["phase"], turn: row.turn, endedAt: row.ended_at };
}

/** A facilitator's list entry; a damaged record still shows, flagged, instead of hiding. */
export function summaryOf(row: WorkshopRow): WorkshopSummary {
  const base = {
    ...toStatus(row),
    code: row.code,
    createdAt: row.created_at,
    actions: row.actions ?? 0,
    quarantined: row.quarantine,
  };
  try {
    const config = parseConfig(row.code, row.config);
    return {
      ...base,
      kind: config.kind,
      scenarioId: config.scenarioId,
      teams: config.teamIds.length,
      turnsTotal: config.years * 4,
    };
  } catch (error) {
    return {
      ...base,
      kind: row.kind === "solo" ? "solo" : "workshop",
      scenarioId: "",
      teams: 0,
      turnsTotal: 0,
      quarantined: row.quarantine ?? describeError(error),
    };
  }
}
