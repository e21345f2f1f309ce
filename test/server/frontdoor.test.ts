/**
 * The HTTP front door (server/http/frontDoor.ts) over the real server: security headers on
 * every kind of answer, CORS closed unless configured, workshops and solo games reached only
 * by id, tokens only in headers, and the `beforeJoinById` hook. Rate limits:
 * ratelimit.test.ts.
 */
import { Client, MatchMakeError } from "@colyseus/sdk";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { originsFromEnv, parseOrigins } from "../../server/http/cors";
import { installFrontDoor, JoinRefusal, type FrontDoorOptions } from "../../server/http/frontDoor";
import { CONTENT_SECURITY_POLICY } from "../../server/http/securityHeaders";
import { parseJoinError } from "../../shared/protocol/errors";
import { createWorkshop, type Facilitator } from "../helpers/clients";
import { startTestServer, tempDataDir, type TestServer } from "../helpers/server";

const EVIL = "https://evil.example";
const FRIEND = "https://friend.example";

let open: TestServer;
let fac: Facilitator;
beforeAll(async () => {
  const clientDir = tempDataDir();
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>Élan app</title>");
  writeFileSync(join(clientDir, "assets", "app-1234.js"), "console.log('app')");
  open = await startTestServer({ clientDir, allowedOrigins: [FRIEND] });
  fac = await createWorkshop(open.url, { teams: 2, years: 1 });
});
afterAll(async () => {
  await fac?.room.leave();
  await open?.close();
});

