/**
 * The front door: one "request" listener in front of everything the HTTP server does
 * (Colyseus' CORS + matchmaking router, the express app, our API and static files). It takes
 * the server's existing listeners, removes them, and calls them only once its own gate has let
 * the request through — the technique Colyseus itself uses in router/node.mjs
 * (`prereadRequestBodies`). Install it after `server.listen()`, when Colyseus has bound its
 * router.
 *
 * The gate:
 * - every answer, whoever writes it, carries the security headers (securityHeaders.ts) and no
 *   `X-Powered-By`; CORS headers set by Colyseus (which echo any Origin with credentials) are
 *   dropped, and only allowed origins get ours (cors.ts);
 * - OPTIONS preflights are answered here: 204, with allow headers only for allowed origins;
 * - joins, look-ups and listings are rate limited per client address (addressLimits.ts): 429
 *   `rate.limited` with `Retry-After`;
 * - `join` / `joinOrCreate` on `workshop` and `solo` are refused with `join.no_code`: a
 *   workshop is reached by its code (`joinById`), never "any open room";
 * - while the process drains (drain.ts), `create` and `joinOrCreate` are refused with 503
 *   `server.draining` (joins of rooms already here go on);
 * - `joinById` first awaits the optional `beforeJoinById(roomId)` hook (e.g. to restore a
 *   stored room on demand); if it throws, the answer is 500 `server.error` (or, for a
 *   `JoinRefusal`, its own status and code).
 *
 * Refusals are JSON `{ code, message }`. On `/matchmake/…` the message starts with the code
 * (`"join.no_code: …"`): the SDK throws a `MatchMakeError` with the body's `message`, which
 * `parseJoinError` reads like any other join refusal.
 */
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from "node:http";
import { formatJoinError, type ErrorCode } from "../../shared/protocol/errors";
import {
  AddressLimiter,
  clientAddress,
  DEFAULT_ADDRESS_LIMITS,
  type AddressLimits,
  type LimitKind,
} from "./addressLimits";
import { corsHeaders, parseOrigins } from "./cors";
import { CLUSTER_SECURITY_HEADERS, isForbiddenHeader, SECURITY_HEADERS } from "./securityHeaders";

export interface FrontDoorOptions {
  /** Exact origins (`https://host[:port]`) allowed to call the API and matchmaking. Default: none. */
  allowedOrigins?: readonly string[];
  /** Read the client address from the last `X-Forwarded-For` entry (one trusted proxy in front). */
  trustProxy?: boolean;
  /** Per-address limits (each kind may be overridden), or `false` for none (load tests). */
  limits?: Partial<AddressLimits> | false;
  /** Awaited before a `POST /matchmake/joinById/:roomId` goes on to the matchmaker. */
  beforeJoinById?: (roomId: string) => Promise<void>;
  /** While true, requests that create a room are refused (503 `server.draining`). */
  draining?: () => boolean;
  /** One process of several (PUBLIC_ADDRESS): the page's socket may go to another process. */
  cluster?: boolean;
  now?: () => number;
}

export interface FrontDoor {
  limiter: AddressLimiter | null;
}

/**
 * Thrown by `beforeJoinById` to refuse the join with a stable code (e.g. a stored room that
 * cannot be restored); any other error answers 500 `server.error`.
 */
export class JoinRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Room types reached only by id: a blind `join` would land in someone's workshop. */
const BY_ID_ONLY = new Set(["workshop", "solo"]);
const BLIND_JOINS = new Set(["join", "joinOrCreate"]);
/** Matchmaking methods that may open a new room on this process. */
const CREATING = new Set(["create", "joinOrCreate"]);

