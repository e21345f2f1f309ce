/**
 * The join address: PUBLIC_URL when set (checked at start, with a message naming the variable),
 * else the first LAN IPv4 with the server's own port, served by GET /api/address.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { joinAddress, lanAddress, parsePublicUrl } from "../../server/http/joinAddress";
import { startTestServer, tempDataDir, type TestServer } from "../helpers/server";

function nic(address: string, internal: boolean, family: "IPv4" | "IPv6" = "IPv4") {
  return { address, internal, family, netmask: "", mac: "", cidr: null } as NetworkInterfaceInfo;
}

const ROOM = {
  lo: [nic("127.0.0.1", true), nic("::1", true, "IPv6")],
  wlan0: [nic("fe80::1", false, "IPv6"), nic("192.168.1.23", false)],
  eth1: [nic("10.0.0.5", false)],
};

describe("the LAN address", () => {
  it("is the first non-internal IPv4, never loopback or IPv6", () => {
    expect(lanAddress(ROOM)).toBe("192.168.1.23");
    expect(lanAddress({ lo: ROOM.lo })).toBeNull();
    expect(joinAddress(null, ROOM, 2567)).toEqual({
      base: "http://192.168.1.23:2567",
      source: "lan",
    });
    expect(joinAddress(null, { lo: ROOM.lo }, 2567)).toEqual({ base: null, source: "none" });
  });

  it("offers only what the server listens on", () => {
    for (const host of ["0.0.0.0", "::", ""]) {
      expect(joinAddress(null, ROOM, 2567, host).base, host).toBe("http://192.168.1.23:2567");
    }
    for (const host of ["127.0.0.1", "localhost", "::1"]) {
      expect(joinAddress(null, ROOM, 2567, host), host).toEqual({ base: null, source: "none" });
    }
    expect(joinAddress(null, ROOM, 2567, "10.0.0.5").base).toBe("http://10.0.0.5:2567");
    expect(joinAddress(null, ROOM, 2567, "fd00::5").base).toBe("http://[fd00::5]:2567");
    expect(joinAddress("https://elan.example.org", ROOM, 2567, "127.0.0.1").source).toBe("public");
  });

  it("gives way to PUBLIC_URL, normalised; bad values are refused with a reason", () => {
    expect(parsePublicUrl("https://elan.example.org/")).toBe("https://elan.example.org");
    expect(parsePublicUrl(" http://salle-b:8080/elan/ ")).toBe("http://salle-b:8080/elan");
    expect(parsePublicUrl("")).toBeNull();
    expect(parsePublicUrl(undefined)).toBeNull();
    expect(joinAddress("https://elan.example.org", ROOM, 2567)).toEqual({
      base: "https://elan.example.org",
      source: "public",
    });
    expect(() => parsePublicUrl("elan.example.org")).toThrow(/not a URL/);
    expect(() => parsePublicUrl("ftp://elan.example.org")).toThrow(/http:\/\/ or https:\/\//);
    expect(() => parsePublicUrl("https://elan.example.org/?a=1")).toThrow(/without \?query/);
    expect(() => parsePublicUrl("https://u:p@elan.example.org")).toThrow(/credentials/);
  });
});

describe("GET /api/address", () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it("reports the LAN address with the port the server listens on", async () => {
    // Listening on every interface, as `npm start` does (tests otherwise bind 127.0.0.1 only).
    const server = await startTestServer({ host: "0.0.0.0", networkInterfaces: () => ROOM });
    servers.push(server);
    const res = await fetch(`${server.url}/api/address`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      base: `http://192.168.1.23:${server.app.port}`,
      source: "lan",
    });
  });

  it("reports this machine's own interfaces by default", async () => {
    const server = await startTestServer({ host: "0.0.0.0" });
    servers.push(server);
    const lan = lanAddress(networkInterfaces());
    expect(await (await fetch(`${server.url}/api/address`)).json()).toEqual(
      lan
        ? { base: `http://${lan}:${server.app.port}`, source: "lan" }
        : { base: null, source: "none" },
    );
  });

  it("reports nothing reachable when the server listens on loopback only", async () => {
    const server = await startTestServer({ networkInterfaces: () => ROOM });
    servers.push(server);
    expect(await (await fetch(`${server.url}/api/address`)).json()).toEqual({
      base: null,
      source: "none",
    });
  });

  it("reports PUBLIC_URL when it is set", async () => {
    const server = await startTestServer({
      publicUrl: "https://elan.example.org/",
      networkInterfaces: () => ROOM,
    });
    servers.push(server);
    expect(await (await fetch(`${server.url}/api/address`)).json()).toEqual({
      base: "https://elan.example.org",
      source: "public",
    });
  });

  it("stops npm start on a bad PUBLIC_URL, naming the variable", async () => {
    const dir = tempDataDir();
    const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
      env: { ...process.env, PORT: "0", ELAN_DATA_DIR: dir, PUBLIC_URL: "elan.local" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening on")) child.kill("SIGKILL");
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^PUBLIC_URL: not a URL: "elan.local"/m);
  });
});