const post = (url: string, body: object = {}, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function expectHardened(res: Response, what: string): void {
  expect(res.headers.get("content-security-policy"), what).toBe(CONTENT_SECURITY_POLICY);
  expect(res.headers.get("x-frame-options"), what).toBe("DENY");
  expect(res.headers.get("referrer-policy"), what).toBe("no-referrer");
  expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(res.headers.get("x-powered-by"), what).toBeNull();
}

function expectNoCors(res: Response, what: string): void {
  for (const [name] of res.headers) {
    expect(name.startsWith("access-control-"), `${what}: ${name}`).toBe(false);
  }
}

describe("security headers", () => {
  it("are on every kind of answer, and no X-Powered-By", async () => {
    const answers: [string, Promise<Response>, number][] = [
      ["health", fetch(`${open.url}/health`), 200],
      ["index", fetch(`${open.url}/`), 200],
      ["client route", fetch(`${open.url}/join/ABCDEF`), 200],
      ["asset", fetch(`${open.url}/assets/app-1234.js`), 200],
      ["static 404", fetch(`${open.url}/missing.png`), 404],
      ["api 404", fetch(`${open.url}/api/nothing`), 404],
      ["api 405", fetch(`${open.url}/api/workshops`, { method: "PUT" }), 405],
      ["unknown code", fetch(`${open.url}/api/workshops/ZZZZZZ`), 404],
      ["workshop info", fetch(`${open.url}/api/workshops/${fac.code}`), 200],
      [
        "export",
        fetch(`${open.url}/api/workshops/${fac.code}/export`, { headers: bearer(fac.token) }),
        200,
      ],
      ["matchmake ok", post(`${open.url}/matchmake/create/solo`), 200],
      ["matchmake error", post(`${open.url}/matchmake/joinById/ZZZZZZ`, { name: "Zoé" }), 522],
      ["blind join", post(`${open.url}/matchmake/join/workshop`), 403],
      ["matchmake GET (the client's routes)", fetch(`${open.url}/matchmake/x/y`), 200],
      ["colyseus healthcheck", fetch(`${open.url}/__healthcheck`), 200],
      ["preflight", fetch(`${open.url}/matchmake/create/workshop`, { method: "OPTIONS" }), 204],
    ];
    for (const [what, pending, status] of answers) {
      const res = await pending;
      expect(res.status, what).toBe(status);
      expectHardened(res, what);
      await res.arrayBuffer();
    }
  });
});

describe("CORS", () => {
  it("is closed to other origins on /api and /matchmake, preflight included", async () => {
    const origin = { origin: EVIL };
    const answers: [string, Promise<Response>][] = [
      ["api", fetch(`${open.url}/api/workshops/${fac.code}`, { headers: origin })],
      [
        "list",
        fetch(`${open.url}/api/workshops`, { headers: { ...origin, ...bearer(fac.token) } }),
      ],
      ["matchmake", post(`${open.url}/matchmake/create/solo`, {}, origin)],
      ["matchmake error", post(`${open.url}/matchmake/joinById/ZZZZZZ`, { name: "x" }, origin)],
      [
        "preflight",
        fetch(`${open.url}/matchmake/create/workshop`, {
          method: "OPTIONS",
          headers: {
            ...origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
          },
        }),
      ],
      [
        "api preflight",
        fetch(`${open.url}/api/workshops`, {
          method: "OPTIONS",
          headers: {
            ...origin,
            "access-control-request-method": "GET",
            "access-control-request-headers": "authorization",
          },
        }),
      ],
    ];
    for (const [what, pending] of answers) {
      const res = await pending;
      expectNoCors(res, what);
      await res.arrayBuffer();
    }
  });

  it("works same-origin as before (no Origin header needed)", async () => {
    const res = await post(`${open.url}/matchmake/create/solo`, {}, { origin: open.url });
    expect(res.status).toBe(200);
    expectNoCors(res, "same origin");
    await res.arrayBuffer();
  });

  it("opens to exactly the allowed origins, with credentials for the SDK", async () => {
    const res = await fetch(`${open.url}/api/workshops/${fac.code}`, {
      headers: { origin: FRIEND },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe(FRIEND);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("vary")).toContain("Origin");
    const preflight = await fetch(`${open.url}/matchmake/create/workshop`, {
      method: "OPTIONS",
      headers: { origin: FRIEND, "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(FRIEND);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/content-type/i);
    const created = await post(`${open.url}/matchmake/create/solo`, {}, { origin: FRIEND });
    expect(created.headers.get("access-control-allow-origin")).toBe(FRIEND);
    await created.arrayBuffer();
    // A look-alike origin is another origin.
    const other = await fetch(`${open.url}/health`, { headers: { origin: `${FRIEND}:8443` } });
    expectNoCors(other, "look-alike");
  });

  it("reads ALLOWED_ORIGINS as exact origins and refuses anything else", () => {
    expect(originsFromEnv(undefined)).toEqual([]);
    expect(originsFromEnv(" https://a.example , http://localhost:5173,")).toEqual([
      "https://a.example",
      "http://localhost:5173",
    ]);
    expect(() => originsFromEnv("https://a.example/path")).toThrow(/Not an origin/);
    expect(() => originsFromEnv("a.example")).toThrow(/Not an origin/);
    expect(() => originsFromEnv("ftp://a.example")).toThrow(/Not an origin/);
    expect(() => parseOrigins(["*"])).toThrow(/Not an origin/);
  });
});

describe("workshops and solo games are reached only by id", () => {
  it("refuses client.join and joinOrCreate with join.no_code", async () => {
    for (const attempt of [
      () => new Client(open.url).join("workshop", { name: "Zoé" }),
      () => new Client(open.url).joinOrCreate("workshop", { name: "Zoé" }),
      () => new Client(open.url).join("solo", {}),
      () => new Client(open.url).joinOrCreate("solo", {}),
    ]) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MatchMakeError);
      const message = (error as MatchMakeError).message;
      expect(message.startsWith("join.no_code: "), message).toBe(true);
      expect(parseJoinError(message)?.code).toBe("join.no_code");
    }
    // The workshop is still there, and nobody landed in it.
    expect(fac.room.state.players.size).toBe(0);
  });

  it("refuses the raw POSTs too, even spelled oddly", async () => {
    for (const path of [
      "/matchmake/join/workshop",
      "/matchmake/joinOrCreate/workshop",
      "/matchmake/join/solo",
      "/matchmake/joinOrCreate/solo",
      "//matchmake/join/workshop",
      "/matchmake/join/%77orkshop",
      "/matchmake/join/workshop/",
      "/matchmake/join/workshop?x=1",
    ]) {
      const res = await post(`${open.url}${path}`, { name: "Zoé" });
      expect(res.status, path).toBe(403);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code, path).toBe("join.no_code");
      expect(body.message.startsWith("join.no_code: "), path).toBe(true);
    }
  });

  it("still lets create, joinById and reconnect through", async () => {
    const solo = await new Client(open.url).create("solo", {});
    expect(solo.roomId).toBeTruthy();
    const ana = await new Client(open.url).joinById(fac.code, { name: "Ana" });
    const token = ana.reconnectionToken;
    ana.connection.close(4999);
    const back = await new Client(open.url).reconnect(token);
    expect(back.roomId).toBe(fac.code);
    await back.leave();
    await solo.leave();
  });
});

describe("tokens travel in headers, never in URLs", () => {
  it("refuses ?token= on the API, even a right one", async () => {
    for (const path of [
      `/api/workshops?token=${fac.token}`,
      `/api/workshops/${fac.code}/export?format=csv&token=${fac.token}`,
      `/api/workshops/${fac.code}/export?format=json&token=nope`,
    ]) {
      const res = await fetch(`${open.url}${path}`);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe("join.bad_token");
      expect(body.message).toMatch(/Authorization: Bearer/);
    }
  });

  it("exports and lists with Authorization: Bearer", async () => {
    const csv = await fetch(`${open.url}/api/workshops/${fac.code}/export?format=csv`, {
      headers: bearer(fac.token),
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toBe(
      `attachment; filename="elan-${fac.code}.csv"`,
    );
    // (fetch's text() drops the BOM)
    expect((await csv.text()).startsWith("code,quarter")).toBe(true);
    const json = await fetch(`${open.url}/api/workshops/${fac.code}/export?format=json`, {
      headers: bearer(fac.token),
    });
    expect(((await json.json()) as { code: string }).code).toBe(fac.code);
    const list = await fetch(`${open.url}/api/workshops`, { headers: bearer(fac.token) });
    expect(((await list.json()) as { code: string }[]).map((w) => w.code)).toContain(fac.code);
    const wrong = await fetch(`${open.url}/api/workshops/${fac.code}/export`, {
      headers: bearer("not-the-token"),
    });
    expect(wrong.status).toBe(403);
    const none = await fetch(`${open.url}/api/workshops/${fac.code}/export`);
    expect(none.status).toBe(403);
  });
});

describe("beforeJoinById", () => {
  async function door(
    options: FrontDoorOptions,
  ): Promise<{ url: string; server: Server; seen: string[] }> {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "content-type": "application/json", "x-powered-by": "Express" });
      res.end("{}");
    });
    installFrontDoor(server, options);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, seen };
  }

  it("is awaited before a joinById goes on, and only then", async () => {
    const calls: string[] = [];
    const d = await door({
      beforeJoinById: async (roomId) => {
        calls.push(roomId);
        await new Promise((r) => setTimeout(r, 20));
        calls.push(`${roomId} ready`);
      },
    });
    try {
      const res = await post(`${d.url}/matchmake/joinById/ABC234`, { name: "Zoé" });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-powered-by")).toBeNull();
      expect(calls).toEqual(["ABC234", "ABC234 ready"]);
      expect(d.seen).toEqual(["POST /matchmake/joinById/ABC234"]);
      await post(`${d.url}/matchmake/create/workshop`, {});
      expect(calls).toHaveLength(2);
    } finally {
      d.server.close();
    }
  });

  it("refuses with the code of a JoinRefusal it throws", async () => {
    const d = await door({
      beforeJoinById: () => Promise.reject(new JoinRefusal(410, "join.ended", "Gone for good.")),
    });
    try {
      const res = await post(`${d.url}/matchmake/joinById/ABC234`, { name: "Zoé" });
      expect(res.status).toBe(410);
      const body = (await res.json()) as { code: string; message: string };
      expect(body).toEqual({ code: "join.ended", message: "join.ended: Gone for good." });
      expect(d.seen).toEqual([]);
    } finally {
      d.server.close();
    }
  });

  it("answers 500 server.error when it fails, and the request goes no further", async () => {
    const d = await door({
      beforeJoinById: () => Promise.reject(new Error("store down")),
    });
    try {
      const res = await post(`${d.url}/matchmake/joinById/ABC234`, { name: "Zoé" });
      expect(res.status).toBe(500);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe("server.error");
      expect(parseJoinError(body.message)?.code).toBe("server.error");
      expect(d.seen).toEqual([]);
    } finally {
      d.server.close();
    }
  });
});
