/**
 * Workshop exports: decisions and results per team per quarter, as JSON (with the action log,
 * so the export *is* the event-sourced workshop, and the debrief: each team's answer, the lever
 * attribution of its score, its best changes and its loops, and the replayable game the debrief
 * and the printed debrief are built from) or CSV (one row per team and quarter; UTF-8 with BOM,
 * CRLF, RFC 4180 quoting, and text cells defused against spreadsheet formulas). The CSV comes in
 * two dialects: the international one (comma, decimal point) and the one a French spreadsheet
 * opens by double-click (semicolon, decimal comma).
 */
import { roomInsights, topLever } from "../../shared/analysis/insights";
import { BUCKET_IDS, type Allocation, type TurnOutputs } from "../../shared/index";
import { forcedTokens } from "../../shared/protocol/forced";
import { sessionHash } from "../session/hash";
import { teamHistory } from "../session/results";
import type { Envelope, SessionState } from "../session/types";
import type { DebriefData } from "../../shared/protocol/view";

export interface ExportRow extends TurnOutputs {
  quarter: number;
  year: number;
  teamId: string;
  teamName: string;
  decisionSource: string;
  allocation: Allocation;
  forced: number;
  events: string[];
  reasons: string[];
}

export function exportRows(state: SessionState): ExportRow[] {
  const rows: ExportRow[] = [];
  for (let q = 1; q <= state.game.turn; q++) {
    for (const teamId of state.game.teamIds) {
      const result = teamHistory(state, teamId)[q - 1];
      if (!result) continue;
      rows.push({
        quarter: q,
        year: Math.floor((q - 1) / 4) + 1,
        teamId,
        teamName: state.teams.get(teamId)?.name ?? teamId,
        decisionSource: result.decisionSource,
        allocation: result.allocation,
        // The one number the board, the coach and the debrief show (to a tenth of a token).
        forced: forcedTokens(result.forced),
        events: result.events,
        engagement: result.engagement,
        reach: result.reach,
        buzzVolatility: result.buzzVolatility,
        trust: result.trust,
        kpi: result.kpi,
        ssv: result.ssv,
        score: result.score,
        legacy: result.legacy,
        reasons: result.reasons.map((r) => `${r.gauge}:${r.cause}:${round(r.value)}`),
      });
    }
  }
  return rows;
}

/** The log without secrets: seat token hashes stay in the store. */
function publicLog(log: readonly Envelope[]): Envelope[] {
  return log.map((e) =>
    e.action.type === "player.join" ? { ...e, action: { ...e.action, tokenHash: "" } } : e,
  );
}

/**
 * The debrief: predictions (all of them, revealed or not: the export is the facilitator's) and,
 * once the game is over, what the debrief credits — the same computation the browser runs.
 */
export function exportDebrief(state: SessionState) {
  const over = state.phase === "debrief" || state.phase === "ended";
  const insights = over && state.game.turn > 0 ? roomInsights(state.game) : [];
  return {
    revealed: state.revealed,
    teams: state.game.teamIds.map((teamId) => {
      const prediction = state.predictions.get(teamId) ?? null;
      const credit = insights.find((x) => x.teamId === teamId);
      if (!credit) return { teamId, prediction, attribution: null, bestChanges: [], loops: [] };
      const { score, total, byYear } = credit.attribution;
      const top = topLever(total);
      return {
        teamId,
        prediction,
        topLever: top,
        match: prediction === null ? null : prediction === top,
        attribution: { score, total, byYear },
        bestChanges: credit.bestChanges,
        loops: credit.loops,
      };
    }),
  };
}

/**
 * The game as the debrief replays it (what `debrief.data` answers): scenario as played, seed,
 * teams and resolved quarters. With it, a browser rebuilds every number of the debrief from an
 * export alone (the printed debrief of a past workshop).
 */
export function exportGame(state: SessionState): DebriefData {
  const { game } = state;
  return { scenario: game.scenario, seed: game.seed, teamIds: [...game.teamIds], log: game.log };
}

export function exportJson(state: SessionState, log: readonly Envelope[]) {
  const { config, game } = state;
  return {
    format: "elan-workshop-export",
    version: 1,
    code: config.code,
    kind: config.kind,
    scenarioId: config.scenarioId,
    seed: config.seed,
    config,
    phase: state.phase,
    turn: game.turn,
    turnsTotal: game.turnsTotal,
    actions: state.seq,
    stateHash: sessionHash(state),
    teams: game.teamIds.map((id) => {
      const team = state.teams.get(id);
      return { id, name: team?.name ?? id, bot: team?.bot ?? null };
    }),
    players: state.playerOrder.map((id) => {
      const p = state.players.get(id);
      return { id, name: p?.name ?? "", teamId: p?.teamId ?? "" };
    }),
    rows: exportRows(state),
    debrief: exportDebrief(state),
    game: exportGame(state),
    log: publicLog(log),
  };
}

const round = (x: number) => Number(x.toFixed(6));

/** The export formats `?format=` accepts. */
export const EXPORT_FORMATS = ["json", "csv", "csv-fr"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * How a spreadsheet splits a line and reads a number. A French Excel opens a `.csv` with the
 * list separator of its locale (`;`) and reads `0,5` as a number but `0.5` as text (or a date).
 */
export interface CsvDialect {
  separator: "," | ";";
  decimal: "." | ",";
}

export const CSV_INTERNATIONAL: CsvDialect = { separator: ",", decimal: "." };
export const CSV_FRENCH: CsvDialect = { separator: ";", decimal: "," };

/**
 * Quotes a cell when needed (a separator of either dialect, a quote, a line break); text that a
 * spreadsheet would run as a formula gets a leading '.
 */
export function csvCell(value: string | number, dialect: CsvDialect = CSV_INTERNATIONAL): string {
  if (typeof value === "number") return String(round(value)).replace(".", dialect.decimal);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  "code",
  "quarter",
  "year",
  "team_id",
  "team_name",
  "decision_source",
  ...BUCKET_IDS,
  "forced",
  "events",
  "engagement",
  "reach",
  "buzz_volatility",
  "trust",
  "kpi",
  "ssv",
  "score",
  "legacy",
  "top_reasons",
];

export function exportCsv(state: SessionState, dialect: CsvDialect = CSV_INTERNATIONAL): string {
  const lines = [CSV_COLUMNS.join(dialect.separator)];
  for (const row of exportRows(state)) {
    const cells: (string | number)[] = [
      state.config.code,
      row.quarter,
      row.year,
      row.teamId,
      row.teamName,
      row.decisionSource,
      ...BUCKET_IDS.map((id) => row.allocation[id]),
      row.forced,
      row.events.join(" "),
      row.engagement,
      row.reach,
      row.buzzVolatility,
      row.trust,
      row.kpi,
      row.ssv,
      row.score,
      row.legacy,
      row.reasons.join(" | "),
    ];
    lines.push(cells.map((cell) => csvCell(cell, dialect)).join(dialect.separator));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
