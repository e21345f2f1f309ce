/**
 * The console's run sheet (viewmodels/runSheet.ts), folded by default: the session's timing
 * quarter by quarter, the events the scenario brings and those worth injecting, the timer that
 * fits, and three debrief questions with the cause of the essay each one is about. The quarter
 * being played is highlighted.
 */
import { EVENT_CARDS } from "../../../shared/model/events";
import type { Scenario } from "../../../shared/model/types";
import type { Language } from "../../../shared/protocol/messages";
import { translate } from "../i18n/index";
import { runSheet } from "../viewmodels/runSheet";
import { h } from "./dom";

export function runSheetCard(
  language: Language,
  scenario: Scenario,
  years: number,
): HTMLDetailsElement | null {
  const sheet = runSheet(scenario, years);
  if (!sheet) return null;
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(language, key, params);
  const row = (label: string, minutes: number, notes: string[], quarter = 0) =>
    h(
      "tr",
      quarter ? { class: `q${quarter}` } : {},
      h("th", { scope: "row" }, label),
      h("td", { class: "num" }, tr("guide.minutes", { n: minutes })),
      h("td", {}, ...notes.map((n) => h("div", {}, n))),
    );
  const rows = [
    row(tr("guide.opening"), sheet.openingMinutes, []),
    ...sheet.quarters.map((q) => {
      const notes = [
        ...q.scripted.map((s) =>
          s.probability >= 1
            ? tr("guide.scripted", { event: EVENT_CARDS[s.event].title[language] })
            : tr("guide.scriptedChance", {
                p: Math.round(s.probability * 100),
                event: EVENT_CARDS[s.event].title[language],
              }),
        ),
        ...(q.inject
          ? [
              `${tr("guide.inject", { event: EVENT_CARDS[q.inject.event].title[language] })} — ${tr(q.inject.why)}`,
            ]
          : []),
      ];
      return row(tr("guide.quarter", { q: q.quarter }), q.minutes, notes, q.quarter);
    }),
    row(tr("guide.debrief"), sheet.debriefMinutes, []),
  ];
  return h(
    "details",
    { class: "card guide-card", "data-testid": "run-sheet" },
    h(
      "summary",
      {},
      h("span", { class: "eyebrow" }, tr("guide.title")),
      h(
        "span",
        { class: "muted small" },
        tr("guide.summary", { minutes: sheet.sessionMinutes, quarters: sheet.quarters.length }),
      ),
    ),
    h("p", { class: "muted small" }, tr("guide.timer", { n: sheet.suggestedTimerSeconds / 60 })),
    h("table", { class: "guide-table" }, h("tbody", {}, ...rows)),
    h("h3", {}, tr("guide.questions")),
    h(
      "ol",
      { class: "guide-questions", "data-testid": "run-sheet-questions" },
      ...sheet.questions.map((q) =>
        h(
          "li",
          {},
          h("span", {}, tr(q.text)),
          h(
            "small",
            { class: "muted" },
            tr("guide.cause", { cause: tr(`guide.cause.${q.lever}`) }),
          ),
        ),
      ),
    ),
  );
}
