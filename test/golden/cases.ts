/**
 * Golden trajectories: (scenario, seed, teams) → SHA-256 of the canonical trajectory, and beside
 * it a readable table of each team's final outputs (rounded), so that a change shows what moved.
 * The hashes are checked in Node (golden.test.ts) and in a real browser (the e2e suite), so the
 * model is proven bit-identical across engines. After a deliberate model change, print the new
 * values with `npx tsx test/golden/print.ts`, check the tables move as intended, and pin them
 * with `npx tsx test/golden/print.ts --write` (then `npx prettier --write test/golden`).
 */
import type { StrategyId } from "../../shared/index";

export interface GoldenFinal {
  score: number;
  legacy: number;
  engagement: number;
  trust: number;
  reach: number;
  kpi: number;
}

export interface GoldenCase {
  scenario: string;
  seed: string;
  teams: Record<string, StrategyId>;
  sha256: string;
  /** Each team's final outputs, rounded (score and legacy to 2 decimals, gauges to 4). */
  finals: Record<string, GoldenFinal>;
}

export const GOLDEN_CASES: GoldenCase[] = [
  {
    scenario: "default",
    seed: "golden-1",
    teams: {
      t: "balanced",
    },
    sha256: "f92ca48768f490e5a8fa3fb336dfe33ad66000b2c56209b2c11aef5043555d17",
    finals: {
      t: {
        score: 16.34,
        legacy: 5.21,
        engagement: 0.0229,
        trust: 0.46,
        reach: 0.0174,
        kpi: 0.0232,
      },
    },
  },
  {
    scenario: "default",
    seed: "golden-2",
    teams: {
      t: "buzz",
    },
    sha256: "8e74d62faa30be3a67aa36037018cb5aca9c5c68c4d9e269fce4fb0d1fabf99c",
    finals: {
      t: {
        score: 4.19,
        legacy: 0.15,
        engagement: 0.0126,
        trust: 0.0379,
        reach: 1.0249,
        kpi: 0.0331,
      },
    },
  },
  {
    scenario: "default",
    seed: "golden-3",
    teams: {
      t: "idle",
    },
    sha256: "46b61d212c1f54666942cd9bed2053abee2d217b332ab99f97f94140e98bb1cd",
    finals: {
      t: {
        score: 8.86,
        legacy: 1.91,
        engagement: 0.011,
        trust: 0.432,
        reach: 0.0076,
        kpi: 0.0112,
      },
    },
  },
  {
    scenario: "default",
    seed: "golden-4",
    teams: {
      a: "adaptive",
      b: "short-termist",
      c: "culture-first",
    },
    sha256: "845d559059870185f57fe9c1ea83bf7822f59f7b9b0abcd7dda0ad2f3d535dd7",
    finals: {
      a: {
        score: 40.15,
        legacy: 18.47,
        engagement: 0.0615,
        trust: 0.5257,
        reach: 0.0534,
        kpi: 0.0626,
      },
      b: {
        score: 7.84,
        legacy: 1.57,
        engagement: 0.0194,
        trust: 0.2024,
        reach: 0.6631,
        kpi: 0.0327,
      },
      c: {
        score: 41.6,
        legacy: 18.42,
        engagement: 0.0624,
        trust: 0.5366,
        reach: 0.0562,
        kpi: 0.0636,
      },
    },
  },
  {
    scenario: "new-cfo",
    seed: "golden-5",
    teams: {
      t: "short-termist",
    },
    sha256: "d131e05e9297d28a456a989bd9b1f5857d1563c238a1ca8d50eeaa54c0313137",
    finals: {
      t: {
        score: 7.76,
        legacy: 1.55,
        engagement: 0.0176,
        trust: 0.1962,
        reach: 3.5164,
        kpi: 0.0879,
      },
    },
  },
  {
    scenario: "new-cfo",
    seed: "golden-6",
    teams: {
      a: "culture-first",
      b: "buzz",
    },
    sha256: "c021219796547f0be01c0d55dc09bf753dc2fe93e22505f16895f165990b6eed",
    finals: {
      a: {
        score: 27.62,
        legacy: 11.4,
        engagement: 0.0429,
        trust: 0.4625,
        reach: 0.0322,
        kpi: 0.0435,
      },
      b: {
        score: 5.05,
        legacy: 0.4,
        engagement: 0.0129,
        trust: 0.1063,
        reach: 1.0559,
        kpi: 0.034,
      },
    },
  },
  {
    scenario: "platform-migration",
    seed: "golden-7",
    teams: {
      t: "adaptive",
    },
    sha256: "53de38a79d915e36443d048b1d336a4dc55d5b34a2f129f64f67b18e387773aa",
    finals: {
      t: {
        score: 31.61,
        legacy: 13.38,
        engagement: 0.0407,
        trust: 0.5426,
        reach: 0.0334,
        kpi: 0.0414,
      },
    },
  },
  {
    scenario: "platform-migration",
    seed: "golden-8",
    teams: {
      a: "balanced",
      b: "idle",
    },
    sha256: "34eaca5b59cfdef78a214740e807ff6f795f7a4877f2be9535b70396b4f16822",
    finals: {
      a: {
        score: 14.1,
        legacy: 3.74,
        engagement: 0.0138,
        trust: 0.5397,
        reach: 0.0111,
        kpi: 0.014,
      },
      b: {
        score: 6.56,
        legacy: 1,
        engagement: 0.0057,
        trust: 0.4307,
        reach: 0.0036,
        kpi: 0.0058,
      },
    },
  },
  {
    scenario: "bad-buzz",
    seed: "golden-9",
    teams: {
      t: "culture-first",
    },
    sha256: "8ce797ef02cbe8456eb393d868ee35a70bb0a3382f63a6026f406dc115e99d4b",
    finals: {
      t: {
        score: 17.94,
        legacy: 6.01,
        engagement: 0.0313,
        trust: 0.3727,
        reach: 0.0189,
        kpi: 0.0317,
      },
    },
  },
  {
    scenario: "bad-buzz",
    seed: "golden-10",
    teams: {
      a: "buzz",
      b: "adaptive",
      c: "balanced",
      d: "short-termist",
    },
    sha256: "7c55012dfa650dd8a29b23685aa467e3633308c5e39cf0bf0922dc020820eb64",
    finals: {
      a: {
        score: 2.24,
        legacy: 0.06,
        engagement: 0.0084,
        trust: 0.0262,
        reach: 0.7547,
        kpi: 0.0235,
      },
      b: {
        score: 14.74,
        legacy: 4.9,
        engagement: 0.0247,
        trust: 0.3683,
        reach: 0.0143,
        kpi: 0.025,
      },
      c: {
        score: 10.31,
        legacy: 2.59,
        engagement: 0.0142,
        trust: 0.3827,
        reach: 0.0088,
        kpi: 0.0144,
      },
      d: {
        score: 5.66,
        legacy: 0.84,
        engagement: 0.0133,
        trust: 0.1387,
        reach: 0.4961,
        kpi: 0.0232,
      },
    },
  },
  {
    scenario: "default",
    seed: "golden-11",
    teams: {
      a: "expert",
      b: "expert",
      c: "buzz",
      d: "culture-first",
    },
    sha256: "06b6b1d9afde15a9b519c1f82a3fed15c843e33edfbdf08119aa7eedcfbe730e",
    finals: {
      a: {
        score: 44.33,
        legacy: 21.08,
        engagement: 0.0678,
        trust: 0.5289,
        reach: 0.0584,
        kpi: 0.069,
      },
      b: {
        score: 41.61,
        legacy: 20.16,
        engagement: 0.0643,
        trust: 0.5262,
        reach: 0.0539,
        kpi: 0.0654,
      },
      c: {
        score: 4.57,
        legacy: 0.1,
        engagement: 0.0138,
        trust: 0.0496,
        reach: 0.9164,
        kpi: 0.0321,
      },
      d: {
        score: 37.42,
        legacy: 16.35,
        engagement: 0.0577,
        trust: 0.522,
        reach: 0.0502,
        kpi: 0.0587,
      },
    },
  },
  {
    scenario: "new-cfo",
    seed: "golden-12",
    teams: {
      t: "expert",
    },
    sha256: "aafc97c701808e54bbcc67f391cb8345b453bca1ca13d068c23f93f766f1a970",
    finals: {
      t: {
        score: 45.94,
        legacy: 22.02,
        engagement: 0.0728,
        trust: 0.5232,
        reach: 0.0645,
        kpi: 0.074,
      },
    },
  },
];
