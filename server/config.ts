/**
 * The process's configuration, read once from the environment by one pure function. Every
 * variable is checked on its own, then against the others (a cluster needs a shared store and
 * an address per process); the answer is either a typed config or every problem at once, each
 * naming its variable and what is expected, so an operator fixes them in one go.
 *
 * Unset, everything keeps the embedded default: one process, SQLite under ELAN_DATA_DIR.
 */
import { join, resolve } from "node:path";
import { originsFromEnv } from "./http/cors";
import { parsePublicUrl } from "./http/joinAddress";

export interface ElanConfig {
  port: number;
  /** Absolute. The SQLite file lives here when `databaseUrl` is null. */
  dataDir: string;
  allowedOrigins: string[];
  publicUrl: string | null;
  trustProxy: boolean;
  /** `postgres://` / `postgresql://`, handed to `pg` as given; null: SQLite. */
  databaseUrl: string | null;
  /** `redis://`, `rediss://` or a unix socket path; null: one process, in-memory presence. */
  redisUrl: string | null;
  /** This process as clients reach it, `host[:port][/prefix]` (Colyseus `publicAddress`). */
  publicAddress: string | null;
  /** Absolute. The built client served on `/` (default `dist/client`, what `npm start` builds). */
  clientDir: string;
}

export interface ConfigError {
  variable: string;
  message: string;
}

export type ConfigResult = { ok: true; config: ElanConfig } | { ok: false; errors: ConfigError[] };

export const DEFAULT_PORT = 2567;

type Env = Readonly<Record<string, string | undefined>>;

/** A set variable: trimmed, and "" counts as unset (an empty `VAR=` line in a unit file). */
function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

/** Never echo a password back into a log. */
function redact(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, "$1:***@");
}

function parsePort(raw: string | undefined): number | string {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  return /^\d+$/.test(raw) && port <= 65535
    ? port
    : `must be a port number from 0 to 65535 (0 picks a free one), got "${raw}".`;
}

function parseFlag(raw: string | undefined): boolean | string {
  if (raw === undefined || /^(0|false|no)$/i.test(raw)) return false;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  return `must be 1, true or yes (or 0, false, no), got "${raw}".`;
}

