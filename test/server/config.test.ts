/**
 * The configuration read from the environment (server/config.ts): every variable checked on
 * its own with a message naming it, the cluster's rules between them (REDIS_URL needs
 * DATABASE_URL and PUBLIC_ADDRESS; PUBLIC_ADDRESS alone is inconsistent), and `npm start`
 * refusing to start, exit 1, when they are not met or when Redis does not answer.
 */
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  configFromEnv,
  DEFAULT_PORT,
  describeConfigErrors,
  type ConfigResult,
} from "../../server/config";
import { killAll, runStart } from "../helpers/process";
import { tempDataDir } from "../helpers/server";

afterAll(killAll);

const CWD = "/srv/elan";
const PG = "postgres://elan:secret@db.internal:5432/elan";
const REDIS = "redis://redis.internal:6379";

function errorsOf(result: ConfigResult): [string, string][] {
  return result.ok ? [] : result.errors.map((e) => [e.variable, e.message]);
}

function variablesAtFault(env: Record<string, string>): string[] {
  return errorsOf(configFromEnv(env, CWD)).map(([variable]) => variable);
}

describe("configFromEnv", () => {
  it("keeps the embedded defaults when nothing is set: one process, SQLite under ./data", () => {
    expect(configFromEnv({}, CWD)).toEqual({
      ok: true,
      config: {
        port: DEFAULT_PORT,
        dataDir: "/srv/elan/data",
        allowedOrigins: [],
        publicUrl: null,
        trustProxy: false,
        databaseUrl: null,
        redisUrl: null,
        publicAddress: null,
        clientDir: "/srv/elan/dist/client",
      },
    });
  });

  it("reads every existing variable as before, empty values counting as unset", () => {
    const result = configFromEnv(
      {
        PORT: "8080",
        ELAN_DATA_DIR: "state",
        ELAN_CLIENT_DIR: "/opt/elan/client",
        ALLOWED_ORIGINS: "http://localhost:5173, https://elan.example.org",
        PUBLIC_URL: "https://elan.example.org/",
        TRUST_PROXY: "yes",
        DATABASE_URL: "",
        REDIS_URL: " ",
      },
      CWD,
    );
    expect(result).toEqual({
      ok: true,
      config: {
        port: 8080,
        dataDir: "/srv/elan/state",
        allowedOrigins: ["http://localhost:5173", "https://elan.example.org"],
        publicUrl: "https://elan.example.org",
        trustProxy: true,
        databaseUrl: null,
        redisUrl: null,
        publicAddress: null,
        clientDir: "/opt/elan/client",
      },
    });
    expect(configFromEnv({ TRUST_PROXY: "0", ELAN_DATA_DIR: "/var/lib/elan" }, CWD)).toMatchObject({
      ok: true,
      config: { trustProxy: false, dataDir: "/var/lib/elan" },
    });
  });

  it("refuses a bad PORT, TRUST_PROXY, ALLOWED_ORIGINS or PUBLIC_URL, naming each", () => {
    for (const port of ["abc", "-1", "65536", "80.5", "0x50"]) {
      expect(variablesAtFault({ PORT: port }), port).toEqual(["PORT"]);
    }
    expect(configFromEnv({ PORT: "0" }, CWD)).toMatchObject({ ok: true, config: { port: 0 } });
    expect(variablesAtFault({ TRUST_PROXY: "maybe" })).toEqual(["TRUST_PROXY"]);
    expect(variablesAtFault({ ALLOWED_ORIGINS: "localhost:5173" })).toEqual(["ALLOWED_ORIGINS"]);
    expect(variablesAtFault({ PUBLIC_URL: "elan.local" })).toEqual(["PUBLIC_URL"]);
    // Every problem at once, so the operator fixes them in one go.
    expect(variablesAtFault({ PORT: "x", TRUST_PROXY: "2", PUBLIC_URL: "ftp://a" })).toEqual([
      "PORT",
      "TRUST_PROXY",
      "PUBLIC_URL",
    ]);
  });

  it("takes DATABASE_URL alone (one process on PostgreSQL), in every form pg reads", () => {
    for (const url of [
      PG,
      "postgresql://elan@localhost/elan",
      "postgres://elan:p%40ss@[::1]:5433/elan?sslmode=require",
      "postgresql://elan@/elan?host=/run/postgresql",
      "postgresql://postgres@/postgres?host=/tmp/elan-pg-x1&port=5433",
    ]) {
      const result = configFromEnv({ DATABASE_URL: url }, CWD);
      expect(result, url).toMatchObject({ ok: true, config: { databaseUrl: url } });
    }
  });

  it("refuses a DATABASE_URL that is not PostgreSQL or names no server, hiding its password", () => {
    const cases: [string, RegExp][] = [
      ["mysql://elan:secret@db/elan", /must be a PostgreSQL URL/],
      ["db.internal:5432/elan", /must be a PostgreSQL URL/],
      ["postgresql:///elan", /names no server/],
      ["postgresql://elan@/elan?host=run/postgresql", /absolute socket folder/],
      ["postgres://elan:secret@db internal/elan", /malformed host/],
    ];
    for (const [url, reason] of cases) {
      const errors = errorsOf(configFromEnv({ DATABASE_URL: url }, CWD));
      expect(
        errors.map(([v]) => v),
        url,
      ).toEqual(["DATABASE_URL"]);
      expect(errors[0]?.[1], url).toMatch(reason);
      expect(errors[0]?.[1], url).not.toContain("secret");
    }
  });

  it("takes a redis://, rediss:// or unix socket REDIS_URL with DATABASE_URL and PUBLIC_ADDRESS", () => {
    for (const redis of [REDIS, "rediss://:pw@redis.internal:6380/2", "/run/redis/redis.sock"]) {
      const env = { REDIS_URL: redis, DATABASE_URL: PG, PUBLIC_ADDRESS: "10.0.0.5:2567" };
      expect(configFromEnv(env, CWD), redis).toMatchObject({
        ok: true,
        config: { redisUrl: redis, databaseUrl: PG, publicAddress: "10.0.0.5:2567" },
      });
    }
  });

  it("refuses a REDIS_URL of another kind", () => {
    for (const redis of ["http://redis:6379", "redis.internal:6379", "redis://", "redis://h/x"]) {
      const env = { REDIS_URL: redis, DATABASE_URL: PG, PUBLIC_ADDRESS: "10.0.0.5:2567" };
      expect(variablesAtFault(env), redis).toEqual(["REDIS_URL"]);
    }
  });

  it("takes PUBLIC_ADDRESS as Colyseus uses it: host:port or host/prefix, without a scheme", () => {
    for (const address of [
      "10.0.0.5:2567",
      "game.example.org/2567",
      "game.example.org/elan/p1",
      "localhost:2568",
      "[fd00::5]:2567",
      "game.example.org",
    ]) {
      const env = { REDIS_URL: REDIS, DATABASE_URL: PG, PUBLIC_ADDRESS: address };
      expect(configFromEnv(env, CWD), address).toMatchObject({
        ok: true,
        config: { publicAddress: address },
      });
    }
  });

  it("refuses a PUBLIC_ADDRESS the client could not build a socket URL from", () => {
    const cases: [string, RegExp][] = [
      ["ws://10.0.0.5:2567", /without a scheme/],
      ["https://game.example.org/2567", /without a scheme/],
      ["game.example.org/2567/", /no trailing slash/],
      ["game.example.org/2567?x=1", /no query/],
      ["10.0.0.5:99999", /out of range/],
      ["10.0.0.5:0", /out of range/],
      ["-bad-.example.org", /host:port or host\/path-prefix/],
    ];
    for (const [address, reason] of cases) {
      const env = { REDIS_URL: REDIS, DATABASE_URL: PG, PUBLIC_ADDRESS: address };
      const errors = errorsOf(configFromEnv(env, CWD));
      expect(
        errors.map(([v]) => v),
        address,
      ).toEqual(["PUBLIC_ADDRESS"]);
      expect(errors[0]?.[1], address).toMatch(reason);
    }
  });

  it("REDIS_URL requires DATABASE_URL: SQLite cannot be shared between processes", () => {
    const errors = errorsOf(configFromEnv({ REDIS_URL: REDIS, PUBLIC_ADDRESS: "h:1" }, CWD));
    expect(errors).toEqual([
      ["DATABASE_URL", expect.stringMatching(/required with REDIS_URL.*SQLite cannot be shared/)],
    ]);
  });

  it("REDIS_URL requires PUBLIC_ADDRESS: each process says where clients reach it", () => {
    const errors = errorsOf(configFromEnv({ REDIS_URL: REDIS, DATABASE_URL: PG }, CWD));
    expect(errors).toEqual([["PUBLIC_ADDRESS", expect.stringMatching(/required with REDIS_URL/)]]);
  });

  it("PUBLIC_ADDRESS without REDIS_URL is inconsistent", () => {
    for (const env of [
      { PUBLIC_ADDRESS: "10.0.0.5:2567" },
      { PUBLIC_ADDRESS: "h:1", DATABASE_URL: PG },
    ]) {
      const errors = errorsOf(configFromEnv(env, CWD));
      expect(errors).toEqual([["PUBLIC_ADDRESS", expect.stringMatching(/without REDIS_URL/)]]);
    }
  });

  it("REDIS_URL alone names both missing variables", () => {
    expect(variablesAtFault({ REDIS_URL: REDIS })).toEqual(["DATABASE_URL", "PUBLIC_ADDRESS"]);
  });

  it("describes the errors one line per variable, starting with its name", () => {
    const result = configFromEnv({ REDIS_URL: REDIS, PORT: "x" }, CWD);
    const text = describeConfigErrors(result.ok ? [] : result.errors);
    expect(text).toMatch(/^PORT: must be a port number/m);
    expect(text).toMatch(/^DATABASE_URL: is required with REDIS_URL/m);
    expect(text).toMatch(/^PUBLIC_ADDRESS: is required with REDIS_URL/m);
    expect(text).toContain("docs/deploy.md");
  });
});

describe("npm start refusing to start", () => {
  it("stops at once, exit 1, naming the variable, before opening anything", async () => {
    const dir = tempDataDir();
    const run = await runStart({
      ELAN_DATA_DIR: dir,
      REDIS_URL: "/nonexistent/redis.sock",
      PUBLIC_ADDRESS: "127.0.0.1:1",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^DATABASE_URL: is required with REDIS_URL/m);
    expect(run.stdout).not.toContain("listening on");
    // Refused before the data folder was even locked.
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("stops, exit 1, naming REDIS_URL, when Redis does not answer", async () => {
    const dir = tempDataDir();
    const run = await runStart({
      ELAN_DATA_DIR: dir,
      REDIS_URL: join(dir, "no-redis-here.sock"),
      PUBLIC_ADDRESS: "127.0.0.1:1",
      DATABASE_URL: "postgresql://elan@/elan?host=/run/postgresql",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^Élan cannot start: Redis at REDIS_URL does not answer \(no answer within \d+ ms\)/m,
    );
    expect(run.stdout).not.toContain("listening on");
    expect(readdirSync(dir)).toEqual([]); // the data folder was not taken
    rmSync(dir, { recursive: true, force: true });
  });
});
