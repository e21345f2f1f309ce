/**
 * Élan on Colyseus's Redis presence and driver, against a real `redis-server` (unix socket,
 * no persistence): two spawned processes (`server/start.ts` with REDIS_URL and their own
 * PUBLIC_ADDRESS) list their rooms in Redis, a join by code through either process reaches
 * the process hosting the room, a process marked draining gets no new room (Colyseus would pick
 * the emptiest), and SIGTERM drains a process and removes its listings. In
 * process: `/ready` checks Redis with a PING (a hung Redis fails it), and `close()` releases
 * every Redis connection.
 *
 * The processes share a real PostgreSQL store (a throwaway one started for this file).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { CLUSTER_CONTENT_SECURITY_POLICY } from "../../server/http/securityHeaders";
import { createWorkshop, expectJoinRefused, joinAs, waitFor } from "../helpers/clients";
import { throwawayDatabases } from "../helpers/databases";
import { freePort, killAll, spawnServer, type ServerProcess } from "../helpers/process";
import { startTestServer, type TestServer } from "../helpers/server";
import { redisCli, startRedis, type RedisService } from "../../server/cli/services/redis";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});
afterAll(killAll);

// The shared store: a fresh database for each cluster.
const database = throwawayDatabases();

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "elan-redis-test-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function redis(): Promise<RedisService> {
  const service = await startRedis();
  cleanups.push(() => service.stop());
  return service;
}

interface Listing {
  roomId: string;
  name: string;
  processId: string;
  publicAddress?: string;
}

function listing(service: RedisService, code: string): Listing | null {
  const raw = redisCli(service, "HGET", "roomcaches", code);
  return raw ? (JSON.parse(raw) as Listing) : null;
}

/** Connections Redis sees, the asking redis-cli included. */
const clientCount = (service: RedisService) =>
  redisCli(service, "CLIENT", "LIST").split("\n").filter(Boolean).length;

