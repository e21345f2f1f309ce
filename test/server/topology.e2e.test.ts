/**
 * The topology docs/deploy.md describes, for real: Debian's nginx in front of two Élan
 * processes sharing a real Redis, each with a `PUBLIC_ADDRESS` that is nginx's address plus its
 * own path prefix. Browsers (here SDK clients) only ever talk to nginx: matchmaking on `/`
 * reaches any process, each WebSocket goes through the prefix of the process hosting the room.
 * When one process stops (SIGTERM: drain, exit 0), new workshops through nginx still open.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createWorkshop, joinAs, waitFor, type AnyRoom } from "../helpers/clients";
import { throwawayDatabases } from "../helpers/databases";
import { freePort, killAll, spawnServer, type ServerProcess } from "../helpers/process";
import { startNginx } from "../helpers/services/nginx";
import { startRedis } from "../../server/cli/services/redis";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});
afterAll(killAll);

// The shared store: a fresh database for each cluster.
const database = throwawayDatabases();

const socketUrl = (room: AnyRoom) =>
  (room.connection as unknown as { transport: { ws: { url: string } } }).transport.ws.url;

describe("nginx in front of two processes", () => {
  it("routes matchmaking to any process and each socket to its room's process", async () => {
    const redis = await startRedis();
    const db = await database();
    cleanups.push(() => redis.stop());
    const nginxPort = await freePort();
    const processes: { prefix: string; port: number; server: ServerProcess }[] = [];
    for (const port of [await freePort(), await freePort()]) {
      const prefix = `n1-${port}`;
      const dir = mkdtempSync(join(tmpdir(), "elan-topology-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const server = await spawnServer(dir, {
        PORT: String(port),
        REDIS_URL: redis.url,
        PUBLIC_ADDRESS: `127.0.0.1:${nginxPort}/${prefix}`,
        DATABASE_URL: db,
        TRUST_PROXY: "1",
      });
      cleanups.push(() => server.kill("SIGKILL"));
      processes.push({ prefix, port, server });
    }
    const nginx = await startNginx(
      nginxPort,
      processes.map((p) => ({ prefix: p.prefix, upstream: `127.0.0.1:${p.port}` })),
    );
    cleanups.push(() => nginx.stop());

    const fac = await createWorkshop(nginx.url, { teams: 2, years: 1, seed: "nginx" });
    const ana = await joinAs(nginx.url, fac.code, { name: "Ana" });
    const ben = await joinAs(nginx.url, fac.code, { name: "Ben" });
    for (const r of [fac.room, ana.room, ben.room]) r.reconnection.enabled = false;
    await waitFor(() => fac.room.state.players.size === 2, 5000, "both seated");
    // Every socket went through nginx, by the prefix of the one process hosting the room.
    const hostPrefix = new RegExp(
      `^ws://127\\.0\\.0\\.1:${nginxPort}/(n1-\\d+)/[^/]+/${fac.code}\\?`,
    );
    const prefixes = [fac.room, ana.room, ben.room].map((r) => hostPrefix.exec(socketUrl(r))?.[1]);
    expect(new Set(prefixes).size).toBe(1);
    const host = processes.find((p) => p.prefix === prefixes[0]);
    expect(host).toBeDefined();
    const other = processes.find((p) => p !== host)!;

    expect((await fetch(`${nginx.url}/ready`)).status).toBe(200);
    expect((await fetch(`${nginx.url}/metrics`)).status).toBe(404);

    // The process without the room stops (drains, exits 0); nginx skips it from then on.
    await other.server.kill("SIGTERM");
    expect(other.server.child.exitCode).toBe(0);
    for (let i = 0; i < 4; i++) {
      const next = await createWorkshop(nginx.url, { teams: 2, years: 1, seed: `after-${i}` });
      expect(socketUrl(next.room)).toContain(`/${host?.prefix}/`);
      await next.room.leave();
    }
    // The workshop on the running process never noticed.
    expect([fac.room, ana.room, ben.room].every((r) => r.connection.isOpen)).toBe(true);
    await Promise.all([fac.room.leave(), ana.room.leave(), ben.room.leave()]);
  });
});
