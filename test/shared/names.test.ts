/**
 * Names people type (players, teams): NFC, and no character that hides, reorders or cannot be
 * encoded — each class refused with its own reason.
 */
import { describe, expect, it } from "vitest";
import { checkName, type NameRefusal } from "../../shared/protocol/codes";

const refused = (name: string): NameRefusal | "ok" => {
  const r = checkName(name);
  return r.ok ? "ok" : r.reason;
};
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

describe("checkName", () => {
  it("keeps the old rules: trim, collapse spaces, 1–24 code points, control characters", () => {
    expect(checkName("  Ana   Lu  ")).toEqual({ ok: true, name: "Ana Lu" });
    expect(refused("   ")).toBe("empty");
    expect(refused("")).toBe("empty");
    expect(checkName(42)).toEqual({ ok: false, reason: "empty" });
    expect(refused("x".repeat(25))).toBe("too_long");
    // 24 emoji are 48 UTF-16 units but 24 characters.
    expect(checkName("😀".repeat(24)).ok).toBe(true);
    expect(refused("😀".repeat(25))).toBe("too_long");
    for (const c of [
      "\u0000",
      "\u0007",
      "\u001f",
      "\u007f",
      "\u0085",
      "\u009f",
      "\u2028",
      "\u2029",
    ]) {
      expect(refused(`a${c}b`), hex(c.charCodeAt(0))).toBe("control");
    }
  });

  it("accepts ordinary names in many scripts, and emoji with their selectors", () => {
    for (const name of [
      "Zoé",
      "Ana-Lu O'Neil",
      "محمد",
      "דנה",
      "김민준",
      "王小明",
      "Ελένη",
      "Дмитрий",
      "नमस्ते",
      "❤️ Léa",
      "Léa ❤️",
      "1️⃣ Max",
      "👍🏽 Sam",
      "Ａｎａ",
    ]) {
      expect(checkName(name), name).toMatchObject({ ok: true });
    }
  });

  it("refuses bidirectional controls anywhere", () => {
    const bidi = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e];
    bidi.push(0x2066, 0x2067, 0x2068, 0x2069);
    for (const cp of bidi) {
      const c = String.fromCodePoint(cp);
      for (const name of [`${c}Ana`, `An${c}a`, `Ana${c}`])
        expect(refused(name), hex(cp)).toBe("bidi");
    }
    // The classic: "Ana" + RLO + "gpj.exe" displays as "Anaexe.jpg".
    expect(refused("Ana\u202Egpj.exe")).toBe("bidi");
  });

  it("refuses zero-width and invisible characters anywhere", () => {
    const invisible = [
      0x00ad, 0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060,
      0x2061, 0x2062, 0x2063, 0x2064, 0x206a, 0x206f, 0x2800, 0x3164, 0xfeff, 0xffa0, 0xfff9,
    ];
    for (const cp of invisible) {
      const c = String.fromCodePoint(cp);
      for (const name of [c, `${c}Ana`, `A${c}na`, `Ana${c}`, `${c}${c}${c}`]) {
        expect(refused(name), `${hex(cp)} in ${JSON.stringify(name)}`).toBe("invisible");
      }
    }
  });

  it("refuses every tag character", () => {
    for (let cp = 0xe0000; cp <= 0xe007f; cp++) {
      const c = String.fromCodePoint(cp);
      expect(refused(`Ana${c}`), hex(cp)).toBe("invisible");
      expect(refused(c), hex(cp)).toBe("invisible");
    }
    // A tag sequence hidden after a flag: refused too (it carries invisible text).
    expect(refused("Sam 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}")).toBe(
      "invisible",
    );
  });

  it("refuses variation selectors that stand alone, keeps those after a base character", () => {
    const selectors = [0xfe00, 0xfe0e, 0xfe0f, 0xe0100, 0xe01ef];
    for (const cp of selectors) {
      const v = String.fromCodePoint(cp);
      expect(refused(v), hex(cp)).toBe("invisible");
      expect(refused(`${v}${v}`), hex(cp)).toBe("invisible");
      expect(refused(`${v}Ana`), hex(cp)).toBe("invisible");
      expect(refused(`Ana ${v}`), hex(cp)).toBe("invisible");
      expect(refused(`Ana ${v}Lu`), hex(cp)).toBe("invisible");
      expect(refused(`Ana${v}${v}`), hex(cp)).toBe("invisible");
      expect(checkName(`Ana${v}`).ok, hex(cp)).toBe(true);
    }
    expect(checkName("\u2764\uFE0F").ok).toBe(true);
  });

  it("refuses lone surrogates as malformed, keeps well-formed pairs", () => {
    for (const name of [
      "\uD83D",
      "Ana\uD83D",
      "\uD83DAna",
      "\uDE00",
      "Ana\uDE00",
      "\uDE00\uD83D",
    ]) {
      expect(refused(name), JSON.stringify(name)).toBe("malformed");
    }
    expect(checkName("\uD83D\uDE00").ok).toBe(true);
    // A name cannot start with a combining mark: it has nothing to sit on.
    expect(refused("\u0301Ana")).toBe("malformed");
    expect(refused(" \u0301")).toBe("malformed");
  });

  it("normalises to NFC, so a decomposed é is the precomposed one", () => {
    const decomposed = "E\u0301lodie";
    const precomposed = "\u00C9lodie";
    expect(decomposed).not.toBe(precomposed);
    const a = checkName(decomposed);
    const b = checkName(precomposed);
    expect(a).toEqual({ ok: true, name: precomposed });
    expect(b).toEqual({ ok: true, name: precomposed });
    // Lower-cased (how rooms compare names), "Élodie" typed both ways and "élodie" collide.
    const lower = (r: typeof a) => (r.ok ? r.name.toLocaleLowerCase() : "");
    expect(lower(a)).toBe(lower(checkName("e\u0301lodie")));
    expect(lower(a)).toBe("\u00E9lodie");
    // The length counts the normalised characters: 24 decomposed é are 24 characters.
    expect(checkName("e\u0301".repeat(24)).ok).toBe(true);
  });
});
