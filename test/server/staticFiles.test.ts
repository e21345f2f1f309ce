/**
 * The built client over raw HTTP (node:http, which neither asks for nor undoes compression): the
 * precompressed copy the browser accepts (brotli, else gzip, else the file), `Vary`, caching
 * (hashed assets immutable, the rest revalidated), ETags and 304, the app's index for client
 * routes, 404s, HEAD, paths confined to the folder, and the security headers on all of it.
 */
import { request } from "node:http";
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, tempDataDir, type TestServer } from "../helpers/server";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: the path is sent as written (no normalising of `..`). */
function get(
  url: string,
  path: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

// Big enough and repetitive enough for both encodings to be worth it.
const APP_JS = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `élan-${i % 37}`))};\n`;
const INDEX = `<!doctype html><html><head><title>Élan app</title><script type="module" src="/assets/app-C0ffee12.js"></script></head><body>${"<div></div>".repeat(50)}</body></html>`;
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(30)}</svg>`;
const GZIP_ONLY_CSS = `body { color: black; }\n`.repeat(40);

function writeWithCopies(dir: string, name: string, text: string, copies = ["br", "gz"]): void {
  const data = Buffer.from(text);
  writeFileSync(join(dir, name), data);
  if (copies.includes("br")) writeFileSync(join(dir, `${name}.br`), brotliCompressSync(data));
  if (copies.includes("gz")) writeFileSync(join(dir, `${name}.gz`), gzipSync(data, { level: 9 }));
}

let server: TestServer;
let clientDir: string;
beforeAll(async () => {
  clientDir = tempDataDir();
  mkdirSync(join(clientDir, "assets"));
  writeWithCopies(clientDir, "index.html", INDEX);
  writeWithCopies(clientDir, "favicon.svg", FAVICON);
  writeWithCopies(join(clientDir, "assets"), "app-C0ffee12.js", APP_JS);
  writeWithCopies(join(clientDir, "assets"), "style-Beef3456.css", GZIP_ONLY_CSS, ["gz"]);
  // A secret beside the client folder: nothing may reach it.
  writeFileSync(join(clientDir, "..", "secret.txt"), "do not serve");
  server = await startTestServer({ clientDir });
});
afterAll(async () => {
  await server.close();
});

const BR = { "accept-encoding": "gzip, deflate, br, zstd" };

function expectSecurityHeaders(answer: Answer, what: string): void {
  expect(answer.headers["content-security-policy"], what).toContain("default-src 'self'");
  expect(answer.headers["x-frame-options"], what).toBe("DENY");
  expect(answer.headers["x-content-type-options"], what).toBe("nosniff");
}

describe("the built client over HTTP", () => {
  it("sends brotli to a browser that accepts it, which decodes to the exact file", async () => {
    const js = await get(server.url, "/assets/app-C0ffee12.js", BR);
    expect(js.status).toBe(200);
    expect(js.headers["content-encoding"]).toBe("br");
    expect(js.headers["vary"]).toMatch(/accept-encoding/i);
    expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(Number(js.headers["content-length"])).toBe(js.body.length);
    expect(js.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 4);
    expect(brotliDecompressSync(js.body).toString()).toBe(APP_JS);
    expectSecurityHeaders(js, "br");
  });

  it("sends gzip when brotli is not accepted, and the file as it is when nothing is", async () => {
    const gz = await get(server.url, "/assets/app-C0ffee12.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["vary"]).toMatch(/accept-encoding/i);
    expect(gunzipSync(gz.body).toString()).toBe(APP_JS);

    const plain = await get(server.url, "/assets/app-C0ffee12.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["vary"]).toMatch(/accept-encoding/i);
    expect(plain.body.toString()).toBe(APP_JS);

    // No brotli copy of this one: a brotli-capable browser gets the gzip copy.
    const css = await get(server.url, "/assets/style-Beef3456.css", BR);
    expect(css.headers["content-encoding"]).toBe("gzip");
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(gunzipSync(css.body).toString()).toBe(GZIP_ONLY_CSS);
  });

  it("caches hashed assets for good and revalidates the index and unhashed files", async () => {
    const js = await get(server.url, "/assets/app-C0ffee12.js", BR);
    expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const path of ["/", "/index.html", "/favicon.svg"]) {
      const answer = await get(server.url, path, BR);
      expect(answer.status, path).toBe(200);
      expect(answer.headers["cache-control"], path).toBe("no-cache");
      expect(answer.headers["content-encoding"], path).toBe("br");
      expect(answer.headers["etag"], path).toBeTruthy();
    }
    const index = await get(server.url, "/", BR);
    expect(index.headers["content-type"]).toBe("text/html;charset=utf-8");
    expect(brotliDecompressSync(index.body).toString()).toBe(INDEX);
  });

  it("answers 304 to a matching If-None-Match, per encoding, with the security headers", async () => {
    const first = await get(server.url, "/", BR);
    const etag = String(first.headers["etag"]);
    const again = await get(server.url, "/", { ...BR, "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers["cache-control"]).toBe("no-cache");
    expectSecurityHeaders(again, "304");
    // The gzip copy is another representation: the brotli ETag does not validate it.
    const gz = await get(server.url, "/", { "accept-encoding": "gzip", "if-none-match": etag });
    expect(gz.status).toBe(200);
    expect(gunzipSync(gz.body).toString()).toBe(INDEX);
    const stale = await get(server.url, "/", { ...BR, "if-none-match": 'W/"0-0"' });
    expect(stale.status).toBe(200);
  });

  it("answers client routes with the index, and missing files with 404", async () => {
    for (const path of ["/join/ABCDEF", "/workshops", "/assets"]) {
      const answer = await get(server.url, path);
      expect(answer.status, path).toBe(200);
      expect(answer.body.toString(), path).toBe(INDEX);
      expect(answer.headers["cache-control"], path).toBe("no-cache");
    }
    for (const path of ["/missing.png", "/assets/app-0000.js", "/index.html.map"]) {
      const answer = await get(server.url, path, BR);
      expect(answer.status, path).toBe(404);
      expectSecurityHeaders(answer, path);
    }
  });

  it("answers HEAD with the headers and no body", async () => {
    const head = await get(server.url, "/assets/app-C0ffee12.js", BR, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(Number(head.headers["content-length"])).toBeGreaterThan(0);
    expect(head.body.length).toBe(0);
  });

  it("never serves anything outside the client folder", async () => {
    for (const path of [
      "/../secret.txt",
      "/..%2fsecret.txt",
      "/%2e%2e/secret.txt",
      "/assets/../../secret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/..%2f..%2f..%2fetc%2fpasswd",
      "/../../../../etc/passwd",
      "/..\\secret.txt",
    ]) {
      const answer = await get(server.url, path, BR);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).not.toContain("do not serve");
      expect(answer.body.toString(), path).not.toContain("root:");
    }
  });

  it("serves a new build made while it runs", async () => {
    const next = INDEX.replace("Élan app", "Élan app, rebuilt");
    writeWithCopies(clientDir, "index.html", next);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(clientDir, "index.html"), later, later);
    const index = await get(server.url, "/", BR);
    expect(brotliDecompressSync(index.body).toString()).toBe(next);
  });
});
