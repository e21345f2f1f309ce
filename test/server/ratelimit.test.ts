/**
 * Per-address rate limits at the front door (server/http/addressLimits.ts): joins and
 * creations, code look-ups and listings each have a token bucket per client address; over it
 * the answer is 429 `rate.limited` with Retry-After. Tight limits here (one Colyseus server per
 * test file); the defaults must pass a real room behind one NAT.
 */
import { Client, type MatchMakeError } from "@colyseus/sdk";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddressLimiter,
  clientAddress,
  DEFAULT_ADDRESS_LIMITS,
  normalizeAddress,
} from "../../server/http/addressLimits";
import { installFrontDoor } from "../../server/http/frontDoor";
import { CONTENT_SECURITY_POLICY } from "../../server/http/securityHeaders";
import { parseJoinError } from "../../shared/protocol/errors";
import { startTestServer, type TestServer } from "../helpers/server";

const post = (url: string, body: object = {}) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function expectHardened(res: Response): void {
  expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
  expect(res.headers.get("x-powered-by")).toBeNull();
}

describe("rate limits per address", () => {
  let tight: TestServer;
  beforeAll(async () => {
    tight = await startTestServer({
      addressLimits: {
        join: { burst: 3, perSecond: 0.01 },
        lookup: { burst: 2, perSecond: 0.5 },
        list: { burst: 1, perSecond: 1 / 30 },
      },
    });
  });
  afterAll(() => tight?.close());

  async function expect429(res: Response, retryAtLeast = 1): Promise<void> {
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get("retry-after"));
    expect(Number.isInteger(retry) && retry >= retryAtLeast, `Retry-After ${retry}`).toBe(true);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe("rate.limited");
    expect(body.message).toMatch(/retry in \d+ s/);
    expectHardened(res);
  }

  it("limits joins and creations, and the SDK reads rate.limited", async () => {
    const rooms = [];
    for (let i = 0; i < 3; i++) rooms.push(await new Client(tight.url).create("solo", {}));
    const error = await new Client(tight.url).create("solo", {}).then(
      () => undefined,
      (e: MatchMakeError) => e,
    );
    expect(error?.code).toBe(429);
    expect(parseJoinError(error?.message ?? "")?.code).toBe("rate.limited");
    const raw = await post(`${tight.url}/matchmake/joinById/ZZZZZZ`, { name: "x" });
    await expect429(raw, 50);
    for (const room of rooms) await room.leave();
  });

  it("limits code look-ups and listings, each in its own bucket", async () => {
    for (let i = 0; i < 2; i++) {
      expect((await fetch(`${tight.url}/api/workshops/ZZZZZZ`)).status).toBe(404);
    }
    await expect429(await fetch(`${tight.url}/api/workshops/ZZZZZZ`));
    await expect429(await fetch(`${tight.url}/api/workshops/ZZZZZZ/export`));
    expect(
      (await fetch(`${tight.url}/api/workshops`, { headers: bearer("x".repeat(20)) })).status,
    ).toBe(200);
    await expect429(
      await fetch(`${tight.url}/api/workshops`, { headers: bearer("x".repeat(20)) }),
      20,
    );
    // Other doors are not limited.
    expect((await fetch(`${tight.url}/health`)).status).toBe(200);
  });

  it("does not trust X-Forwarded-For unless told to", async () => {
    const res = await fetch(`${tight.url}/api/workshops/ZZZZZZ`, {
      headers: { "x-forwarded-for": "203.0.113.7" },
    });
    expect(res.status).toBe(429);
    await res.arrayBuffer();
  });

  it("passes a real room with the defaults: 64 people behind one NAT join within seconds", async () => {
    const limiter = new AddressLimiter(DEFAULT_ADDRESS_LIMITS, () => 0);
    for (let i = 0; i < 66; i++) {
      expect(limiter.take("lookup", "198.51.100.1").ok).toBe(true);
      expect(limiter.take("join", "198.51.100.1").ok).toBe(true);
    }
    // …and a second full room right after, on the same address.
    for (let i = 0; i < 54; i++) expect(limiter.take("join", "198.51.100.1").ok).toBe(true);
  });
});

describe("behind a trusted proxy", () => {
  it("limits by the last X-Forwarded-For entry only when trustProxy is on", async () => {
    for (const trustProxy of [true, false]) {
      const server = createServer((_req, res) => res.end("ok"));
      installFrontDoor(server, {
        trustProxy,
        limits: { lookup: { burst: 1, perSecond: 0.001 } },
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/workshops/ABC`;
      const from = (xff: string) => fetch(url, { headers: { "x-forwarded-for": xff } });
      try {
        const statuses = [];
        // A client cannot escape by claiming an address: only the proxy's (last) entry counts.
        for (const xff of ["203.0.113.1", "1.1.1.1, 203.0.113.1", "203.0.113.2"]) {
          const res = await from(xff);
          statuses.push(res.status);
          await res.arrayBuffer();
        }
        expect(statuses).toEqual(trustProxy ? [200, 429, 200] : [200, 429, 429]);
      } finally {
        server.close();
      }
    }
  });
});

describe("address limiter", () => {
  it("refills at the sustained rate and says when to come back", () => {
    let now = 0;
    const limiter = new AddressLimiter(
      { ...DEFAULT_ADDRESS_LIMITS, join: { burst: 2, perSecond: 0.5 } },
      () => now,
    );
    expect(limiter.take("join", "a").ok).toBe(true);
    expect(limiter.take("join", "a").ok).toBe(true);
    expect(limiter.take("join", "a")).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(limiter.take("join", "b").ok).toBe(true);
    now = 2000;
    expect(limiter.take("join", "a").ok).toBe(true);
    expect(limiter.take("join", "a").ok).toBe(false);
  });

  it("forgets idle addresses and never tracks more than its cap", () => {
    let now = 0;
    const limiter = new AddressLimiter(DEFAULT_ADDRESS_LIMITS, () => now, 1000);
    for (let i = 0; i < 5000; i++) limiter.take("lookup", `10.0.${i >> 8}.${i & 255}`);
    expect(limiter.tracked("lookup")).toBe(1000);
    // Idle long enough to refill: swept on the next request a minute later.
    now = 200_000;
    limiter.take("lookup", "192.0.2.1");
    expect(limiter.tracked("lookup")).toBe(1);
  });

  it("reads addresses: IPv4-mapped as IPv4, IPv6 by /64, X-Forwarded-For only when trusted", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    const req = (xff?: string) => ({
      socket: { remoteAddress: "::ffff:10.0.0.1" },
      headers: xff ? { "x-forwarded-for": xff } : {},
    });
    expect(clientAddress(req("203.0.113.9"), false)).toBe("10.0.0.1");
    expect(clientAddress(req("6.6.6.6, 203.0.113.9"), true)).toBe("203.0.113.9");
    expect(clientAddress(req(), true)).toBe("10.0.0.1");
  });
});
