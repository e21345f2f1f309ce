/**
 * The debrief's charts as tables, for screen readers: each table is built from the very
 * view-model the chart is drawn from (series, luck band, lever stacks, waterfall, quarterly
 * credit, loops), so what is heard is what is seen.
 */
import type { TeamInsights } from "../../../shared/analysis/insights";
import { BUCKET_IDS } from "../../../shared/model/levers";
import type { GameState } from "../../../shared/model/types";
import type { Language } from "../../../shared/protocol/messages";
import { translate, type MessageKey, type Params } from "../i18n/index";
import {
  attributionOf,
  quarterCredit,
  quarterlyGauge,
  waterfall,
  type CreditPeriod,
} from "./credit";
import { bandSeries, leverStacks, series, type BandSeries, type DebriefMetric } from "./debrief";
import { loopPanels } from "./loops";
import { formatMetric } from "./metrics";

export interface ChartTable {
  caption: string;
  /** Column headers; the first names the row headers' column. */
  head: string[];
  /** Each row starts with its header cell. */
  rows: string[][];
}

export type ChartTab = "credit" | "loops" | "trajectories" | "levers" | "luck" | "whatif";

export interface ChartTextInput {
  language: Language;
  tab: ChartTab;
  game: GameState;
  metric: DebriefMetric;
  /** The team the luck band, the what-if and the credit zoom on. */
  team: string;
  teamName(id: string): string;
  band: Parameters<typeof bandSeries>[0] | null;
  branch: GameState | null;
  /** The chosen team's attribution (credit and loops), once computed and shown. */
  insights: TeamInsights | null;
  period: CreditPeriod;
}

/** One row per quarter, one column per series. */
function quarterRows(
  language: Language,
  caption: string,
  columns: readonly { name: string; values: readonly number[] }[],
  format: (v: number) => string,
): ChartTable {
  const quarters = Math.max(0, ...columns.map((c) => c.values.length));
  return {
    caption,
    head: [translate(language, "a11y.quarter"), ...columns.map((c) => c.name)],
    rows: Array.from({ length: quarters }, (_, i) => [
      translate(language, "common.quarterShort", { q: i + 1 }),
      ...columns.map((c) => {
        const v = c.values[i];
        return v === undefined ? "" : format(v);
      }),
    ]),
  };
}

function bandColumns(language: Language, b: BandSeries): { name: string; values: number[] }[] {
  const tr = (key: MessageKey, params?: Params) => translate(language, key, params);
  return [
    { name: tr("a11y.percentile", { p: 5 }), values: b.p5 },
    { name: tr("a11y.percentile", { p: 25 }), values: b.p25 },
    { name: tr("debrief.median"), values: b.p50 },
    { name: tr("a11y.percentile", { p: 75 }), values: b.p75 },
    { name: tr("a11y.percentile", { p: 95 }), values: b.p95 },
  ];
}

/** The tables that say what the debrief's chart shows on `tab`. */
export function debriefTables(p: ChartTextInput): ChartTable[] {
  const { language, game } = p;
  const tr = (key: MessageKey, params?: Params) => translate(language, key, params);
  const metricName = tr(`gauge.${p.metric}` as MessageKey);
  const fmt = (v: number) => formatMetric(language, p.metric, v);
  const name = p.teamName(p.team);
  switch (p.tab) {
    case "trajectories":
      return [
        quarterRows(
          language,
          tr("a11y.chartOf", { what: metricName }),
          game.teamIds.map((id) => ({ name: p.teamName(id), values: series(game, id, p.metric) })),
          fmt,
        ),
      ];
    case "luck": {
      if (!p.band) return [];
      return [
        quarterRows(
          language,
          tr("a11y.chartOf", { what: `${metricName} · ${name}` }),
          [
            ...bandColumns(language, bandSeries(p.band, p.metric)),
            { name: tr("debrief.real"), values: series(game, p.team, p.metric) },
          ],
          fmt,
        ),
      ];
    }
    case "whatif":
      return [
        quarterRows(
          language,
          tr("a11y.chartOf", { what: `${metricName} · ${name}` }),
          [
            { name: tr("debrief.real"), values: series(game, p.team, p.metric) },
            ...(p.branch
              ? [{ name: tr("debrief.branch"), values: series(p.branch, p.team, p.metric) }]
              : []),
          ],
          fmt,
        ),
      ];
    case "levers":
      return game.teamIds.map((id) => ({
        caption: p.teamName(id),
        head: [tr("a11y.quarter"), ...BUCKET_IDS.map((b) => tr(`lever.${b}.short`))],
        rows: leverStacks(game, id).map((q, i) => [
          tr("common.quarterShort", { q: i + 1 }),
          ...q.map((b) => String(b.tokens)),
        ]),
      }));
    case "credit": {
      if (!p.insights) return [];
      const gauge = quarterlyGauge(p.period);
      if (gauge) {
        const model = quarterCredit(language, p.insights, gauge);
        return [
          {
            caption: model.line,
            head: [
              tr("a11y.quarter"),
              tr(`gauge.${gauge}` as MessageKey),
              tr("credit.base"),
              ...BUCKET_IDS.map((b) => tr(`lever.${b}.short`)),
            ],
            rows: model.columns.map((c) => [
              tr("common.quarterShort", { q: c.quarter }),
              model.format(c.total),
              ...c.parts.map((part) => model.format(part.value)),
            ]),
          },
        ];
      }
      const attribution = attributionOf(p.insights, p.period);
      if (!attribution) return [];
      const model = waterfall(language, attribution, p.period);
      return [
        {
          caption: tr("a11y.creditOf", { team: name }),
          head: [tr("a11y.lever"), tr("gauge.score")],
          rows: model.bars.map((b) => [b.label, b.display]),
        },
      ];
    }
    case "loops":
      if (!p.insights) return [];
      return loopPanels(language, p.insights.loops).map((panel) => ({
        caption: `${panel.title} — ${panel.summary}`,
        head: [tr("a11y.loop"), tr("a11y.contribution")],
        rows: panel.edges.map((e) => [e.label, e.display]),
      }));
  }
}
