/**
 * A whole Élan cluster for a test, as docs/deploy.md describes it: a real Redis and a real
 * PostgreSQL (started here, stopped by `stop()`), a load balancer (services/balancer.ts), and
 * Élan processes (`server/start.ts`) named by the caller, each with its own port, data folder
 * and `PUBLIC_ADDRESS` (`<balancer>/<name>`), serving the client built into `clientDir`.
 */
import { rmSync } from "node:fs";
import { freePort, spawnServer, type ServerProcess } from "./process";
import { tempDataDir } from "./server";
import { startBalancer, type Balancer } from "./services/balancer";
import { startPostgres, type TestPostgres } from "../../server/cli/services/postgres";
import { startRedis, type RedisService } from "../../server/cli/services/redis";

export interface ClusterProcess {
  name: string;
  url: string;
  /** Resolves once the process has exited after `signal`. */
  kill(signal: NodeJS.Signals): Promise<void>;
  alive(): boolean;
  /** The exit code once it has exited (null before, or when killed by a signal). */
  exitCode(): number | null;
  /** Whether this process hosts the workshop's live room right now. */
  hosts(code: string): Promise<boolean>;
}

export interface Cluster {
  balancer: Balancer;
  postgres: TestPostgres;
  redis: RedisService;
  process(name: string): ClusterProcess;
  living(): ClusterProcess[];
  /** The living process hosting `code` (waits for one, up to `timeoutMs`). */
  ownerOf(code: string, timeoutMs?: number): Promise<ClusterProcess>;
  stop(): Promise<void>;
}

export async function startCluster(options: {
  processes: readonly string[];
  clientDir: string;
}): Promise<Cluster> {
  const postgres = await startPostgres();
  const redis = await startRedis();
  const balancer = await startBalancer();
  const dirs: string[] = [];
  const members: ClusterProcess[] = [];
  const stop = async () => {
    await Promise.all(members.map((m) => m.kill("SIGKILL")));
    await balancer.close();
    await redis.stop();
    await postgres.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const name of options.processes) {
      const port = await freePort();
      const dataDir = tempDataDir();
      dirs.push(dataDir);
      const child: ServerProcess = await spawnServer(dataDir, {
        PORT: String(port),
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        PUBLIC_ADDRESS: `${balancer.host}/${name}`,
        ELAN_CLIENT_DIR: options.clientDir,
      });
      balancer.add(name, child.url);
      members.push({
        name,
        url: child.url,
        kill: (signal) => child.kill(signal),
        alive: () => child.child.exitCode === null && child.child.signalCode === null,
        exitCode: () => child.child.exitCode,
        hosts: async (code) => {
          try {
            const res = await fetch(`${child.url}/api/workshops/${code}`);
            return res.ok && ((await res.json()) as { live?: boolean }).live === true;
          } catch {
            return false;
          }
        },
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const living = () => members.filter((m) => m.alive());
  return {
    balancer,
    postgres,
    redis,
    process: (name) => {
      const found = members.find((m) => m.name === name);
      if (!found) throw new Error(`no process named ${name}`);
      return found;
    },
    living,
    ownerOf: async (code, timeoutMs = 20_000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const hosting = await Promise.all(
          living().map(async (m) => [m, await m.hosts(code)] as const),
        );
        const owners = hosting.filter(([, yes]) => yes).map(([m]) => m);
        if (owners.length > 1)
          throw new Error(`${code} is hosted twice: ${owners.map((m) => m.name)}`);
        if (owners[0]) return owners[0];
        if (Date.now() > until) throw new Error(`no process hosts ${code}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop,
  };
}
