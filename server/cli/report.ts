/**
 * A finished bot game as plain data: what `--json` prints and what the table shows, so the two
 * can never disagree.
 */
import {
  attributeRoom,
  finalScore,
  type Allocation,
  type Attribution,
  type EventId,
  type GameState,
  type StrategyId,
  type TeamState,
  type TurnOutputs,
  type TurnRecord,
} from "../../shared/index";

export interface TeamTurn extends TurnOutputs {
  strategy: StrategyId;
  /** Tokens the team had this quarter (less than the scenario's after a CFO cut). */
  budget: number;
  allocation: Allocation;
  /** Tokens quarterly pressure moved from the levers into campaigns. */
  forced: number;
}

export interface TurnReport {
  quarter: number;
  /** Events that struck this quarter (scenario draws; the runner injects none). */
  events: EventId[];
  teams: Record<string, TeamTurn>;
}

export interface FinalReport {
  score: number;
  engagement: number;
  trust: number;
  buzzVolatility: number;
  ssv: number;
  /** The score split over the buckets (exact Shapley values) plus `base`: sums to `score`. */
  attribution: Attribution;
}

export interface GameReport {
  scenario: string;
  seed: string;
  turns: TurnReport[];
  final: Record<string, FinalReport>;
}

export function teamIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `team-${i + 1}`);
}

function record(game: GameState, teamId: string, quarter: number): TurnRecord {
  const found = game.history[teamId]?.[quarter - 1];
  if (!found) throw new Error(`No record for ${teamId} in quarter ${quarter}.`);
  return found;
}

export function gameReport(
  game: GameState,
  strategies: Readonly<Record<string, StrategyId>>,
): GameReport {
  const turns: TurnReport[] = [];
  for (let quarter = 1; quarter <= game.turn; quarter++) {
    const teams: Record<string, TeamTurn> = {};
    for (const id of game.teamIds) {
      const r = record(game, id, quarter);
      teams[id] = {
        strategy: strategies[id] as StrategyId,
        budget: r.budget,
        allocation: r.allocation,
        forced: r.forced,
        ...r.outputs,
      };
    }
    turns.push({ quarter, events: game.eventsByTurn[quarter - 1] ?? [], teams });
  }
  const final: Record<string, FinalReport> = {};
  const attribution = attributeRoom(game);
  for (const id of game.teamIds) {
    const o = record(game, id, game.turn).outputs;
    const credited = attribution[id];
    if (!credited) throw new Error(`No attribution for ${id}.`);
    final[id] = {
      score: finalScore(game.teams[id] as TeamState, o),
      engagement: o.engagement,
      trust: o.trust,
      buzzVolatility: o.buzzVolatility,
      ssv: o.ssv,
      attribution: credited.total,
    };
  }
  return { scenario: game.scenario.id, seed: game.seed, turns, final };
}
