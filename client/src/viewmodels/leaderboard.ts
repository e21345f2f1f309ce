/**
 * The leaderboard: the quarterly CFO KPI beside the long-term score, so players feel the tension
 * the essay describes (the dashboard and the lasting value rarely agree).
 */
import type { Language } from "../../../shared/protocol/messages";
import type { TeamView } from "../../../shared/protocol/view";
import { formatMetric } from "./metrics";

export interface LeaderRow {
  teamId: string;
  name: string;
  colorIndex: number;
  mine: boolean;
  kpi: number;
  kpiDisplay: string;
  kpiRank: number;
  score: number;
  scoreDisplay: string;
  scoreRank: number;
  /** Share of the best score, for a bar in [0, 1]. */
  bar: number;
  submitted: boolean;
  bot: boolean;
}

function ranks(values: readonly number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v).length);
}

/** Rows sorted by long-term score (the one that counts in the end). */
export function leaderboard(
  language: Language,
  teams: readonly TeamView[],
  myTeamId: string | null,
): LeaderRow[] {
  const last = teams.map((t) => t.history[t.history.length - 1]);
  const kpis = last.map((r) => r?.kpi ?? 0);
  const scores = last.map((r) => r?.score ?? 0);
  const kpiRanks = ranks(kpis);
  const scoreRanks = ranks(scores);
  const best = Math.max(1e-9, ...scores.map((s) => Math.abs(s)));
  const rows = teams.map((team, i) => ({
    teamId: team.id,
    name: team.name,
    colorIndex: i,
    mine: team.id === myTeamId,
    kpi: kpis[i] ?? 0,
    kpiDisplay: formatMetric(language, "kpi", kpis[i] ?? 0),
    kpiRank: kpiRanks[i] ?? 1,
    score: scores[i] ?? 0,
    scoreDisplay: formatMetric(language, "score", scores[i] ?? 0),
    scoreRank: scoreRanks[i] ?? 1,
    bar: Math.max(0, (scores[i] ?? 0) / best),
    submitted: team.submitted,
    bot: team.bot !== "",
  }));
  return rows.sort((a, b) => a.scoreRank - b.scoreRank || a.colorIndex - b.colorIndex);
}
