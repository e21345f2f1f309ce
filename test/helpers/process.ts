/**
 * Élan as a real child process (`server/start.ts`, what `npm start` runs), for the tests that
 * kill it: a free port, a given data folder, and a list that `killAll` empties at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Resolves once the process has exited after `signal`. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const children: ChildProcess[] = [];

/**
 * Starts `server/start.ts` on a free port (or `env.PORT`) and resolves once it prints its
 * port; `env` adds variables (e.g. REDIS_URL and PUBLIC_ADDRESS).
 */
export function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    env: { ...process.env, PORT: "0", ELAN_DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const kill = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\d+)/.exec(out);
      if (match) resolve({ child, url: `http://127.0.0.1:${match[1]}`, kill });
    });
    child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    child.on("exit", (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
}

/** Kills every process `spawnServer` started that is still running. */
export function killAll(): void {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
}

/**
 * Runs `server/start.ts` with extra environment variables and collects how it ended. A process
 * that starts after all is killed at once, so the test fails on its assertion, not a timeout.
 */
export function runStart(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    env: { ...process.env, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes("listening on")) child.kill("SIGKILL");
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

/** A port free right now (for a process that must know its own port before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
