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

/** Bound to one loopback address (tests, a local-only server): no other device can come in. */
function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * `host` is what the server listens on: every interface (unset, `0.0.0.0`, `::`) offers the
 * first LAN address; one specific address offers itself; a loopback address offers nothing.
 */
export function joinAddress(
  publicUrl: string | null,
  interfaces: Interfaces,
  port: number,
  host?: string,
): JoinAddress {
  if (publicUrl) return { base: publicUrl, source: "public" };
  const everywhere = !host || host === "0.0.0.0" || host === "::";
  if (!everywhere && isLoopback(host)) return { base: null, source: "none" };
  const lan = everywhere ? lanAddress(interfaces) : host;
  if (!lan) return { base: null, source: "none" };
  const shown = lan.includes(":") ? `[${lan}]` : lan;
  return { base: `http://${shown}:${port}`, source: "lan" };
}
