/**
 * Per-client token bucket. A flood is answered with `rate.limited` refusals (the client stays
 * connected and nothing changes); Colyseus' own `maxMessagesPerSecond`, set well above this,
 * remains the backstop that disconnects a client that ignores them.
 */
export interface RateLimit {
  /** Messages accepted in a burst. */
  burst: number;
  /** Sustained messages per second. */
  perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 30, perSecond: 15 };

export interface Bucket {
  tokens: number;
  last: number;
}

export function newBucket(limit: RateLimit, now: number): Bucket {
  return { tokens: limit.burst, last: now };
}

/** Takes one token if there is one; refills by elapsed time first. */
export function take(bucket: Bucket, limit: RateLimit, now: number): boolean {
  const elapsed = Math.max(0, now - bucket.last) / 1000;
  bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsed * limit.perSecond);
  bucket.last = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
