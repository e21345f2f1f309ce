/**
 * The address participants type or scan. A facilitator often opens the console on the machine
 * that runs Élan (`http://localhost:2567`), an address no phone in the room can reach; the
 * server knows better: `PUBLIC_URL` when the operator set one (a reverse proxy, a DNS name),
 * else its first LAN IPv4 with its own port. Served by `GET /api/address`.
 */
import type { NetworkInterfaceInfo } from "node:os";

export type JoinAddressSource = "public" | "lan" | "none";

export interface JoinAddress {
  /** `scheme://host[:port][/path]` without a trailing slash, or null when none is known. */
  base: string | null;
  source: JoinAddressSource;
}

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** The first non-internal IPv4 address, in the order the OS lists its interfaces. */
export function lanAddress(interfaces: Interfaces): string | null {
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.family === "IPv4" && !info.internal) return info.address;
    }
  }
  return null;
}

/**
 * `PUBLIC_URL`: an http(s) URL, optionally with a path (a proxy's prefix), without query,
 * fragment or credentials. Throws a message naming what is wrong; empty or unset: none.
 */
export function parsePublicUrl(value: string | undefined): string | null {
  const raw = (value ?? "").trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`not a URL: "${raw}" (expected e.g. https://elan.example.org).`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`"${raw}" must start with http:// or https://.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(
      `"${raw}" must be scheme://host[:port][/path], without ?query, #fragment or credentials.`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export function joinAddress(
  publicUrl: string | null,
  interfaces: Interfaces,
  port: number,
): JoinAddress {
  if (publicUrl) return { base: publicUrl, source: "public" };
  const lan = lanAddress(interfaces);
  return lan ? { base: `http://${lan}:${port}`, source: "lan" } : { base: null, source: "none" };
}
