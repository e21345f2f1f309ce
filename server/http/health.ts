/**
 * What a process manager and a load balancer ask each process:
 * - `GET /health`: alive. 200 whenever the process can answer at all, with its uptime, its
 *   rooms and the store's write health (a store refusing writes shows as `"degraded"`, still
 *   200: restarting the process would not mend a full disk).
 * - `GET /ready`: may it take traffic? 200 only when every check passes (the store answers,
 *   Redis answers a PING when configured, the process is not draining), else 503 with the
 *   failed checks named. Each check has a deadline: a hung dependency is a failed check.
 * - `GET /metrics`: Prometheus text (server/metrics.ts).
 */
import type { ServerResponse } from "node:http";
import type { LiveSession } from "../rooms/deps";
import type { StoreHealth } from "../store/store";

/** Resolves when the dependency is usable; throws (or rejects) saying why not. */
export type ReadyCheck = () => Promise<void> | void;

export interface CheckResult {
  ok: boolean;
  error?: string;
}

export interface ReadyReport {
  ok: boolean;
  /** Names of the checks that failed, in check order. */
  failed: string[];
  checks: Record<string, CheckResult>;
}

export const READY_CHECK_TIMEOUT_MS = 2000;

async function runOne(check: ReadyCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(check), deadline]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once (a slow one does not delay the others' answers). */
export async function runReadyChecks(
  checks: Readonly<Record<string, ReadyCheck>>,
  timeoutMs = READY_CHECK_TIMEOUT_MS,
): Promise<ReadyReport> {
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => runOne(checks[name]!, timeoutMs)));
  const report: ReadyReport = { ok: true, failed: [], checks: {} };
  names.forEach((name, i) => {
    const result = results[i]!;
    report.checks[name] = result;
    if (!result.ok) {
      report.ok = false;
      report.failed.push(name);
    }
  });
  return report;
}

export interface HealthContext {
  live: ReadonlyMap<string, LiveSession | null>;
  store: { health(): StoreHealth };
  startedAt: number;
  now: () => number;
  /** The readiness report (checks wired by app.ts). */
  ready: () => Promise<ReadyReport>;
  /** The Prometheus exposition. */
  metrics: () => Promise<{ contentType: string; text: string }>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(JSON.stringify(body));
}

export function health(ctx: HealthContext, res: ServerResponse): void {
  const store = ctx.store.health();
  const rooms = [...ctx.live.values()].filter((r) => r !== null);
  const solo = rooms.filter((r) => r.session.config.kind === "solo").length;
  json(res, 200, {
    status: store.ok ? "ok" : "degraded",
    uptimeSeconds: Math.round((ctx.now() - ctx.startedAt) / 1000),
    workshops: rooms.length - solo,
    solo,
    store,
  });
}

export async function ready(ctx: HealthContext, res: ServerResponse): Promise<void> {
  const report = await ctx.ready();
  json(res, report.ok ? 200 : 503, { status: report.ok ? "ready" : "unready", ...report });
}

export async function metrics(ctx: HealthContext, res: ServerResponse): Promise<void> {
  const { contentType, text } = await ctx.metrics();
  res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
  res.end(text);
}
