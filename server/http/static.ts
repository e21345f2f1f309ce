/**
 * Serves the built client (dist/client) from the same port as the rooms, with `sirv`: it picks
 * the `.br` or `.gz` file the build wrote next to each text asset (vite.config.ts,
 * `precompress`) by `Accept-Encoding`, and sets `Content-Encoding`, `Vary: Accept-Encoding`,
 * `Content-Length` and a weak ETag (answering 304 to a matching `If-None-Match`).
 *
 * What is ours around it:
 * - caching: hashed files under `assets/` never change (`immutable`, a year); `index.html` and
 *   anything else unhashed (favicon) is revalidated on every use (`no-cache` + ETag);
 * - unknown paths without an extension get index.html (the app routes itself); a missing file
 *   with an extension is a 404;
 * - only files inside the folder: a path that climbs out (`..`, encoded or not) is a 404, and
 *   sirv serves only from the list of files it found there;
 * - without a build, a small page says how to make one instead of failing (plain HTML: the
 *   Content-Security-Policy allows no inline style). The list is read again when index.html
 *   changes, so a build made while the server runs is picked up.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import sirv, { type RequestHandler } from "sirv";

export const NO_CLIENT_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Élan</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<h1>Élan</h1>
<p>Le serveur fonctionne, mais le client n'est pas construit. / The server is running, but the
client has not been built.</p>
<p><code>npm run build</code> then reload (or <code>npm start</code>, which builds it first).</p>
<p>Health: <a href="/health">/health</a></p>
</body></html>`;

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

/** Text types sirv names without a charset (it adds one to HTML only). */
const CHARSET_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

interface Served {
  indexMtime: number;
  handler: RequestHandler;
}

const handlers = new Map<string, Served>();

function mtimeOf(path: string): number | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats.mtimeMs : null;
  } catch {
    return null;
  }
}

/** Vite names what it writes under assets/ by content hash: a new build, new names. */
function cacheControl(pathname: string): string {
  return pathname.startsWith("/assets/") ? IMMUTABLE : REVALIDATE;
}

function headersFor(res: ServerResponse, pathname: string): void {
  res.setHeader("Cache-Control", cacheControl(pathname));
  const type = CHARSET_TYPES[extname(pathname)];
  if (type) res.setHeader("Content-Type", type);
}

function createHandler(base: string): RequestHandler {
  return sirv(base, {
    brotli: true,
    gzip: true,
    etag: true,
    // No `index.html` guessing for `/x` → `/x.html`: only `/` maps to the index.
    extensions: [],
    dotfiles: false,
    setHeaders: headersFor,
  });
}

/** The handler for this folder, made again when its index.html is rebuilt. */
function handlerFor(base: string, indexMtime: number): RequestHandler {
  const known = handlers.get(base);
  if (known && known.indexMtime === indexMtime) return known.handler;
  const handler = createHandler(base);
  handlers.set(base, { indexMtime, handler });
  return handler;
}

function notFound(res: ServerResponse): void {
  res.removeHeader("Cache-Control");
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
}

export function serveClient(root: string, req: IncomingMessage, res: ServerResponse): void {
  const base = resolve(root);
  const indexMtime = mtimeOf(join(base, "index.html"));
  if (indexMtime === null) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
    res.end(NO_CLIENT_PAGE);
    return;
  }
  let pathname: string;
  try {
    // Browsers resolve `..` before asking: a request that still holds one (raw or encoded) is
    // climbing, whatever URL normalisation would make of it.
    const raw = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    if (raw.split(/[/\\]/).includes("..")) return notFound(res);
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  // Belt and braces: whatever the path, it resolves inside the folder.
  const target = resolve(base, `.${pathname}`);
  if (target !== base && !target.startsWith(base + sep)) return notFound(res);
  const handler = handlerFor(base, indexMtime);
  // Set before sirv answers: its 304s carry only what is already on the response.
  res.setHeader("Vary", "Accept-Encoding");
  res.setHeader("Cache-Control", cacheControl(pathname));
  // `/` is index.html; other directories are not listed.
  if (pathname === "/") req.url = "/index.html";
  handler(req, res, () => {
    // Client-side routes have no extension: the app's index answers them.
    if (extname(pathname) !== "") return notFound(res);
    req.url = "/index.html";
    res.setHeader("Cache-Control", REVALIDATE);
    handler(req, res, () => notFound(res));
  });
}
