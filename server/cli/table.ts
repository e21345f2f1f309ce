/** Plain-text tables for the terminal: fixed-width columns, numbers right-aligned. */
import { BUCKET_IDS, STRATEGY_IDS, type Allocation } from "../../shared/index";
import type { GameReport } from "./report";
import type { TournamentReport } from "./tournament";

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
  ].join("\n");
}

export function formatTournamentTable(report: TournamentReport): string {
  const rows = STRATEGY_IDS.map((id) => {
    const s = report.strategies[id];
    return [id, s.mean, s.sd, s.p5, s.p50, s.p95];
  });
  return [
    `Tournament on scenario ${report.scenario}: final score of each strategy playing alone, ` +
      `${report.seeds} seeds (${report.seedPrefix}:0 … ${report.seedPrefix}:${report.seeds - 1})`,
    "",
    renderTable(["strategy", "mean", "sd", "p5", "p50", "p95"], rows),
  ].join("\n");
}
