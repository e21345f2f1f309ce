/**
 * Who sits at the table in the runner's many-seed modes (`--tournament`, `--plans`): team-1
 * plays what is measured (a strategy or a plan), and `--rivals STRATEGY,N` seats N bots beside it
 * as team-2 … team-(N+1). Every game runs on the fast path (`simulateRoom`): the whole room, no
 * explanations, the same numbers as a game played through `step`.
 */
import {
  askBot,
  simulateRoom,
  type Allocation,
  type Decide,
  type Scenario,
  type StrategyId,
} from "../../shared/index";
import type { PlanPlay } from "./plans";

export interface Rivals {
  strategy: StrategyId;
  count: number;
}

/** The team whose score is measured. */
export const PLAYER = "team-1";

export function lineupIds(rivals: Rivals | null): string[] {
  const count = rivals?.count ?? 0;
  return [PLAYER, ...Array.from({ length: count }, (_, i) => `team-${i + 2}`)];
}

/** A plan's decision for `quarter`; a strategy decides from the team's own view as a bot. */
function planDecision(
  play: PlanPlay,
  seed: string,
  scenario: Scenario,
  ...view: Parameters<Decide>
): Allocation {
  const [quarter, teamId, state, history] = view;
  switch (play.kind) {
    case "allocation":
      return play.allocation;
    case "schedule":
      return play.schedule[quarter - 1] as Allocation;
    case "strategy":
      return askBot(play.strategy, { seed, scenario }, quarter, teamId, state, history);
  }
}

/**
 * team-1's final score playing `play` on seeds `<prefix>:0 … <prefix>:<seeds − 1>`, with the
 * rivals (if any) playing their strategy beside it. Decisions over a (CFO-cut) budget are
 * trimmed by `fitToBudget` inside `simulateRoom`.
 */
export function playerScores(
  scenario: Scenario,
  seedPrefix: string,
  seeds: number,
  play: PlanPlay,
  rivals: Rivals | null,
): number[] {
  const teamIds = lineupIds(rivals);
  const scores: number[] = [];
  for (let i = 0; i < seeds; i++) {
    const seed = `${seedPrefix}:${i}`;
    const decide: Decide = (quarter, teamId, state, history) =>
      teamId === PLAYER
        ? planDecision(play, seed, scenario, quarter, teamId, state, history)
        : askBot((rivals as Rivals).strategy, { seed, scenario }, quarter, teamId, state, history);
    const outcome = simulateRoom({ scenario, seed, teamIds, decide });
    scores.push(outcome.scores[PLAYER] as number);
  }
  return scores;
}
