/**
 * The HTTP API beside the rooms: health, readiness and metrics (health.ts), a join-code check for the join form, the
 * facilitator's list of workshops, and exports. Refusals use the protocol's error codes in a
 * JSON body `{ code, message }`. Anything else falls through to the static client.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isJoinCode, normalizeJoinCode, type ErrorCode } from "../../shared/index";
import { sha256 } from "../session/hash";
import { replaySession } from "../session/session";
import type { SessionState } from "../session/types";
import type { LiveSession } from "../rooms/deps";
import type { StoredWorkshop, WorkshopStore } from "../store/store";
import { CSV_FRENCH, CSV_INTERNATIONAL, exportCsv, exportJson, isExportFormat } from "./export";
import type { JoinAddress } from "./joinAddress";
import { health, metrics, ready, type HealthContext } from "./health";
import { serveClient } from "./static";

export interface HttpContext extends HealthContext {
  store: WorkshopStore;
  live: ReadonlyMap<string, LiveSession | null>;
  clientDir: string;
  /** Where participants join (PUBLIC_URL, else the LAN address): `GET /api/address`. */
  joinAddress: () => JoinAddress;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(JSON.stringify(body));
}

function fail(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  json(res, status, { code, message });
}

/**
 * The facilitator token, from `Authorization: Bearer …` only: a token in a URL would end up in
 * histories, logs and Referer headers (a `?token=` is refused, see `createHttpHandler`).
 */
function tokenOf(req: IncomingMessage): string {
  const header = req.headers.authorization ?? "";
  return /^Bearer /i.test(header) ? header.slice(7).trim() : "";
}

/** The live session if the room is up, else the workshop rebuilt from its log. */
function sessionOf(ctx: HttpContext, stored: StoredWorkshop): SessionState {
  const live = ctx.live.get(stored.record.code);
  return live ? live.session : replaySession(stored.record.config, stored.log);
}

async function exportWorkshop(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  raw: string,
): Promise<void> {
  const code = normalizeJoinCode(raw);
  const stored = isJoinCode(code) ? await ctx.store.load(code) : undefined;
  if (!stored) return fail(res, 404, "join.unknown_code", "No workshop has this code.");
  const token = tokenOf(req);
  if (!token || sha256(token) !== stored.record.facilitatorHash) {
    return fail(
      res,
      403,
      "join.bad_token",
      "The facilitator token is required (Authorization: Bearer <token>).",
    );
  }
  const format = url.searchParams.get("format") ?? "json";
  if (!isExportFormat(format)) {
    return fail(
      res,
      400,
      "export.bad_format",
      "Use format=json, format=csv, or format=csv-fr (semicolons and decimal commas, for a French spreadsheet).",
    );
  }
  const state = sessionOf(ctx, stored);
  if (format === "json") return json(res, 200, exportJson(state, stored.log));
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="elan-${code}${format === "csv-fr" ? "-fr" : ""}.csv"`,
    "cache-control": "no-store",
  });
  res.end(exportCsv(state, format === "csv-fr" ? CSV_FRENCH : CSV_INTERNATIONAL));
}

async function workshopInfo(ctx: HttpContext, res: ServerResponse, raw: string): Promise<void> {
  const code = normalizeJoinCode(raw);
  const live = isJoinCode(code) ? ctx.live.get(code) : undefined;
  if (live) {
    const s = live.session;
    return json(res, 200, {
      code,
      live: true,
      phase: s.phase,
      turn: s.game.turn,
      turnsTotal: s.game.turnsTotal,
      scenarioId: s.config.scenarioId,
      language: s.config.language,
    });
  }
  const stored = isJoinCode(code) ? await ctx.store.load(code) : undefined;
  if (!stored) return fail(res, 404, "join.unknown_code", "No workshop has this code.");
  json(res, 200, {
    code,
    live: false,
    ...stored.status,
    scenarioId: stored.record.config.scenarioId,
  });
}

function serverError(res: ServerResponse, error: unknown): void {
  console.error("HTTP error:", error);
  if (!res.headersSent) fail(res, 500, "server.error", "Internal error.");
}

/** An answer written asynchronously: its failure still gets a 500, never an unhandled rejection. */
function settle(answer: Promise<void>, res: ServerResponse): void {
  answer.catch((error: unknown) => serverError(res, error));
}

export function createHttpHandler(ctx: HttpContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (req.method !== "GET" && req.method !== "HEAD") {
      return fail(res, 405, "message.invalid", "Only GET is served here.");
    }
    try {
      if (path === "/health") return health(ctx, res);
      if (path === "/ready") return settle(ready(ctx, res), res);
      if (path === "/metrics") return settle(metrics(ctx, res), res);
      if (path.startsWith("/api/") && url.searchParams.has("token")) {
        return fail(
          res,
          400,
          "join.bad_token",
          "Tokens never go in URLs: send Authorization: Bearer <token> instead of ?token=.",
        );
      }
      if (path === "/api/address") return json(res, 200, ctx.joinAddress());
      if (path === "/api/workshops") {
        const token = tokenOf(req);
        if (!token) {
          return fail(
            res,
            400,
            "join.bad_token",
            "Give the facilitator token (Authorization: Bearer <token>).",
          );
        }
        const list = await ctx.store.listByFacilitator(sha256(token));
        return json(
          res,
          200,
          list.map((w) => ({ ...w, finished: w.phase === "ended" })),
        );
      }
      const exportMatch = /^\/api\/workshops\/([^/]+)\/export$/.exec(path);
      if (exportMatch) return await exportWorkshop(ctx, req, res, url, exportMatch[1] ?? "");
      const infoMatch = /^\/api\/workshops\/([^/]+)$/.exec(path);
      if (infoMatch) return await workshopInfo(ctx, res, infoMatch[1] ?? "");
      if (path.startsWith("/api/")) return fail(res, 404, "message.unknown", "Unknown API path.");
      serveClient(ctx.clientDir, req, res);
    } catch (error) {
      serverError(res, error);
    }
  };
}
