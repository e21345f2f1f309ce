/**
 * The HTTP side of the server: health, a clear page when the client is not built, static files
 * confined to the client folder with the app's index for client-side routes, and API refusals.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpHandler } from "../../server/http/api";
import { NO_CLIENT_PAGE } from "../../server/http/static";
import { startTestServer, tempDataDir, type TestServer } from "../helpers/server";

let built: TestServer;
beforeAll(async () => {
  const clientDir = tempDataDir();
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>Élan app</title>");
  writeFileSync(join(clientDir, "assets", "app-1234.js"), "console.log('app')");
  built = await startTestServer({ clientDir });
});
afterAll(async () => {
  await built.close();
});

describe("HTTP", () => {
  it("answers /health and serves the built client", async () => {
    const health = await fetch(`${built.url}/health`);
    expect(await health.json()).toMatchObject({ status: "ok", workshops: 0 });
    const js = await fetch(`${built.url}/assets/app-1234.js`);
    expect(js.headers.get("content-type")).toContain("javascript");
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect(await (await fetch(`${built.url}/join/ABCDEF`)).text()).toContain("Élan app");
    expect((await fetch(`${built.url}/missing.png`)).status).toBe(404);
    expect((await fetch(`${built.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it("hardens every answer: CSP, no framing, no sniffing, no referrer, no X-Powered-By", async () => {
    for (const path of ["/", "/assets/app-1234.js", "/missing.png", "/health", "/api/nothing"]) {
      const res = await fetch(`${built.url}${path}`);
      expect(res.headers.get("content-security-policy"), path).toContain("default-src 'self'");
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("x-powered-by"), path).toBeNull();
      expect(res.headers.get("access-control-allow-origin"), path).toBeNull();
    }
  });

  it("refuses API misuse with stable codes", async () => {
    const list = await fetch(`${built.url}/api/workshops`);
    expect([list.status, ((await list.json()) as { code: string }).code]).toEqual([
      400,
      "join.bad_token",
    ]);
    const post = await fetch(`${built.url}/api/workshops`, { method: "POST" });
    expect(post.status).toBe(405);
    const unknown = await fetch(`${built.url}/api/nothing`);
    expect(unknown.status).toBe(404);
    // Tokens travel in headers only: a token in the URL is refused, not used.
    const inUrl = await fetch(`${built.url}/api/workshops?token=${"t".repeat(20)}`);
    expect([inUrl.status, ((await inUrl.json()) as { code: string }).code]).toEqual([
      400,
      "join.bad_token",
    ]);
    const listed = await fetch(`${built.url}/api/workshops`, {
      headers: { authorization: `Bearer ${"t".repeat(20)}` },
    });
    expect([listed.status, await listed.json()]).toEqual([200, []]);
  });

  it("serves a clear page, not a crash, when the client is not built", async () => {
    // The handler alone, on a plain HTTP server: no second Colyseus server in this process.
    const handler = createHttpHandler({
      store: built.app.deps.store,
      live: new Map(),
      clientDir: join(tempDataDir(), "absent"),
      startedAt: 0,
      now: () => 0,
      joinAddress: () => ({ base: null, source: "none" }),
      ready: () => built.app.ready(),
      metrics: () => built.app.metrics.scrape(),
    });
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const page = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(NO_CLIENT_PAGE);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
