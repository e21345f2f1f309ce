/**
 * Facilitator tokens people bring: repeated, sequential, keyboard and tiny-alphabet tokens are
 * refused; random ones (base64url from 16 characters, the server's own) are accepted.
 */
import { randomBytes } from "node:crypto";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { estimateTokenGuesses, isStrongToken } from "../../shared/protocol/options";

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const bits = (token: string) => Math.log2(estimateTokenGuesses(token));

describe("isStrongToken", () => {
  it.each([
    ["one character", "aaaaaaaaaaaaaaaa"],
    ["one character, long", "Z".repeat(128)],
    ["two alternating", "abababababababab"],
    ["a short period", "abcabcabcabcabcabc"],
    ["a word twice", "passwordpassword"],
    ["mostly one character", "aaaaaaaaaaXk3$pQ9z"],
    ["digits in order", "1234567890123456"],
    ["digits backwards", "9876543210987654"],
    ["letters in order", "abcdefghijklmnop"],
    ["alphabet then digits", "abcdefghijklmnopqrstuvwxyz0123456789"],
    ["uppercase backwards", "ZYXWVUTSRQPONMLK"],
    ["QWERTY rows", "qwertyuiopasdfgh"],
    ["all QWERTY rows", "qwertyuiopasdfghjklzxcvbnm"],
    ["AZERTY rows", "azertyuiopqsdfgh"],
    ["keyboard columns", "zaq1xsw2cde3vfr4"],
    ["keyboard zigzag", "1q2w3e4r5t6y7u8i"],
    ["four characters shuffled", "abcacbbcacabbacb"],
    ["blocks of repeats", "AAAAbbbbCCCCdddd"],
    ["a word and a count", "Password1234567!"],
    ["zeros and a one", "0000000000000001"],
    ["too short", "Xk3$pQ9z!mW7"],
    ["too long", `${"Xk3$pQ9z!mW7rT5&".repeat(8)}x`],
  ])("refuses %s", (_label, token) => {
    expect(isStrongToken(token)).toBe(false);
  });

  it.each([
    ["the server's own (18 random bytes, base64url)", "mB3q_Zr8Lk2xVw9TfY0aHc1D"],
    ["base64url, 16 characters", "Gk8_qZ2mWx-4TbnR"],
    ["hex, 32 characters (128 bits)", "9f86d081884c7d659a2feaa0c55ad015"],
    ["mixed classes", "Tr0ub4dor&3xyzzy"],
    ["non-ASCII", "çaÉtéUnÉtéSûrà9€"],
    ["a passphrase (long enough)", "violet cactus tambour horloge"],
  ])("accepts %s", (_label, token) => {
    expect(isStrongToken(token)).toBe(true);
  });

  it("accepts 1,000 random base64url tokens of 16 characters", () => {
    // Seeded so the suite is repeatable; measured on a million crypto-random draws, about 2 in
    // 100,000 fall just under 64 bits (see shared/protocol/tokens.ts).
    const random = seedrandom("elan-tokens");
    const refused: string[] = [];
    for (let i = 0; i < 1000; i++) {
      let token = "";
      for (let j = 0; j < 16; j++) token += BASE64URL[Math.floor(random() * 64)];
      if (!isStrongToken(token)) refused.push(`${token} (${bits(token).toFixed(1)} bits)`);
    }
    expect(refused).toEqual([]);
  });

  it("accepts every server-style token (18 random bytes, base64url)", () => {
    for (let i = 0; i < 1000; i++) {
      const token = randomBytes(18).toString("base64url");
      expect(isStrongToken(token), token).toBe(true);
    }
  });

  it("estimates sensible entropies", () => {
    expect(bits("aaaaaaaaaaaaaaaa")).toBeLessThan(10);
    expect(bits("1234567890123456")).toBeLessThan(16);
    expect(bits("qwertyuiopasdfgh")).toBeLessThan(32);
    // 24 random base64url characters carry 144 bits; the estimate stays far above 64.
    expect(bits("mB3q_Zr8Lk2xVw9TfY0aHc1D")).toBeGreaterThan(100);
  });
});
