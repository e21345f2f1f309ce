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

export type NameCheck =
  { ok: true; name: string } | { ok: false; reason: "empty" | "too_long" | "control" };

/** Player and team names: trimmed, 1–24 characters, no control or invisible formatting characters. */
export function checkName(input: unknown): NameCheck {
  if (typeof input !== "string") return { ok: false, reason: "empty" };
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/.test(input)) {
    return { ok: false, reason: "control" };
  }
  const name = input.trim().replace(/\s+/g, " ");
  if (name.length === 0) return { ok: false, reason: "empty" };
  if ([...name].length > NAME_MAX_LENGTH) return { ok: false, reason: "too_long" };
  return { ok: true, name };
}
