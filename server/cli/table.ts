/** Plain-text tables for the terminal: fixed-width columns, numbers right-aligned. */
import { ATTRIBUTION_KEYS, BUCKET_IDS, STRATEGY_IDS, type Allocation } from "../../shared/index";
import type { Rivals } from "./lineup";
import type { PlansReport } from "./plans";
import type { GameReport } from "./report";
import type { ScoreStats, TournamentReport } from "./tournament";

type Cell = string | number;

function cell(value: Cell): string {
  return typeof value === "number" ? value.toFixed(3) : value;
}

/** Text columns are left-aligned, number columns right-aligned, two spaces apart. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
): string {
  const text = rows.map((row) => row.map(cell));
  const numeric = headers.map((_, c) => rows.some((row) => typeof row[c] === "number"));
  const widths = headers.map((header, c) =>
    Math.max(header.length, ...text.map((row) => (row[c] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((value, c) =>
        numeric[c] ? value.padStart(widths[c] ?? 0) : value.padEnd(widths[c] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...text.map(line)].join("\n");
}

export function formatAllocation(allocation: Allocation): string {
  return BUCKET_IDS.map((id) => String(allocation[id])).join("/");
}

const GAME_HEADERS = [
  "Q",
  "events",
  "team",
  "allocation",
  "forced",
  "engagement",
  "reach",
  "volatility",
  "trust",
  "CFO KPI",
  "SSV",
  "score",
];

export function formatGameTable(report: GameReport): string {
  const first = report.turns[0];
  const teams = first ? Object.keys(first.teams) : [];
  const rows: Cell[][] = [];
  for (const turn of report.turns) {
    teams.forEach((id, index) => {
      const t = turn.teams[id];
      if (!t) return;
      const events = turn.events.length > 0 ? turn.events.join(", ") : "-";
      rows.push([
        index === 0 ? String(turn.quarter) : "",
        index === 0 ? events : "",
        id,
        formatAllocation(t.allocation),
        t.forced,
        t.engagement,
        t.reach,
        t.buzzVolatility,
        t.trust,
        t.kpi,
        t.ssv,
        t.score,
      ]);
    });
  }
  const lineup = teams.map((id) => `${id}: ${first?.teams[id]?.strategy ?? "?"}`).join(", ");
  const finals = teams.map((id) => {
    const f = report.final[id];
    return [
      id,
      f?.score ?? NaN,
      f?.engagement ?? NaN,
      f?.trust ?? NaN,
      f?.buzzVolatility ?? NaN,
      f?.ssv ?? NaN,
    ];
  });
  return [
    `Scenario ${report.scenario}, seed ${report.seed}, ${report.turns.length} quarters. ${lineup}`,
    `allocation = tokens on ${BUCKET_IDS.join("/")}; forced = tokens pressure moved to campaigns`,
    "",
    renderTable(GAME_HEADERS, rows),
    "",
    "Final",
    renderTable(["team", "score", "engagement", "trust", "volatility", "SSV"], finals),
    "",
    "Attribution of the final score (exact Shapley values over the buckets; base = playing nothing)",
    renderTable(
      ["team", ...ATTRIBUTION_KEYS],
      teams.map((id) => {
        const a = report.final[id]?.attribution;
        return [id, ...ATTRIBUTION_KEYS.map((key) => a?.[key] ?? NaN)];
      }),
    ),
  ].join("\n");
}

/** "alone" or "beside 3 × buzz", for the headers of the many-seed tables. */
function company(rivals: Rivals | null): string {
  return rivals ? `beside ${rivals.count} × ${rivals.strategy}` : "alone";
}

function seedRange(report: { seeds: number; seedPrefix: string }): string {
  return `${report.seeds} seeds (${report.seedPrefix}:0 … ${report.seedPrefix}:${report.seeds - 1})`;
}

const STATS_HEADERS = ["mean", "sd", "p5", "p50", "p95"];

function statsRow(name: string, s: ScoreStats): Cell[] {
  return [name, s.mean, s.sd, s.p5, s.p50, s.p95];
}

export function formatTournamentTable(report: TournamentReport): string {
  const rows = STRATEGY_IDS.map((id) => statsRow(id, report.strategies[id]));
  return [
    `Tournament on scenario ${report.scenario}: final score of each strategy as team-1 ` +
      `${company(report.rivals)}, ${seedRange(report)}`,
    "",
    renderTable(["strategy", ...STATS_HEADERS], rows),
  ].join("\n");
}

export function formatPlansTable(report: PlansReport): string {
  const rows = Object.entries(report.plans).map(([name, stats]) => statsRow(name, stats));
  return [
    `Plans on scenario ${report.scenario}: final score of each plan as team-1 ` +
      `${company(report.rivals)}, ${seedRange(report)}`,
    "",
    renderTable(["plan", ...STATS_HEADERS], rows),
  ].join("\n");
}
