/**
 * `npm run start:cluster` (server/cli/cluster.ts) as an operator would try it: a throwaway
 * PostgreSQL and Redis, two Élan processes on PORT and PORT + 1; a workshop created on one is
 * joined by code on the other; Ctrl-C stops everything it started, leaving nothing running.
 */
import { Client } from "@colyseus/sdk";
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createWorkshop, joinAs } from "../../helpers/clients";
import { freePort } from "../../helpers/process";
import { buildClient } from "../../e2e/harness";

/** Two neighbouring free ports (the cluster takes PORT and PORT + 1). */
async function twoPorts(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port + 1, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free && port < 65534) return port;
  }
}

describe("npm run start:cluster", () => {
  it("runs two processes sharing one store and Redis, and Ctrl-C stops everything", async () => {
    const port = await twoPorts();
    const clientDir = await buildClient();
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/cluster.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        ELAN_CLIENT_DIR: clientDir,
        ELAN_CLUSTER_HOST: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      await expect.poll(() => out, { timeout: 60_000 }).toContain("Ctrl-C stops everything");
      const [first, second] = [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`];
      expect(out).toContain(first);
      expect(out).toContain(second);
      // Created through one process, joined by code through the other.
      const fac = await createWorkshop(first, { teams: 2, years: 1, seed: "try-cluster" });
      const ana = await joinAs(second, fac.code, { name: "Ana" });
      expect(ana.seat.name).toBe("Ana");
      for (const room of [fac.room, ana.room]) room.reconnection.enabled = false;
      const sockets = [...out.matchAll(/(\/tmp\/elan-(?:pg|redis)-[^\s/?"]+)/g)].map((m) => m[1]);
      expect(sockets).toHaveLength(2);

      child.kill("SIGINT");
      expect(await exited).toBe(0);
      // Nothing left behind: no process answers, the throwaway services' folders are gone.
      await expect(fetch(`${first}/health`)).rejects.toThrow();
      await expect(fetch(`${second}/health`)).rejects.toThrow();
      for (const dir of sockets) expect(existsSync(dir as string)).toBe(false);
      await expect(new Client(first).joinById(fac.code, { name: "Ben" })).rejects.toThrow();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      rmSync(clientDir, { recursive: true, force: true });
    }
  }, 120_000);
});
