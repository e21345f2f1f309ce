/**
 * Join codes and player names: the text people type. Codes avoid look-alike characters
 * (0/O, 1/I/L) so they can be read off a projector and typed on a phone.
 */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

export function normalizeJoinCode(input: string): string {
  return input.trim().toUpperCase().replace(/[\s-]/g, "");
}

export function isJoinCode(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== JOIN_CODE_LENGTH) return false;
  for (const ch of value) if (!JOIN_CODE_ALPHABET.includes(ch)) return false;
  return true;
}

/** Maps uniform draws in [0, 1) to a code; the server supplies the randomness. */
export function joinCodeFrom(draws: readonly number[]): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    const u = draws[i] ?? 0;
    code += JOIN_CODE_ALPHABET[Math.floor(u * JOIN_CODE_ALPHABET.length)] ?? "A";
  }
  return code;
}

export const NAME_MAX_LENGTH = 24;

/** Why a name is refused; the server words it as `The name is ${reason.replace("_", " ")}.` */
export type NameRefusal = "empty" | "too_long" | "control" | "bidi" | "invisible" | "malformed";

export type NameCheck = { ok: true; name: string } | { ok: false; reason: NameRefusal };

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0, DEL, C1, and the line / paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** Bidirectional controls: they reorder what is displayed around them (ALM, LRM/RLM, embeddings, overrides, isolates). */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/**
 * Invisible anywhere: every format character (`Cf`: zero-width space/joiners, word joiner,
 * BOM, soft hyphen, tag characters U+E0000–U+E007F, Mongolian vowel separator…), and the
 * characters that draw nothing though they are letters or symbols: combining grapheme joiner,
 * Hangul fillers, Khmer inherent vowels, the blank Braille pattern.
 */
const INVISIBLE = /[\p{Cf}\u{E0000}-\u{E007F}\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0\u2800]/u;
/**
 * A variation selector modifies the character before it (❤︎ / ❤️); standing alone (first, or
 * after a space or another selector) it only hides itself.
 */
const STRAY_SELECTOR =
  /(?:^|[\s\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
/** A combining mark with no base character to sit on. */
const LEADING_MARK = /^\p{M}/u;

/**
 * Player and team names. NFC-normalised (so "é" typed as e + U+0301 is the precomposed "é" and
 * the two collide case-insensitively), trimmed, inner spaces collapsed, 1–24 characters counted
 * as code points. Refused: text with lone surrogates (`malformed`: they cannot be encoded, and
 * every client would fail to decode them), control characters (`control`), bidirectional
 * controls (`bidi`), invisible or blank-looking characters (`invisible`, including a stray
 * variation selector), and a name starting with a combining mark (`malformed`).
 */
export function checkName(input: unknown): NameCheck {
  if (typeof input !== "string") return { ok: false, reason: "empty" };
  if (LONE_SURROGATE.test(input)) return { ok: false, reason: "malformed" };
  if (CONTROL.test(input)) return { ok: false, reason: "control" };
  if (BIDI.test(input)) return { ok: false, reason: "bidi" };
  if (INVISIBLE.test(input)) return { ok: false, reason: "invisible" };
  const name = input.normalize("NFC").trim().replace(/\s+/g, " ");
  if (name.length === 0) return { ok: false, reason: "empty" };
  if (STRAY_SELECTOR.test(name)) return { ok: false, reason: "invisible" };
  if (LEADING_MARK.test(name)) return { ok: false, reason: "malformed" };
  if ([...name].length > NAME_MAX_LENGTH) return { ok: false, reason: "too_long" };
  return { ok: true, name };
}
