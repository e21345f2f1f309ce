/**
 * Run by `npm start` before the server: builds the client (vite build → dist/client) when no
 * build is there yet. A failed build is reported, not fatal: the server then serves a small
 * page that says how to build the client.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (existsSync("dist/client/index.html")) process.exit(0);
if (!existsSync("client/index.html")) {
  console.warn("No client/index.html yet: starting without a client build.");
  process.exit(0);
}
console.log("Building the client (vite build)…");
const result = spawnSync("npx", ["vite", "build"], { stdio: "inherit" });
if (result.status !== 0) console.warn("The client build failed: starting without it.");
