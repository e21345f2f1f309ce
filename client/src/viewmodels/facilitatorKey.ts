/**
 * This browser's own facilitator secret. Every workshop hosted here is created with it (the
 * `facilitatorToken` create option), so one `GET /api/workshops` lists all of them in "Mes
 * ateliers" — listings are rate-limited per address, a token per workshop would not scale —
 * and pasting it on another device brings the whole list along. 24 random bytes in base64url:
 * 32 characters, far above the server's strength rule (`isStrongToken`).
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export const FACILITATOR_KEY_BYTES = 24;

/** base64url of `bytes` (length a multiple of 3: no padding). */
export function facilitatorKeyFrom(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      ALPHABET[(n >> 18) & 63]! +
      ALPHABET[(n >> 12) & 63]! +
      ALPHABET[(n >> 6) & 63]! +
      ALPHABET[n & 63]!;
  }
  return out;
}

/** A key read back from storage is kept only if it still has the shape this module writes. */
export function isFacilitatorKey(value: string | null): value is string {
  return value !== null && /^[A-Za-z0-9_-]{32}$/.test(value);
}
