/**
 * Serves the built client (dist/client) from the same port as the rooms. Paths are resolved
 * inside the client folder only; unknown paths without an extension get index.html (the app
 * routes itself). Without a build, a small page says how to make one instead of failing (plain
 * HTML: the Content-Security-Policy allows no inline style).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

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

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function send(res: ServerResponse, path: string, cache: string): void {
  res.writeHead(200, {
    "content-type": TYPES[extname(path)] ?? "application/octet-stream",
    "cache-control": cache,
    "x-content-type-options": "nosniff",
  });
  createReadStream(path).pipe(res);
}

export function serveClient(root: string, req: IncomingMessage, res: ServerResponse): void {
  const base = resolve(root);
  const index = join(base, "index.html");
  if (!existsSync(index)) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
    res.end(NO_CLIENT_PAGE);
    return;
  }
  let pathname = "/";
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const target = resolve(base, `.${pathname}`);
  if (target !== base && !target.startsWith(base + sep)) {
    res.writeHead(404).end();
    return;
  }
  if (isFile(target)) {
    const hashed = target.startsWith(join(base, "assets") + sep);
    send(res, target, hashed ? "public, max-age=31536000, immutable" : "no-cache");
  } else if (extname(pathname) === "") {
    send(res, index, "no-cache");
  } else {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
  }
}
