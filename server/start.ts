/**
 * `npm start`: one process serving rooms, HTTP API and the built client on PORT (default 2567).
 * The environment is read and checked by config.ts (every variable is listed in
 * docs/deploy.md); a missing or inconsistent setting stops the process here, exit 1, with one
 * line per variable at fault. Prints `listening on <port>` once ready (the restart test waits
 * for that line).
 *
 * SIGTERM or SIGINT drains the process (drain.ts: `/ready` 503 and no new room at once, the
 * drain hooks, then the shutdown), then it exits 0. A second signal stops it at once: every
 * acknowledged action is already durable.
 */
import { WebSocket } from "ws";
import { startApp, type ElanApp } from "./app";
import { configFromEnv, describeConfigErrors } from "./config";
import { RedisUnreachableError } from "./scaleOut";
import { StoreOpenError } from "./store/sqlite";

// Node 20 has no global WebSocket; @colyseus/core needs one on its reconnection path (STACK.md).
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const read = configFromEnv(process.env, process.cwd());
if (!read.ok) {
  console.error(describeConfigErrors(read.errors));
  process.exit(1);
}
const config = read.config;

let app: ElanApp;
try {
  app = await startApp({
    port: config.port,
    dataDir: config.dataDir,
    clientDir: config.clientDir,
    databaseUrl: config.databaseUrl ?? undefined,
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    redisUrl: config.redisUrl,
    publicAddress: config.publicAddress,
    processMetrics: true,
  });
} catch (error) {
  // A data folder that is not writable, locked by another Élan, or holding a file that is not
  // a usable database, or a Redis that does not answer: say which and why, and stop rather
  // than run without a safe store or cut off from the other processes.
  if (error instanceof StoreOpenError || error instanceof RedisUnreachableError) {
    console.error(`Élan cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

let signalled = false;
const stop = (signal: NodeJS.Signals) => {
  if (signalled) {
    console.error(`Élan: ${signal} again, stopping now.`);
    process.exit(1);
  }
  signalled = true;
  console.log(`Élan: ${signal}, draining (no new game here; /ready answers 503).`);
  app.drain().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("Élan: the drain failed:", error);
      process.exit(1);
    },
  );
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// As Colyseus does: an uncaught exception shuts the server down cleanly, then exits 1.
process.on("uncaughtException", (error) => {
  console.error("Élan: uncaught exception, shutting down:", error);
  app.close().finally(() => process.exit(1));
});

const restored = app.restored.length ? ` (restored: ${app.restored.join(", ")})` : "";
const cluster = config.publicAddress ? `; shared through Redis as ${config.publicAddress}` : "";
const where = config.databaseUrl ? "workshops in PostgreSQL" : `data in ${config.dataDir}`;
console.log(`Élan: ${where}${cluster}${restored}`);
for (const { code, reason } of app.quarantined) {
  console.error(`Élan: workshop ${code} is quarantined (kept, not restored): ${reason}`);
}
console.log(`listening on ${app.port}`);