describe("two processes sharing rooms through Redis", () => {
  it("list rooms in Redis; a join by code through either process lands in the room", async () => {
    const service = await redis();
    const db = await database();
    const start = async (): Promise<ServerProcess & { address: string }> => {
      const port = await freePort();
      const address = `127.0.0.1:${port}`;
      const server = await spawnServer(folder(), {
        PORT: String(port),
        REDIS_URL: service.url,
        PUBLIC_ADDRESS: address,
        DATABASE_URL: db,
      });
      cleanups.push(() => server.kill("SIGKILL"));
      return { ...server, address };
    };
    const a = await start();
    const b = await start();
    // A seat may be on the other process, at another address: the page's socket may go there.
    const csp = (await fetch(`${a.url}/health`)).headers.get("content-security-policy");
    expect(csp).toBe(CLUSTER_CONTENT_SECURITY_POLICY);
    expect(csp).toContain("connect-src 'self' ws: wss:");

    const fac = await createWorkshop(a.url, { teams: 2, years: 1, seed: "redis" });
    fac.room.reconnection.enabled = false;
    // Listed in Redis with the address of the process that hosts it (either: Colyseus places
    // a new room on the process with the fewest).
    const listed = listing(service, fac.code);
    expect(listed).toMatchObject({ roomId: fac.code, name: "workshop" });
    expect([a.address, b.address]).toContain(listed?.publicAddress);
    const host = listed?.publicAddress === a.address ? a : b;
    const other = host === a ? b : a;

    // The matchmaker of the process that does not host it answers with the host's address.
    const res = await fetch(`${other.url}/matchmake/joinById/${fac.code}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Zoé" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      roomId: fac.code,
      processId: listed?.processId,
      publicAddress: host.address,
    });

    // A real client through the other process is seated in the room, on the host's socket.
    const ana = await joinAs(other.url, fac.code, { name: "Ana" });
    ana.room.reconnection.enabled = false;
    await waitFor(() => fac.room.state.players.size === 1, 5000, "Ana seen by the facilitator");
    expect(ana.seat.name).toBe("Ana");
    const socketUrl = (ana.room.connection as unknown as { transport: { ws: { url: string } } })
      .transport.ws.url;
    expect(socketUrl).toContain(`ws://${host.address}/${listed?.processId}/${fac.code}`);

    // Both processes are in Colyseus's process stats.
    const processIds = redisCli(service, "HKEYS", "roomcount").split("\n").sort();
    expect(processIds).toHaveLength(2);
    expect(processIds).toContain(listed?.processId);

    // A process marked draining gets no new room, even when asked through it: Colyseus would
    // otherwise pick it (fewest rooms). With every process marked, creation is refused.
    const hostId = listed?.processId ?? "";
    const otherId = processIds.find((id) => id !== hostId) ?? "";
    redisCli(service, "SETEX", `elan:draining:${otherId}`, "60", "1");
    for (let i = 0; i < 3; i++) {
      const more = await createWorkshop(other.url, { teams: 2, years: 1, seed: `more-${i}` });
      expect(listing(service, more.code)?.processId).toBe(hostId);
      await more.room.leave();
    }
    redisCli(service, "SETEX", `elan:draining:${hostId}`, "60", "1");
    await expectJoinRefused(
      new Client(other.url).create("workshop", { teams: 2 }),
      "server.draining",
    );
    redisCli(service, "DEL", `elan:draining:${hostId}`, `elan:draining:${otherId}`);

    // SIGTERM drains and stops each process (exit 0); their listings leave Redis.
    await Promise.all([fac.room.leave(), ana.room.leave()]);
    for (const server of [host, other]) {
      await server.kill("SIGTERM");
      expect(server.child.exitCode).toBe(0);
    }
    expect(redisCli(service, "HLEN", "roomcaches")).toBe("0");
    // Each stopped process stays marked as draining (a mark that expires on its own).
    const marks = redisCli(service, "KEYS", "elan:draining:*").split("\n").sort();
    expect(marks).toEqual(processIds.map((id) => `elan:draining:${id}`));
    expect(redisCli(service, "HLEN", "roomcount")).toBe("0");
  });
});

describe("one process on Redis, in process", () => {
  it("sends no new room to a process that died (its stats outlive it)", async () => {
    const service = await redis();
    const db = await database();
    // Colyseus would wait this long for a dead process to answer before creating elsewhere.
    const start = async () => {
      const port = await freePort();
      const server = await spawnServer(folder(), {
        PORT: String(port),
        REDIS_URL: service.url,
        PUBLIC_ADDRESS: `127.0.0.1:${port}`,
        DATABASE_URL: db,
        COLYSEUS_PRESENCE_SHORT_TIMEOUT: "60000",
      });
      cleanups.push(() => server.kill("SIGKILL"));
      return server;
    };
    const b = await start();
    const first = await createWorkshop(b.url, { teams: 2, years: 1, seed: "busy" });
    first.room.reconnection.enabled = false;
    // A newer process with no room (the emptiest, which Colyseus would pick) dies at once.
    const a = await start();
    await a.kill("SIGKILL");
    const second = await createWorkshop(b.url, { teams: 2, years: 1, seed: "after" });
    second.room.reconnection.enabled = false;
    expect(listing(service, second.code)?.publicAddress).toBe(b.url.replace("http://", ""));
    await first.room.leave();
    await second.room.leave();
  }, 20_000);

  it("is ready only while Redis answers a PING, and close() releases its connections", async () => {
    const service = await redis();
    const port = await freePort();
    let server: TestServer | null = await startTestServer({
      port,
      redisUrl: service.url,
      publicAddress: `127.0.0.1:${port}`,
    });
    cleanups.push(() => server?.close());
    const ready = async () => {
      const res = await fetch(`${server?.url}/ready`);
      return { status: res.status, body: (await res.json()) as { failed: string[] } };
    };
    expect(await ready()).toMatchObject({ status: 200, body: { failed: [] } });
    expect(clientCount(service)).toBeGreaterThanOrEqual(4); // pub, sub, driver + redis-cli

    service.pause(); // hangs without closing anything: only the PING's deadline can tell
    const hung = await ready();
    service.resume();
    expect(hung.status).toBe(503);
    expect(hung.body).toMatchObject({
      status: "unready",
      failed: ["redis"],
      checks: { redis: { ok: false, error: expect.stringMatching(/no answer within/) } },
    });
    expect(await ready()).toMatchObject({ status: 200 });

    await server.close();
    server = null;
    await waitFor(() => clientCount(service) === 1, 5000, "every Redis connection closed");
  });
});
