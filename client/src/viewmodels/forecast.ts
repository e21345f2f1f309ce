/**
 * A forecast, never the truth: the team's past decisions plus the current draft replayed with the
 * shared simulation over a fixed list of seeds, with the events that really struck. The median
 * change of each gauge in the coming quarter is shown as a ghost needle. The real seed stays on
 * the server, so this can only say what is likely, which is the point the game makes about buzz.
 */
import { fixedPlan, simulateTeam } from "../../../shared/analysis/simulateTeam";
import { luckSeeds } from "../../../shared/analysis/luckBand";
import type { Allocation } from "../../../shared/model/levers";
import { isEventId } from "../../../shared/model/events";
import { engagement } from "../../../shared/model/gauges";
import { median } from "../../../shared/model/math";
import type { InjectedEvent, Scenario, TurnOutputs } from "../../../shared/model/types";
import type { TurnResultView } from "../../../shared/protocol/view";
import type { GaugeId } from "./gauges";

export const FORECAST_SEEDS = luckSeeds(24);

function asInjected(events: readonly string[]): InjectedEvent[] {
  return events.filter(isEventId).map((event) => ({ event }));
}

export function forecastChange(
  scenario: Scenario,
  turnsTotal: number,
  history: readonly TurnResultView[],
  announced: readonly string[],
  draft: Allocation,
  seeds: readonly string[] = FORECAST_SEEDS,
): Record<GaugeId, number> {
  const quarter = history.length + 1;
  if (quarter > turnsTotal) return { engagement: 0, reach: 0, trust: 0 };
  // Scheduled events are replaced by what actually struck, so every seed lives the same story.
  const played: Scenario = { ...scenario, events: [], years: Math.ceil(turnsTotal / 4) };
  const decisions = [...history.map((r) => r.allocation), draft];
  const injected = [...history.map((r) => asInjected(r.events)), asInjected(announced)];
  const start = scenario.start;
  const deltas: Record<GaugeId, number[]> = { engagement: [], reach: [], trust: [] };
  for (const seed of seeds) {
    let prev: Pick<TurnOutputs, GaugeId> = {
      engagement: engagement(start),
      reach: 0,
      trust: start.T,
    };
    const run = { scenario: played, seed, teamId: "forecast", ...fixedPlan(decisions), injected };
    simulateTeam(run, (q, out) => {
      if (q === quarter) {
        deltas.engagement.push(out.engagement - prev.engagement);
        deltas.reach.push(out.reach - prev.reach);
        deltas.trust.push(out.trust - prev.trust);
      }
      prev = out;
    });
  }
  return {
    engagement: median(deltas.engagement),
    reach: median(deltas.reach),
    trust: median(deltas.trust),
  };
}
