/**
 * A real nginx in front of Élan processes, as docs/deploy.md sets it up (without TLS): `/` to
 * any process, and each process's WebSockets by the path prefix of its `PUBLIC_ADDRESS`. Debian's
 * `nginx` binary (package nginx-light), in the foreground, every path in a temp dir, stopped by
 * `stop()`. Without the binary it throws, naming the package.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ProxiedProcess {
  /** The path prefix, e.g. `n1-2567`: the process's PUBLIC_ADDRESS is `<host>:<port>/<prefix>`. */
  prefix: string;
  /** Where nginx reaches it, e.g. `127.0.0.1:2567`. */
  upstream: string;
}

export interface NginxService {
  url: string;
  stop(): Promise<void>;
}

const NGINX = "/usr/sbin/nginx";
const MISSING = `nginx is not installed (${NGINX}): apt-get install nginx-light`;

/** The http-level part of the config, the same directives as docs/deploy.md's. */
export function elanNginxConfig(port: number, processes: readonly ProxiedProcess[]): string {
  const servers = processes.map((p) => `    server ${p.upstream} max_fails=2 fail_timeout=5s;`);
  const locations = processes.map(
    (p) => `    location /${p.prefix}/ { proxy_pass http://${p.upstream}/; }`,
  );
  return [
    "map $http_upgrade $connection_upgrade {",
    "    default upgrade;",
    '    ""      close;',
    "}",
    "upstream elan_any {",
    ...servers,
    "}",
    "server {",
    `    listen 127.0.0.1:${port};`,
    "    proxy_http_version 1.1;",
    "    proxy_set_header Host $host;",
    "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
    "    proxy_set_header X-Forwarded-Proto $scheme;",
    "    proxy_set_header Upgrade $http_upgrade;",
    "    proxy_set_header Connection $connection_upgrade;",
    "    proxy_read_timeout 1h;",
    "    proxy_send_timeout 1h;",
    ...locations,
    "    location = /metrics { return 404; }",
    "    location / {",
    "        proxy_pass http://elan_any;",
    "        proxy_next_upstream error timeout http_502 http_503 non_idempotent;",
    "    }",
    "}",
  ].join("\n");
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

export async function startNginx(
  port: number,
  processes: readonly ProxiedProcess[],
  timeoutMs = 10_000,
): Promise<NginxService> {
  try {
    execFileSync(NGINX, ["-v"], { stdio: "ignore" });
  } catch {
    throw new Error(MISSING);
  }
  const dir = mkdtempSync(join(tmpdir(), "elan-nginx-"));
  const conf = join(dir, "nginx.conf");
  writeFileSync(
    conf,
    [
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log;`,
      "worker_processes 1;",
      "events { worker_connections 256; }",
      "http {",
      "    access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (t) => `    ${t}_temp_path ${dir}/${t};`,
      ),
      elanNginxConfig(port, processes),
      "}",
    ].join("\n"),
  );
  const child = spawn(NGINX, ["-c", conf, "-p", dir, "-g", "daemon off;"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`nginx did not start on port ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { url, stop };
}
