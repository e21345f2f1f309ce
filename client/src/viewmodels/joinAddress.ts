/**
 * Which address the console and the projector show participants. A page opened on the server's
 * own machine (`localhost`, `127.0.0.1`) would hand phones an address that points at
 * themselves; the server reports what the room can reach (`GET /api/address`: `PUBLIC_URL`, or
 * its LAN address), and a `PUBLIC_URL` always wins, since the operator set it for that purpose.
 */
export type AddressSource = "public" | "lan" | "none";

export interface ServerAddress {
  base: string | null;
  source: AddressSource;
}

export interface JoinTarget {
  /** `scheme://host[:port][/path]` to build join links and the QR code from. */
  base: string;
  /** The page is on a loopback address: the console says so. */
  loopback: boolean;
  /** What the console says about it: nothing, "shown instead", or "nothing reachable". */
  notice: "none" | "replaced" | "unreachable";
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "::1" ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/** What `GET /api/address` answered, or null when the body is not one. */
export function parseServerAddress(body: unknown): ServerAddress | null {
  if (!body || typeof body !== "object") return null;
  const { base, source } = body as Record<string, unknown>;
  if (source !== "public" && source !== "lan" && source !== "none") return null;
  if (source === "none") return { base: null, source };
  if (typeof base !== "string" || !/^https?:\/\/[^\s/]+/.test(base)) return null;
  return { base: base.replace(/\/+$/, ""), source };
}

export function joinTarget(
  page: { origin: string; hostname: string },
  server: ServerAddress | null,
): JoinTarget {
  const loopback = isLoopbackHost(page.hostname);
  if (server?.base && server.source === "public") {
    return { base: server.base, loopback, notice: loopback ? "replaced" : "none" };
  }
  if (!loopback) return { base: page.origin, loopback, notice: "none" };
  if (server?.base) return { base: server.base, loopback, notice: "replaced" };
  // Not known yet (the answer is on its way) or nothing reachable: say so only once known.
  return { base: page.origin, loopback, notice: server ? "unreachable" : "none" };
}

/** What participants type: the address without its scheme. */
export function displayHost(base: string): string {
  return base.replace(/^https?:\/\//, "");
}

export function joinUrl(base: string, code: string): string {
  return `${base}/?code=${encodeURIComponent(code)}`;
}