const POSTGRES_URL = /^(postgres|postgresql):\/\/(?:([^@/?#]*)@)?([^/?#]*)(\/[^?#]*)?(\?[^#]*)?$/i;

/**
 * `postgres://user:pass@host:5432/db`, or the unix-socket form `postgresql://user@/db?host=/dir`
 * (libpq's convention, which `pg` follows). Only the shape is checked: reaching the server is
 * the store's job, at start.
 */
export function checkDatabaseUrl(raw: string): string | null {
  const match = POSTGRES_URL.exec(raw);
  if (!match) {
    return `must be a PostgreSQL URL, postgres://user:password@host:5432/database or postgresql://user@/database?host=/run/postgresql, got "${redact(raw)}".`;
  }
  const host = match[3] ?? "";
  const socketDir = new URLSearchParams((match[5] ?? "").slice(1)).get("host");
  if (!host && !socketDir) {
    return `names no server: give a host (postgres://user@db.example.org:5432/elan) or a socket folder (postgresql://user@/elan?host=/run/postgresql), got "${redact(raw)}".`;
  }
  if (!host && socketDir && !socketDir.startsWith("/")) {
    return `host= must be an absolute socket folder (e.g. /run/postgresql), got "${socketDir}".`;
  }
  if (
    host &&
    !/^([\w.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?(,([\w.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?)*$/i.test(host)
  ) {
    return `has a malformed host "${host}" (expected host or host:port).`;
  }
  return null;
}

/** `redis://[user:pass@]host[:port][/db]`, `rediss://…` (TLS), or an absolute socket path. */
export function checkRedisUrl(raw: string): string | null {
  if (raw.startsWith("/")) {
    return /\s/.test(raw) ? `a socket path must not contain spaces, got "${raw}".` : null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    url = new URL("invalid:");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    return `must be redis://host:6379, rediss://host:6380 (TLS) or a unix socket path such as /run/redis/redis.sock, got "${redact(raw)}".`;
  }
  if (!url.hostname) return `names no host, got "${redact(raw)}".`;
  if (url.pathname && url.pathname !== "/" && !/^\/\d+$/.test(url.pathname)) {
    return `may only end with a database number (redis://host:6379/0), got "${redact(raw)}".`;
  }
  return null;
}

const ADDRESS_HOST = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])`;
const PUBLIC_ADDRESS = new RegExp(`^${ADDRESS_HOST}(?::(\\d{1,5}))?((?:/[A-Za-z0-9._~-]+)*)$`);

/**
 * What Colyseus puts in each seat reservation: the SDK connects to
 * `ws(s)://<publicAddress>/<processId>/<roomId>`, its scheme following the page's. So: no
 * scheme, no trailing slash, no query; a path is a proxy prefix routed to this one process.
 */
export function checkPublicAddress(raw: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    return `is written without a scheme (the client picks ws or wss), e.g. 10.0.0.5:2567 or game.example.org/2567, got "${raw}".`;
  }
  const match = PUBLIC_ADDRESS.exec(raw);
  if (!match) {
    return `must be host:port or host/path-prefix as clients reach this process (e.g. 10.0.0.5:2567 or game.example.org/2567; no trailing slash, no query), got "${raw}".`;
  }
  const port = match[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return `has a port out of range (1 to 65535), got "${raw}".`;
  }
  return null;
}

export function configFromEnv(env: Env, cwd: string): ConfigResult {
  const errors: ConfigError[] = [];
  const fail = (variable: string, message: string) => errors.push({ variable, message });

  const port = parsePort(value(env, "PORT"));
  if (typeof port === "string") fail("PORT", port);
  const trustProxy = parseFlag(value(env, "TRUST_PROXY"));
  if (typeof trustProxy === "string") fail("TRUST_PROXY", trustProxy);
  let allowedOrigins: string[] = [];
  try {
    allowedOrigins = originsFromEnv(env.ALLOWED_ORIGINS);
  } catch (error) {
    fail("ALLOWED_ORIGINS", (error as Error).message);
  }
  let publicUrl: string | null = null;
  try {
    publicUrl = parsePublicUrl(env.PUBLIC_URL);
  } catch (error) {
    fail("PUBLIC_URL", (error as Error).message);
  }

  const databaseUrl = value(env, "DATABASE_URL") ?? null;
  const redisUrl = value(env, "REDIS_URL") ?? null;
  const publicAddress = value(env, "PUBLIC_ADDRESS") ?? null;
  const checked: [string, string | null, (raw: string) => string | null][] = [
    ["DATABASE_URL", databaseUrl, checkDatabaseUrl],
    ["REDIS_URL", redisUrl, checkRedisUrl],
    ["PUBLIC_ADDRESS", publicAddress, checkPublicAddress],
  ];
  for (const [name, raw, check] of checked) {
    const problem = raw === null ? null : check(raw);
    if (problem) fail(name, problem);
  }
  // Several processes share rooms through Redis: each needs the shared store and its own address.
  if (redisUrl !== null && databaseUrl === null) {
    fail(
      "DATABASE_URL",
      "is required with REDIS_URL: processes sharing rooms need one shared PostgreSQL store (SQLite cannot be shared).",
    );
  }
  if (redisUrl !== null && publicAddress === null) {
    fail(
      "PUBLIC_ADDRESS",
      "is required with REDIS_URL: each process needs the address clients reach it at, unique per process (e.g. 10.0.0.5:2567 or game.example.org/2567).",
    );
  }
  if (publicAddress !== null && redisUrl === null) {
    fail(
      "PUBLIC_ADDRESS",
      "is set without REDIS_URL: a process address only matters when several processes share rooms through Redis; set REDIS_URL or unset PUBLIC_ADDRESS.",
    );
  }

  if (errors.length > 0 || typeof port === "string" || typeof trustProxy === "string") {
    return { ok: false, errors };
  }
  return {
    ok: true,
    config: {
      port,
      dataDir: resolve(cwd, value(env, "ELAN_DATA_DIR") ?? "data"),
      allowedOrigins,
      publicUrl,
      trustProxy,
      databaseUrl,
      redisUrl,
      publicAddress,
      clientDir: resolve(cwd, value(env, "ELAN_CLIENT_DIR") ?? join("dist", "client")),
    },
  };
}

/** One line per problem, for the operator reading the process's output. */
export function describeConfigErrors(errors: readonly ConfigError[]): string {
  return [
    "Élan cannot start: the configuration is incomplete or inconsistent.",
    ...errors.map((e) => `${e.variable}: ${e.message}`),
    "See docs/deploy.md for every variable.",
  ].join("\n");
}
