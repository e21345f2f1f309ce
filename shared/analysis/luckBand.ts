/**
 * "How much was luck?": one team's decisions replayed over many seeds, summarised per quarter as
 * percentiles of every output. The real outcome is then drawn against this band.
 */
import { percentileSorted } from "../model/math";
import type { Allocation } from "../model/levers";
import { OUTPUT_IDS, type InjectedEvent, type OutputId, type Scenario } from "../model/types";
import { simulateTeam } from "./simulateTeam";

export interface Percentiles {
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface LuckBand {
  seeds: number;
  /** quarters[q-1][output] */
  quarters: Record<OutputId, Percentiles>[];
}

export interface LuckBandOptions {
  teamId?: string;
  injected?: readonly (readonly InjectedEvent[])[];
}

/** Seeds "luck:0" … "luck:n-1": a fixed list, so a band is reproducible everywhere. */
export function luckSeeds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `luck:${i}`);
}

export function luckBand(
  scenario: Scenario,
  decisionsPerTurn: readonly Allocation[],
  seeds: readonly string[],
  options: LuckBandOptions = {},
): LuckBand {
  const quarters = Math.min(scenario.years * 4, decisionsPerTurn.length);
  const n = seeds.length;
  // samples[q][output] is a column of n values, filled seed by seed.
  const samples = Array.from({ length: quarters }, () => OUTPUT_IDS.map(() => new Float64Array(n)));
  seeds.forEach((seed, i) => {
    simulateTeam(
      {
        scenario,
        seed,
        teamId: options.teamId ?? "team",
        decisions: decisionsPerTurn,
        injected: options.injected,
      },
      (q, outputs) => {
        const row = samples[q - 1] as Float64Array[];
        OUTPUT_IDS.forEach((id, k) => {
          (row[k] as Float64Array)[i] = outputs[id];
        });
      },
    );
  });
  return {
    seeds: n,
    quarters: samples.map((row) => {
      const entry = {} as Record<OutputId, Percentiles>;
      OUTPUT_IDS.forEach((id, k) => {
        const column = (row[k] as Float64Array).sort();
        entry[id] = {
          p5: percentileSorted(column, 0.05),
          p25: percentileSorted(column, 0.25),
          p50: percentileSorted(column, 0.5),
          p75: percentileSorted(column, 0.75),
          p95: percentileSorted(column, 0.95),
        };
      });
      return entry;
    }),
  };
}
