/**
 * `npm run start:cluster`: Élan as a cluster on this one machine, for trying it out — a
 * throwaway PostgreSQL and Redis (Debian's `postgresql` and `redis-server`; a clear message if
 * they are missing), and two Élan processes sharing them, on PORT and PORT + 1 (default 2567
 * and 2568), each its own PUBLIC_ADDRESS. Open either address: a workshop created on one is
 * joined by code on the other. Ctrl-C drains both processes (their workshops are written), then
 * stops everything it started; the data goes with the throwaway database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { startPostgres, type TestPostgres } from "./services/postgres";
import { startRedis, type RedisService } from "./services/redis";

const base = Number(process.env.PORT ?? 2567);
if (!Number.isInteger(base) || base < 1 || base > 65534) {
  console.error(`PORT must be a port number below 65535, got "${process.env.PORT}".`);
  process.exit(1);
}
const host = process.env.ELAN_CLUSTER_HOST ?? "localhost";

let postgres: TestPostgres | null = null;
let redis: RedisService | null = null;
const children: ChildProcess[] = [];
let stopping: Promise<void> | null = null;

function stop(code: number): Promise<void> {
  return (stopping ??= (async () => {
    // Each process drains (its rooms written and handed over), then exits.
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    await redis?.stop();
    postgres?.stop();
    process.exit(code);
  })());
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

/** Starts one Élan process and resolves once it listens. */
function elan(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(`[${port}] ${text}`);
      out += text;
      if (out.includes("listening on")) resolve(child);
    });
    child.once("exit", (code) => {
      reject(new Error(`the Élan process on port ${port} stopped (exit ${code})`));
      if (!stopping) void stop(1);
    });
  });
}

try {
  postgres = await startPostgres();
  redis = await startRedis();
  const databaseUrl = await postgres.createDatabase();
  const ports = [base, base + 1];
  for (const port of ports) {
    await elan(port, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      PUBLIC_ADDRESS: `${host}:${port}`,
    });
  }
  console.log(
    [
      "",
      "Élan cluster: two processes sharing a throwaway PostgreSQL and Redis.",
      ...ports.map((port) => `  http://${host}:${port}`),
      `PostgreSQL: ${databaseUrl}`,
      `Redis: ${redis.url}`,
      "Create a workshop on one, join it by code on the other. Ctrl-C stops everything.",
    ].join("\n"),
  );
} catch (error) {
  console.error(`start:cluster: ${(error as Error).message}`);
  await stop(1);
}
