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
  { scenario: "default", seed: "golden-1", teams: { t: "balanced" }, sha256: "0ec3219beece5ffbcd2c9123081ca9d66a6acdfddd519dc43811c904b56fd3b8" },
  { scenario: "default", seed: "golden-2", teams: { t: "buzz" }, sha256: "12f2585269f36d364fdade31dd8e54c94e7351e0e8d55f678a0766285588b4f2" },
  { scenario: "default", seed: "golden-3", teams: { t: "idle" }, sha256: "bf267c3b67c5148e89613195af65a4e75b7fbddcbc6264038298a470c651698c" },
  {
    scenario: "default",
    seed: "golden-4",
    teams: { a: "adaptive", b: "short-termist", c: "culture-first" },
    sha256: "57ad9bfe2ff8b1517794be561beafc43721cdf68356c135c0ae2279c5b2377b3",
  },
  { scenario: "new-cfo", seed: "golden-5", teams: { t: "short-termist" }, sha256: "7a42a236326c3787ae39a7f9fd6ae61506ae14a403680d5f3497ba8393db2228" },
  { scenario: "new-cfo", seed: "golden-6", teams: { a: "culture-first", b: "buzz" }, sha256: "3cf8c21304ef989e1535d73164e2e93631ab4d85c3dfac19e78b330fa7f2326c" },
  { scenario: "platform-migration", seed: "golden-7", teams: { t: "adaptive" }, sha256: "2d9f9c3fce8a536f094f143474f2e4e9609202095e762a90bbf2f86d27b3b04e" },
  {
    scenario: "platform-migration",
    seed: "golden-8",
    teams: { a: "balanced", b: "idle" },
    sha256: "50d7b4273de56a784ef2cd5ffeb50e72553450230282419592b583e89cfbeda4",
  },
  { scenario: "bad-buzz", seed: "golden-9", teams: { t: "culture-first" }, sha256: "e64c28608f9df201ecc21424e005fac94787a64a1a73973e47cc8dd1a0f9c4a4" },
  {
    scenario: "bad-buzz",
    seed: "golden-10",
    teams: { a: "buzz", b: "adaptive", c: "balanced", d: "short-termist" },
    sha256: "2dba83716148e5c92f951dad24b6bdf4953eea2dc66744a21d2fad44f5b6da3a",
  },
];
