/**
 * `npm start`: one process serving rooms, HTTP API and the built client on PORT (default 2567),
 * with the SQLite store in ELAN_DATA_DIR (default ./data). Prints `listening on <port>` once
 * ready (the restart test waits for that line).
 */
import { resolve } from "node:path";
import { WebSocket } from "ws";
import { startApp } from "./app";

// Node 20 has no global WebSocket; @colyseus/core needs one on its reconnection path (STACK.md).
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const port = Number(process.env.PORT ?? 2567);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}".`);
  process.exit(1);
}
const dataDir = resolve(process.env.ELAN_DATA_DIR ?? "data");

const app = await startApp({ port, dataDir, handleSignals: true });
const restored = app.restored.length ? ` (restored: ${app.restored.join(", ")})` : "";
console.log(`Élan: data in ${dataDir}${restored}`);
console.log(`listening on ${app.port}`);