function pathSegments(url: string | undefined): string[] {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** Which limit a request spends, if any. */
function limitKind(segments: readonly string[]): LimitKind | null {
  if (segments[0] === "matchmake") return "join";
  if (segments[0] === "api" && segments[1] === "workshops") {
    return segments.length === 2 ? "list" : "lookup";
  }
  return null;
}

/**
 * Makes every header written on `res` pass through the gate: whatever a handler sets (with
 * `setHeader` or `writeHead(status, headers)`) is merged, forbidden headers are dropped, and
 * `extra()` (security + CORS) is applied last. `end()` without `writeHead` goes through
 * `writeHead` too (Node's implicit header).
 */
function guardHeaders(res: ServerResponse, extra: () => Record<string, string>): void {
  const writeHead = res.writeHead as (
    this: ServerResponse,
    status: number,
    reason?: string,
  ) => ServerResponse;
  const guarded = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const reason = typeof rest[0] === "string" ? rest[0] : undefined;
    const headers = (reason === undefined ? rest[0] : rest[1]) as
      OutgoingHttpHeaders | (string | string[])[] | undefined;
    if (Array.isArray(headers)) {
      const flat = headers.flat();
      for (let i = 0; i + 1 < flat.length; i += 2) this.setHeader(flat[i]!, flat[i + 1]!);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) this.setHeader(name, value);
      }
    }
    for (const name of this.getHeaderNames()) if (isForbiddenHeader(name)) this.removeHeader(name);
    for (const [name, value] of Object.entries(extra())) {
      const existing = this.getHeader(name);
      if (name === "Vary" && existing) this.setHeader(name, `${String(existing)}, ${value}`);
      else this.setHeader(name, value);
    }
    return reason === undefined
      ? writeHead.call(this, status)
      : writeHead.call(this, status, reason);
  };
  res.writeHead = guarded as ServerResponse["writeHead"];
}

function refuse(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  text: string,
  matchmake: boolean,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ code, message: matchmake ? formatJoinError(code, text) : text });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

export function installFrontDoor(server: Server, options: FrontDoorOptions = {}): FrontDoor {
  const allowed = parseOrigins(options.allowedOrigins ?? []);
  const security = options.cluster ? CLUSTER_SECURITY_HEADERS : SECURITY_HEADERS;
  const trustProxy = options.trustProxy ?? false;
  const limiter =
    options.limits === false
      ? null
      : new AddressLimiter(
          { ...DEFAULT_ADDRESS_LIMITS, ...options.limits },
          options.now ?? (() => Date.now()),
        );
  const inner = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  const passOn = (req: IncomingMessage, res: ServerResponse) => {
    for (const listener of inner) listener.call(server, req, res);
  };

  const gate = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = typeof req.headers.origin === "string" ? req.headers.origin : undefined;
    const preflight = req.method === "OPTIONS";
    guardHeaders(res, () => ({ ...security, ...corsHeaders(origin, allowed, preflight) }));
    if (preflight) {
      res.writeHead(204, { "content-length": "0" });
      res.end();
      return;
    }
    const segments = pathSegments(req.url);
    const matchmake = segments[0] === "matchmake";
    const kind = limitKind(segments);
    if (kind && limiter) {
      const taken = limiter.take(kind, clientAddress(req, trustProxy));
      if (!taken.ok) {
        const wait = taken.retryAfterSeconds;
        return refuse(
          res,
          429,
          "rate.limited",
          `Too many requests from this address; retry in ${wait} s.`,
          matchmake,
          { "retry-after": String(wait) },
        );
      }
    }
    if (matchmake && req.method === "POST") {
      const [, method = "", roomName = ""] = segments;
      if (BLIND_JOINS.has(method) && BY_ID_ONLY.has(roomName)) {
        return refuse(
          res,
          403,
          "join.no_code",
          `A ${roomName} room is joined by its code (joinById), or created.`,
          true,
        );
      }
      if (CREATING.has(method) && options.draining?.()) {
        return refuse(
          res,
          503,
          "server.draining",
          "This server is restarting and opens no new game; try again in a moment.",
          true,
          { "retry-after": "5" },
        );
      }
      if (method === "joinById" && options.beforeJoinById) {
        try {
          await options.beforeJoinById(roomName);
        } catch (error) {
          if (error instanceof JoinRefusal) {
            return refuse(res, error.status, error.code, error.message, true);
          }
          console.error(`beforeJoinById(${roomName}) failed:`, error);
          return refuse(res, 500, "server.error", "The room could not be opened.", true);
        }
      }
    }
    passOn(req, res);
  };

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    gate(req, res).catch((error: unknown) => {
      console.error("Front door error:", error);
      refuse(res, 500, "server.error", "Internal error.", false);
    });
  });
  return { limiter };
}
