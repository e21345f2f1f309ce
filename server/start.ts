/**
 * `npm start`: one process serving rooms, HTTP API and the built client on PORT (default 2567),
 * with the SQLite store in ELAN_DATA_DIR (default ./data). Prints `listening on <port>` once
 * ready (the restart test waits for that line). ALLOWED_ORIGINS (comma-separated exact origins,
 * e.g. the Vite dev server `http://localhost:5173`) opens the API and matchmaking to those
 * sites; TRUST_PROXY=1 limits clients by the X-Forwarded-For address of one reverse proxy.
 * PUBLIC_URL (e.g. https://elan.example.org) is the address participants are shown (QR code,
 * projector) instead of this machine's LAN address.
 */
import { resolve } from "node:path";
import { WebSocket } from "ws";
import { startApp, type ElanApp } from "./app";
import { originsFromEnv } from "./http/cors";
import { parsePublicUrl } from "./http/joinAddress";
import { StoreOpenError } from "./store/sqlite";

// Node 20 has no global WebSocket; @colyseus/core needs one on its reconnection path (STACK.md).
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const port = Number(process.env.PORT ?? 2567);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}".`);
  process.exit(1);
}
const dataDir = resolve(process.env.ELAN_DATA_DIR ?? "data");
let allowedOrigins: string[];
try {
  allowedOrigins = originsFromEnv(process.env.ALLOWED_ORIGINS);
} catch (error) {
  console.error(`ALLOWED_ORIGINS: ${(error as Error).message}`);
  process.exit(1);
}
let publicUrl: string | null;
try {
  publicUrl = parsePublicUrl(process.env.PUBLIC_URL);
} catch (error) {
  console.error(`PUBLIC_URL: ${(error as Error).message}`);
  process.exit(1);
}
const trustProxy = /^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? "");

let app: ElanApp;
try {
  app = await startApp({
    port,
    dataDir,
    databaseUrl: process.env.DATABASE_URL,
    handleSignals: true,
    allowedOrigins,
    trustProxy,
    publicUrl,
  });
} catch (error) {
  // A data folder that is not writable, locked by another Élan, or holding a file that is not
  // a usable database: say which and why, and stop rather than run without a safe store.
  if (error instanceof StoreOpenError) {
    console.error(`Élan cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
const restored = app.restored.length ? ` (restored: ${app.restored.join(", ")})` : "";
console.log(`Élan: data in ${dataDir}${restored}`);
for (const { code, reason } of app.quarantined) {
  console.error(`Élan: workshop ${code} is quarantined (kept, not restored): ${reason}`);
}
console.log(`listening on ${app.port}`);
