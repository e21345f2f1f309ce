/**
 * Cross-origin access, closed by default. The app's own page is same-origin and needs no CORS
 * header at all. Another site gets no `Access-Control-Allow-Origin` (the browser then hides
 * every answer from it) unless its exact origin is listed in `allowedOrigins` (env
 * `ALLOWED_ORIGINS`, e.g. the Vite dev server `http://localhost:5173`). A listed origin may send
 * credentials, because the Colyseus SDK's matchmaking `fetch` uses `credentials: "include"`.
 */

/** Canonical origins (`scheme://host[:port]`); throws on anything that is not one. */
export function parseOrigins(list: readonly string[]): Set<string> {
  const origins = new Set<string>();
  for (const raw of list) {
    const entry = raw.trim();
    if (!entry) continue;
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`Not an origin: "${entry}" (expected e.g. https://elan.example.org).`);
    }
    if (
      (url.protocol !== "http:" && url.protocol !== "https:") ||
      url.origin !== entry.replace(/\/$/, "")
    ) {
      throw new Error(`Not an origin: "${entry}" (scheme://host[:port], no path).`);
    }
    origins.add(url.origin);
  }
  return origins;
}

/** `ALLOWED_ORIGINS`: comma-separated exact origins; empty or unset: none. */
export function originsFromEnv(value: string | undefined): string[] {
  return [...parseOrigins((value ?? "").split(","))];
}

const ALLOW_METHODS = "GET, HEAD, POST, OPTIONS";
const ALLOW_HEADERS = "Accept, Authorization, Content-Type";

/**
 * The CORS headers for one answer: none unless the request's Origin is allowed. `preflight`
 * adds what an OPTIONS answer needs.
 */
export function corsHeaders(
  origin: string | undefined,
  allowed: ReadonlySet<string>,
  preflight: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {};
  // The answer depends on the Origin header whenever some origins are allowed: caches must know.
  if (allowed.size > 0) headers.Vary = "Origin";
  if (!origin || !allowed.has(origin)) return headers;
  headers["Access-Control-Allow-Origin"] = origin;
  headers["Access-Control-Allow-Credentials"] = "true";
  headers["Access-Control-Expose-Headers"] = "Content-Disposition, Retry-After";
  if (preflight) {
    headers["Access-Control-Allow-Methods"] = ALLOW_METHODS;
    headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS;
    headers["Access-Control-Max-Age"] = "600";
  }
  return headers;
}
