/**
 * What the board's canvas shows, said in tables for screen readers: the gauges (value, change,
 * forecast), the ranking, and after a reveal the reasons and every team's decision. Rebuilt from
 * the very models the canvas was drawn from on each redraw, so the two never disagree. Visually
 * hidden: sighted users read the canvas.
 */
import type { Language } from "../../../shared/protocol/messages";
import { translate, type MessageKey, type Params } from "../i18n/index";
import type { ResultsCardModel } from "../draw/resultsCard";
import type { DecisionsTableModel } from "../viewmodels/decisionsTable";
import type { GaugeModel } from "../viewmodels/gauges";
import type { LeaderRow } from "../viewmodels/leaderboard";
import { dataTable } from "./dataTable";
import { h } from "./dom";

export interface BoardSummaryModel {
  gauges: readonly GaugeModel[];
  ranking: readonly LeaderRow[];
  results: { card: ResultsCardModel; decisions: DecisionsTableModel | null } | null;
  cards: readonly { title: string; text: string }[];
}

/** The ranking as the canvas lists it: name, rank (by score), the quarter's KPI, the score. */
export function rankingTable(language: Language, rows: readonly LeaderRow[]): HTMLTableElement {
  const tr = (key: MessageKey, params?: Params) => translate(language, key, params);
  return dataTable(
    tr("rank.title"),
    [tr("a11y.team"), tr("a11y.rank"), tr("rank.kpi"), tr("rank.score")],
    rows.map((r) => [
      r.mine ? tr("a11y.mine", { name: r.name }) : r.name,
      String(r.scoreRank),
      r.kpiDisplay,
      r.scoreDisplay,
    ]),
  );
}

export class BoardSummary {
  readonly el = h("section", { class: "sr-only" });

  update(language: Language, m: BoardSummaryModel): void {
    const tr = (key: MessageKey, params?: Params) => translate(language, key, params);
    this.el.setAttribute("aria-label", tr("a11y.board"));
    const withForecast = m.gauges.some((g) => g.forecastDelta !== undefined);
    const gauges = dataTable(
      tr("a11y.gauges"),
      [
        tr("a11y.gauge"),
        tr("a11y.value"),
        tr("a11y.change"),
        ...(withForecast ? [tr("a11y.forecast")] : []),
      ],
      m.gauges.map((g) => [
        tr(`gauge.${g.id}` as MessageKey),
        g.display,
        g.deltaDisplay,
        ...(withForecast ? [g.forecastDelta ?? ""] : []),
      ]),
    );
    const ranking = rankingTable(language, m.ranking);
    const parts: HTMLElement[] = [];
    // What the card slot says (the quarter's events, or the coach), then the numbers.
    if (m.cards.length) {
      parts.push(h("h2", {}, tr("board.event")));
      for (const card of m.cards) parts.push(h("h3", {}, card.title), h("p", {}, card.text));
    }
    parts.push(gauges, ranking);
    const res = m.results?.card;
    const revealed = m.results?.decisions;
    if (res) {
      parts.push(h("h2", {}, res.title));
      for (const column of res.columns) {
        parts.push(
          h("h3", {}, tr("a11y.reasons", { gauge: column.label })),
          h(
            "ul",
            {},
            ...column.reasons.map((r) =>
              h("li", {}, tr("a11y.reason", { label: r.label, value: r.display })),
            ),
          ),
        );
      }
      for (const note of res.notes) parts.push(h("p", {}, note));
      if (!res.action) parts.push(h("p", {}, res.waiting));
    }
    if (revealed) {
      parts.push(
        dataTable(
          revealed.title,
          [tr("a11y.team"), ...revealed.columns.map((c) => c.label), tr("a11y.total")],
          revealed.rows.map((row) => [
            row.mine ? tr("a11y.mine", { name: row.name }) : row.name,
            ...revealed.columns.map((c) => String(row.tokens[c.id])),
            String(row.total),
          ]),
        ),
      );
    }
    this.el.replaceChildren(...parts);
  }
}
