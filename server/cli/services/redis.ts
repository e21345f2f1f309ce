/**
 * A real, throwaway Redis (for the tests, the benchmarks and `npm run start:cluster`): Debian's
 * `redis-server` on a unix socket in a fresh temp dir, with no persistence and no TCP port,
 * stopped (and its dir removed) by `stop()`. It resolves once the server answers a PING on its
 * socket. Without the binary it throws, naming the package to install: a test that needs Redis
 * fails loudly rather than skipping.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RedisService {
  /** What `REDIS_URL` takes: the socket path. */
  url: string;
  socket: string;
  /** SIGSTOP / SIGCONT: a Redis that hangs without closing its connections. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

const MISSING =
  "redis-server is not installed: these tests start a real Redis. Install Debian's package: apt-get install redis-server";

/** One PING on the socket: true when the answer is +PONG. */
function pingOnce(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const conn = connect(socket);
    let answer = "";
    const done = (ok: boolean) => {
      conn.destroy();
      resolve(ok);
    };
    conn.setTimeout(1000, () => done(false));
    conn.on("error", () => done(false));
    conn.on("connect", () => conn.write("PING\r\n"));
    conn.on("data", (chunk) => {
      answer += chunk.toString();
      if (answer.includes("\r\n")) done(answer.startsWith("+PONG"));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
  });
}

export async function startRedis(timeoutMs = 10_000): Promise<RedisService> {
  const dir = mkdtempSync(join(tmpdir(), "elan-redis-"));
  const socket = join(dir, "redis.sock");
  const child = spawn(
    "redis-server",
    [
      "--port",
      "0",
      "--unixsocket",
      socket,
      "--unixsocketperm",
      "700",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
      "--daemonize",
      "no",
      "--logfile",
      "",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const failed = new Promise<Error>((resolve) => {
    child.once("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "ENOENT" ? new Error(MISSING) : error),
    );
    child.once("exit", (code, signal) =>
      resolve(new Error(`redis-server exited (${code ?? signal}) before answering:\n${output}`)),
    );
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGCONT");
      child.kill("SIGTERM");
      await exited(child);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const started = Date.now();
  let error: Error | null = null;
  void failed.then((e) => (error = e));
  while (!(await pingOnce(socket))) {
    if (error) {
      await stop();
      throw error;
    }
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(
        `redis-server did not answer on ${socket} within ${timeoutMs} ms:\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url: socket,
    socket,
    pause: () => child.kill("SIGSTOP"),
    resume: () => child.kill("SIGCONT"),
    stop,
  };
}

/** One command through Debian's `redis-cli` (installed with redis-server), its raw answer. */
export function redisCli(service: RedisService, ...args: string[]): string {
  try {
    return execFileSync("redis-cli", ["-s", service.socket, "--raw", ...args], {
      encoding: "utf8",
    }).trimEnd();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error("redis-cli is not installed: apt-get install redis-server (or redis-tools)");
    }
    throw error;
  }
}
