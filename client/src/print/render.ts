/**
 * The printed debrief laid out as HTML: a header, then sections that each start a new A4 page
 * (print.css), blocks that never split across pages. Text goes in through textContent only, so
 * a team called "<b>" prints as exactly that.
 */
import { translate, type MessageKey } from "../i18n/index";
import { h } from "../ui/dom";
import type { CreditBlock, DecisionTable, PrintDoc } from "./model";
import { creditBar, legendSample, trajectorySvg } from "./svg";

function section(cls: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h("section", { class: `pd-section ${cls}` }, h("h2", {}, title), ...children);
}

function rankingTable(doc: PrintDoc, tr: (key: MessageKey) => string): HTMLElement {
  const th = (key: MessageKey) => h("th", {}, tr(key));
  return h(
    "table",
    { class: "pd-table pd-ranking" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        th("print.rank"),
        th("common.team"),
        th("credit.total"),
        th("print.played"),
        th("print.legacy"),
        th("gauge.kpi"),
      ),
    ),
    h(
      "tbody",
      {},
      ...doc.ranking.map((r) =>
        h(
          "tr",
          { class: r.own ? "own" : "" },
          h("td", { class: "num" }, String(r.rank)),
          h("td", {}, r.name),
          h("td", { class: "num strong" }, r.score),
          h("td", { class: "num" }, r.played),
          h("td", { class: "num" }, r.legacy),
          h("td", { class: "num" }, r.kpi),
        ),
      ),
    ),
  );
}

function verdictTable(doc: PrintDoc, tr: (key: MessageKey) => string): HTMLElement | null {
  if (!doc.verdict?.length) return null;
  return h(
    "div",
    { class: "pd-block" },
    h("h2", {}, tr("print.verdict")),
    h("p", { class: "pd-lead" }, tr("print.verdictLead")),
    h(
      "table",
      { class: "pd-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {}, tr("common.team")),
          h("th", {}, tr("print.answer")),
          h("th", {}, tr("print.credited")),
          h("th", {}, ""),
        ),
      ),
      h(
        "tbody",
        {},
        ...doc.verdict.map((v) =>
          h(
            "tr",
            {},
            h("td", {}, v.name),
            h("td", {}, v.answer),
            h("td", {}, v.credited),
            h(
              "td",
              { class: v.match ? "match" : "" },
              v.match === null ? "—" : v.match ? `✓ ${tr("print.match")}` : tr("print.miss"),
            ),
          ),
        ),
      ),
    ),
  );
}

function trajectories(doc: PrintDoc, tr: (key: MessageKey) => string): HTMLElement {
  const qLabel = (q: number) => translate(doc.language, "common.quarterShort", { q });
  const legend = h(
    "div",
    { class: "pd-legend" },
    ...(doc.charts[0]?.lines ?? []).map((line) =>
      h("span", { class: "pd-key" }, legendSample(line.style), line.label),
    ),
  );
  return section(
    "pd-page",
    tr("print.trajectories"),
    h("p", { class: "pd-lead" }, doc.trajectoriesLead),
    legend,
    h(
      "div",
      { class: "pd-charts" },
      ...doc.charts.map((chart) =>
        h(
          "figure",
          { class: "pd-figure" },
          h("figcaption", {}, chart.title),
          trajectorySvg(chart, doc.quarters, qLabel),
        ),
      ),
    ),
  );
}

function decisionTable(doc: PrintDoc, table: DecisionTable, tr: (key: MessageKey) => string) {
  return h(
    "div",
    { class: "pd-block" },
    h("h3", {}, table.name),
    h(
      "table",
      { class: "pd-table pd-decisions" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {}, tr("print.quarter")),
          ...doc.bucketLabels.map((label) => h("th", { class: "num" }, label)),
          h("th", { class: "num" }, tr("print.total")),
        ),
      ),
      h(
        "tbody",
        {},
        ...table.rows.map((row) =>
          h(
            "tr",
            {},
            h("td", {}, row.label),
            ...row.tokens.map((n) => h("td", { class: n ? "num" : "num zero" }, String(n))),
            h("td", { class: "num strong" }, String(row.total)),
          ),
        ),
        h(
          "tr",
          { class: "totals" },
          h("td", {}, tr("print.total")),
          ...table.totals.map((n) => h("td", { class: "num" }, String(n))),
          h("td", { class: "num strong" }, String(table.total)),
        ),
      ),
    ),
  );
}

function creditTable(block: CreditBlock, tr: (key: MessageKey) => string): HTMLElement {
  const values = block.bars.map((b) => b.value);
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  return h(
    "div",
    { class: "pd-block" },
    h("h3", {}, block.name),
    h(
      "table",
      { class: "pd-table pd-credit" },
      h(
        "tbody",
        {},
        ...block.bars.map((bar) =>
          h(
            "tr",
            { class: bar.key === "total" ? "totals" : "" },
            h("td", {}, bar.label),
            h("td", { class: "bar" }, creditBar(bar, min, max)),
            h("td", { class: "num strong" }, bar.display),
          ),
        ),
      ),
    ),
    h("p", { class: "pd-top" }, block.top),
    h("h4", {}, tr("credit.best")),
    h("ul", {}, ...block.best.map((line) => h("li", {}, line))),
  );
}

export function renderPrintDoc(doc: PrintDoc): HTMLElement {
  const tr = (key: MessageKey) => translate(doc.language, key);
  const credit = doc.credit
    ? section(
        "pd-page",
        tr("debrief.credit"),
        h("p", { class: "pd-lead" }, tr("print.attributionLead")),
        ...doc.credit.map((block) => creditTable(block, tr)),
      )
    : // Nothing to show yet: a line, not a page of paper.
      section(
        "",
        tr("debrief.credit"),
        h("p", { class: "pd-lead" }, tr("print.attributionHidden")),
      );
  return h(
    "article",
    { class: "print-doc", "data-testid": "print-doc" },
    h(
      "header",
      { class: "pd-head" },
      h("p", { class: "pd-brand" }, tr("app.title")),
      h("h1", {}, doc.heading),
      h("p", { class: "pd-sub" }, doc.subheading),
    ),
    section(
      "pd-first",
      tr("print.ranking"),
      h("p", { class: "pd-lead" }, tr("print.rankingLead")),
      rankingTable(doc, tr),
      doc.split ? h("p", { class: "pd-split" }, doc.split) : null,
      verdictTable(doc, tr),
    ),
    trajectories(doc, tr),
    section(
      "pd-page",
      tr("print.decisions"),
      h("p", { class: "pd-lead" }, tr("print.decisionsLead")),
      ...doc.decisions.map((table) => decisionTable(doc, table, tr)),
    ),
    credit,
    section(
      "pd-page",
      tr("print.lessons"),
      h("p", { class: "pd-lead" }, tr("print.lessonsLead")),
      ...doc.lessons.map((lesson) =>
        h(
          "div",
          { class: "pd-block pd-lesson" },
          h("h3", {}, `${lesson.cause} — ${translate(doc.language, `lever.${lesson.lever}.name`)}`),
          h("p", {}, lesson.text),
          h("p", { class: "pd-note" }, lesson.note),
        ),
      ),
      h(
        "div",
        { class: "pd-block" },
        h("h3", {}, tr("print.questions")),
        h("ol", {}, ...doc.questions.map((q) => h("li", {}, q))),
      ),
    ),
  );
}
