/**
 * Golden trajectories: (scenario, seed, teams) → SHA-256 of the canonical trajectory. The same
 * table is checked in Node (golden.test.ts) and in a real browser (the e2e suite), so the model
 * is proven bit-identical across engines. After a deliberate model change, print the new hashes
 * with `npx tsx test/golden/print.ts`, check the change is intended, and pin them here.
 */
import type { StrategyId } from "../../shared/index";

export interface GoldenCase {
  scenario: string;
  seed: string;
  teams: Record<string, StrategyId>;
  sha256: string;
}

export const GOLDEN_CASES: GoldenCase[] = [
  {
    scenario: "default",
    seed: "golden-1",
    teams: { t: "balanced" },
    sha256: "52456bb745a9df7900900bf4ef8699f0f7f0b0992e6b28fcf160721f5d917529",
  },
  {
    scenario: "default",
    seed: "golden-2",
    teams: { t: "buzz" },
    sha256: "f22deb73778a9e6f8b8289f70887e45c660bd0b74cd5ddc8fe0c293f01223530",
  },
  {
    scenario: "default",
    seed: "golden-3",
    teams: { t: "idle" },
    sha256: "c51b7b0753204e5a86bd68b4175a0ef27d9ddd79da34898f963e956ceafb225c",
  },
  {
    scenario: "default",
    seed: "golden-4",
    teams: { a: "adaptive", b: "short-termist", c: "culture-first" },
    sha256: "d1ee9d12cc2419020d777dd03032b3147dbd36500a86d01e027bf0f931bb447a",
  },
  {
    scenario: "new-cfo",
    seed: "golden-5",
    teams: { t: "short-termist" },
    sha256: "94d9841ad7fbf988803ba5a0b24cff3777183bfeca1f3ff7e06e16cdaa5aa540",
  },
  {
    scenario: "new-cfo",
    seed: "golden-6",
    teams: { a: "culture-first", b: "buzz" },
    sha256: "7a5886defefa3d5c576ebae3bacf4e5468efc61ebff2efb4a212d7eab486e428",
  },
  {
    scenario: "platform-migration",
    seed: "golden-7",
    teams: { t: "adaptive" },
    sha256: "cba9588c1656b6e64a9b1c7cffe4f3ddc9cc82ef821d696ed658d83af9a77a0d",
  },
  {
    scenario: "platform-migration",
    seed: "golden-8",
    teams: { a: "balanced", b: "idle" },
    sha256: "b082c5831d2d3be38bfe75a7ea813767a1d63bdf7de578b16bd01bfa5c6dc0b4",
  },
  {
    scenario: "bad-buzz",
    seed: "golden-9",
    teams: { t: "culture-first" },
    sha256: "259323b98c14433d12de25ed4dd46762e9630df130e316b3cd510ae11008edf2",
  },
  {
    scenario: "bad-buzz",
    seed: "golden-10",
    teams: { a: "buzz", b: "adaptive", c: "balanced", d: "short-termist" },
    sha256: "01a0238ef2e1755ae519f18cc802cd7c240b9f1cb2eaeb4501278d0ec5cbe8d3",
  },
];
