/**
 * Rate limits per client address on the HTTP doors that cost the server work or reveal
 * something: joins and creations (`POST /matchmake/*`), workshop look-ups
 * (`/api/workshops/:code`, exports included) and facilitator listings (`GET /api/workshops`).
 * One token bucket per address per kind; over it the front door answers 429.
 *
 * Defaults are sized for a real room, where everyone may share one address (a corporate NAT,
 * a school's Wi-Fi): a workshop holds up to 64 participants plus a facilitator and a
 * projector, and they all join within the same minute — after a server restart they all
 * rejoin within the same few seconds.
 * - joins: burst 120, 2/s sustained. Two full rooms behind one NAT can join at once; then 120
 *   joins a minute, so several workshops in a row (or a training centre running many) never
 *   wait, while one address cannot create rooms by the thousand.
 * - look-ups: burst 100, 1/s. Covers a full room checking its code at once; enumerating
 *   join codes (31⁶ ≈ 887 million) at 1/s stays hopeless.
 * - listings: burst 10, one every 30 s. A facilitator opens a dashboard a few times; nobody
 *   needs more, and the answer is the facilitator's whole history.
 *
 * Memory: a bucket whose address has been idle long enough to refill is the same as no
 * bucket, so it is dropped (swept at most once a minute); past `maxAddresses` per kind the
 * least recently seen address is dropped first. The map never grows without bound.
 */

export interface BucketLimit {
  /** Requests an idle address may make at once. */
  burst: number;
  /** Sustained requests per second once the burst is spent. */
  perSecond: number;
}

export const LIMIT_KINDS = ["join", "lookup", "list"] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];
export type AddressLimits = Record<LimitKind, BucketLimit>;

export const DEFAULT_ADDRESS_LIMITS: AddressLimits = {
  join: { burst: 120, perSecond: 2 },
  lookup: { burst: 100, perSecond: 1 },
  list: { burst: 10, perSecond: 1 / 30 },
};

export const MAX_ADDRESSES = 50_000;
const SWEEP_EVERY_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
}

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

export class AddressLimiter {
  private readonly buckets = new Map<LimitKind, Map<string, Bucket>>();
  private lastSweep: number;

  constructor(
    readonly limits: AddressLimits,
    private readonly now: () => number = Date.now,
    private readonly maxAddresses = MAX_ADDRESSES,
  ) {
    for (const kind of LIMIT_KINDS) this.buckets.set(kind, new Map());
    this.lastSweep = now();
  }

  /** Spends one request of `kind` for `address`, or says how long to wait. */
  take(kind: LimitKind, address: string): Take {
    const now = this.now();
    if (now - this.lastSweep >= SWEEP_EVERY_MS) this.sweep(now);
    const limit = this.limits[kind];
    const map = this.buckets.get(kind)!;
    const bucket = map.get(address);
    let tokens = limit.burst;
    if (bucket) {
      tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
      map.delete(address); // re-inserted below: the map stays ordered by last use
    } else if (map.size >= this.maxAddresses) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
    if (tokens < 1) {
      map.set(address, { tokens, at: now });
      const wait = limit.perSecond > 0 ? (1 - tokens) / limit.perSecond : 3600;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
    }
    map.set(address, { tokens: tokens - 1, at: now });
    return { ok: true };
  }

  /** Addresses currently tracked for `kind` (tests, diagnostics). */
  tracked(kind: LimitKind): number {
    return this.buckets.get(kind)!.size;
  }

  /** Drops every bucket that has refilled: its address is idle and starts afresh anyway. */
  sweep(now = this.now()): void {
    this.lastSweep = now;
    for (const kind of LIMIT_KINDS) {
      const limit = this.limits[kind];
      const map = this.buckets.get(kind)!;
      for (const [address, bucket] of map) {
        if (bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond >= limit.burst) {
          map.delete(address);
        }
      }
    }
  }
}

/**
 * The address a request is limited by. The socket's peer, unless `trustProxy` (one reverse
 * proxy of ours in front): then the last `X-Forwarded-For` entry, the one our proxy appended
 * (earlier entries are whatever the client claimed). IPv4-mapped IPv6 is read as IPv4, and an
 * IPv6 address counts as its /64 (one household or phone gets a whole /64).
 */
export function clientAddress(
  req: {
    socket: { remoteAddress?: string };
    headers: Record<string, string | string[] | undefined>;
  },
  trustProxy: boolean,
): string {
  let address = req.socket.remoteAddress ?? "";
  if (trustProxy) {
    const header = req.headers["x-forwarded-for"];
    const list = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",");
    const last = list[list.length - 1]?.trim();
    if (last) address = last;
  }
  return normalizeAddress(address);
}

export function normalizeAddress(raw: string): string {
  let address = raw.trim().toLowerCase();
  if (address.startsWith("[") && address.includes("]"))
    address = address.slice(1, address.indexOf("]"));
  const zone = address.indexOf("%");
  if (zone >= 0) address = address.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(":")) return address || "unknown";
  // IPv6: expand "::", keep the first four groups (the /64).
  const [head = "", tail] = address.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill("0"),
          ...tailGroups,
        ];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
