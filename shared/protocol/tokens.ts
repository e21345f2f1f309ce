/**
 * Facilitator tokens a person brings (`facilitatorToken` at creation): the one secret that gives
 * facilitator rights and lists every workshop made with it, so it must not be guessable.
 * The server's own tokens (18 random bytes, base64url) pass by a wide margin.
 *
 * The rule (`isStrongToken`): 16–128 characters, and
 * - no character makes up more than half of the token;
 * - the token is not a shorter piece repeated ("abababab…", "passwordpassword");
 * - its estimated entropy is at least 64 bits (`estimateTokenGuesses` ≥ 2⁶⁴), the lower of
 *   two estimates:
 *   - **patterns**: the token is cut into runs where each character follows from the one
 *     before (the same character, the next or previous code point as in "abcd" or "4321", or
 *     a touching key on a QWERTY or AZERTY keyboard as in "qwerty", "1qaz" or "1q2w"). A run
 *     costs the guesser one pick in the character pool (from the classes present: 26
 *     lowercase, 26 uppercase, 10 digits, 33 ASCII symbols and space, 64 more if any
 *     non-ASCII), plus 3 bits for the direction and log₂ of its length. A random character is
 *     a run of one;
 *   - **alphabet**: a guesser who knows which distinct characters the token uses: choosing
 *     them from the pool, then one of them per position.
 *
 * It is an estimate, not a dictionary check: it refuses repeated, sequential, keyboard and
 * tiny-alphabet tokens ("aaaa…", "abab…", "1234567890123456", "qwertyuiopasdfgh"), and accepts
 * random base64url tokens: measured on a million draws, about 2 in 100,000 random tokens of
 * 16 characters fall just under 64 bits (they hold keyboard walks by chance: a facilitator
 * refused with `join.weak_token` draws another), none of 20 characters or more. Two
 * characters that follow each other are not a walk (random tokens are full of them); runs
 * start at three.
 */

export const TOKEN_MIN_LENGTH = 16;
export const TOKEN_MAX_LENGTH = 128;
export const TOKEN_MIN_BITS = 64;
/** 2⁶⁴ guesses. */
const MIN_GUESSES = 18446744073709551616;

/**
 * Two keyboards (unshifted), row by row, each row shifted right as on a real keyboard (in
 * quarter keys). Keys touching each other — same row side by side, or the rows above and
 * below within three quarters of a key — are predictable next keys ("qwerty", "1qaz", "1q2w").
 */
const KEYBOARDS: readonly (readonly [string, number])[][] = [
  [
    ["`1234567890-=", 0],
    ["qwertyuiop[]", 6],
    ["asdfghjkl;'", 7],
    ["zxcvbnm,./", 9],
  ],
  [
    ["1234567890", 4],
    ["azertyuiop", 6],
    ["qsdfghjklm", 7],
    ["<wxcvbn,;:!", 5],
  ],
];

const NEIGHBOURS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const rows of KEYBOARDS) {
    const keys = rows.flatMap(([row, offset], y) =>
      [...row].map((key, i) => ({ key, x: offset + 4 * i, y })),
    );
    for (const a of keys) {
      for (const b of keys) {
        const dx = Math.abs(a.x - b.x);
        const near = a.y === b.y ? dx === 4 : Math.abs(a.y - b.y) === 1 && dx <= 3;
        if (!near) continue;
        if (!map.has(a.key)) map.set(a.key, new Set());
        map.get(a.key)?.add(b.key);
      }
    }
  }
  return map;
})();

/** Ways a run can go (same, up, down, along one of a few key lines): 3 bits. */
const DIRECTIONS = 8;
/** Two characters that follow each other happen by chance in random tokens; three make a walk. */
const MIN_RUN = 3;

const isUpper = (c: string) => c >= "A" && c <= "Z";

/** Whether `next` is predictable from `prev`: same, ±1 code point, or a neighbouring key (same case). */
function follows(prev: string, next: string): boolean {
  if (Math.abs(prev.codePointAt(0)! - next.codePointAt(0)!) <= 1) return true;
  if (isUpper(prev) !== isUpper(next)) return false;
  return NEIGHBOURS.get(prev.toLowerCase())?.has(next.toLowerCase()) ?? false;
}

function poolSize(chars: readonly string[]): number {
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  let other = false;
  for (const c of chars) {
    if (c >= "a" && c <= "z") lower = true;
    else if (c >= "A" && c <= "Z") upper = true;
    else if (c >= "0" && c <= "9") digit = true;
    else if (c >= " " && c <= "~") symbol = true;
    else other = true;
  }
  return (
    (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 64 : 0)
  );
}

/** "n choose k", as a float (only ever compared to 2⁶⁴). */
function choose(n: number, k: number): number {
  let ways = 1;
  for (let i = 0; i < k; i++) ways = (ways * (n - i)) / (i + 1);
  return ways;
}

/**
 * How many guesses the cheaper of the two estimates needs (see the top of this file); its
 * log₂ is the entropy in bits. Computed with × and ÷ only (shared/ stays bit-identical across
 * engines): products overflow to Infinity long after 2⁶⁴, which only means "strong".
 */
export function estimateTokenGuesses(token: string): number {
  const chars = [...token];
  if (chars.length === 0) return 1;
  const pool = Math.max(poolSize(chars), 2);
  let patterns = 1;
  let run = 1;
  const closeRun = () => {
    if (run >= MIN_RUN) patterns *= pool * DIRECTIONS * run;
    else for (let i = 0; i < run; i++) patterns *= pool;
  };
  for (let i = 1; i < chars.length; i++) {
    if (follows(chars[i - 1]!, chars[i]!)) {
      run++;
    } else {
      closeRun();
      run = 1;
    }
  }
  closeRun();
  const distinct = new Set(chars).size;
  let alphabet = choose(pool, distinct);
  for (let i = 0; i < chars.length; i++) alphabet *= distinct;
  return Math.min(patterns, alphabet);
}

/** The shortest p such that the token is its first p characters repeated (p = length if none). */
function period(chars: readonly string[]): number {
  for (let p = 1; p < chars.length; p++) {
    let repeats = true;
    for (let i = p; i < chars.length && repeats; i++) repeats = chars[i] === chars[i - p];
    if (repeats) return p;
  }
  return chars.length;
}

/** Whether a user-supplied facilitator token is long and random enough (the rule above). */
export function isStrongToken(token: string): boolean {
  if (typeof token !== "string") return false;
  const chars = [...token];
  if (token.length < TOKEN_MIN_LENGTH || token.length > TOKEN_MAX_LENGTH) return false;
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (Math.max(...counts.values()) * 2 > chars.length) return false;
  if (period(chars) * 2 <= chars.length) return false;
  return estimateTokenGuesses(token) >= MIN_GUESSES;
}
