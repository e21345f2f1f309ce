/**
 * The DOM half of "what mattered": the question each team answers before the reveal (the seven
 * levers as buttons, how many teams have answered, the reveal button for whoever may reveal),
 * then predicted vs attributed, the credited lever and the team's three best changes.
 */
import { BUCKET_IDS, type BucketId } from "../../../shared/model/levers";
import { t, tp } from "../i18n/index";
import { BUCKET_COLORS, css } from "../theme";
import {
  QUARTERLY_PERIODS,
  parsePeriod,
  quarterlyGauge,
  type CreditPanelModel,
  type CreditPeriod,
  type PredictModel,
  type VerdictRow,
} from "../viewmodels/credit";
import { button, h, select } from "./dom";

export interface CreditHandlers {
  predict(lever: BucketId): void;
  reveal(): void;
}

function answerButtons(m: PredictModel, on: CreditHandlers): HTMLElement {
  return h(
    "div",
    { class: "predict-levers", role: "group", "aria-label": t("predict.question") },
    ...BUCKET_IDS.map((id) =>
      button(t(`lever.${id}.name`), () => on.predict(id), {
        class: id === m.answer ? "lever-choice chosen" : "lever-choice",
        style: `--c:${css(BUCKET_COLORS[id])}`,
        "aria-pressed": String(id === m.answer),
        disabled: !m.canAnswer,
        "data-testid": `predict-${id}`,
      }),
    ),
  );
}

/** Before the reveal: the question, the answers so far, and the reveal. */
export function predictCard(m: CreditPanelModel, on: CreditHandlers): HTMLElement {
  const p = m.predict;
  const asking = p.canAnswer || p.answer !== "";
  return h(
    "div",
    { class: "predict", "data-testid": "predict-card" },
    asking ? h("strong", {}, t("predict.question")) : null,
    asking
      ? h("p", { class: "muted small" }, t(m.solo ? "predict.leadSolo" : "predict.lead"))
      : null,
    asking ? answerButtons(p, on) : null,
    p.answer
      ? h("p", { class: "small" }, t("predict.yours", { lever: t(`lever.${p.answer}.name`) }))
      : null,
    m.solo
      ? null
      : h(
          "p",
          { class: "summary", "data-testid": "predict-count" },
          tp("predict.answered", p.count.answered, { n: p.count.answered, total: p.count.total }),
        ),
    p.canReveal
      ? button(t(m.solo ? "predict.revealSolo" : "predict.reveal"), () => on.reveal(), {
          class: "btn primary small",
          "data-testid": "predict-reveal",
        })
      : h("p", { class: "muted small" }, t(p.canAnswer ? "predict.waiting" : "predict.closed")),
  );
}

/** After the reveal: each team's answer against the lever credited most. */
export function verdictTable(rows: readonly VerdictRow[]): HTMLElement {
  return h(
    "table",
    { class: "verdict", "data-testid": "verdict" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {}, t("debrief.team")),
        h("th", {}, t("verdict.predicted")),
        h("th", {}, t("verdict.attributed")),
        h("th", {}, ""),
      ),
    ),
    h(
      "tbody",
      {},
      ...rows.map((r) =>
        h(
          "tr",
          { "data-testid": `verdict-${r.teamId}` },
          h("td", {}, r.name),
          h("td", {}, r.answerLabel),
          h("td", {}, r.topLabel),
          h(
            "td",
            { class: r.match ? "up" : "down" },
            r.match === null ? "" : r.match ? `✓ ${t("verdict.match")}` : `✗ ${t("verdict.miss")}`,
          ),
        ),
      ),
    ),
  );
}

/** The credited lever and the best changes (the sentences beside the waterfall). */
export function creditLines(m: CreditPanelModel): HTMLElement {
  if (m.quarterly)
    return h(
      "div",
      { class: "credit-lines" },
      h("p", { class: "summary", "data-testid": "credit-quarterly" }, m.quarterly),
      h("p", { class: "muted small" }, t("credit.quarterLead")),
    );
  return h(
    "div",
    { class: "credit-lines" },
    m.split ? h("p", { class: "small", "data-testid": "score-split" }, m.split) : null,
    m.top ? h("p", { class: "summary", "data-testid": "credit-top" }, m.top) : null,
    h("strong", { class: "small" }, t("credit.best")),
    h(
      "ol",
      { class: "best-changes", "data-testid": "best-changes" },
      ...(m.best.length ? m.best : [t("credit.noChange")]).map((line) => h("li", {}, line)),
    ),
  );
}

/** What the "what mattered" and "loops" tabs put under their controls. */
export function creditBody(
  m: CreditPanelModel,
  tab: "credit" | "loops",
  on: CreditHandlers,
): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (!m.predict.revealed) out.push(predictCard(m, on));
  else if (tab === "credit" && m.verdict.length) out.push(verdictTable(m.verdict));
  if (!m.shown) return out;
  if (m.computing) return [...out, h("p", { class: "muted" }, t("credit.loading"))];
  if (m.failed) return [...out, h("p", { class: "form-error" }, t("debrief.error"))];
  if (tab === "loops") return [...out, h("p", { class: "muted small" }, t("loops.lead"))];
  if (m.quarterly) return [...out, creditLines(m)];
  return [...out, h("p", { class: "muted small" }, t("credit.lead")), creditLines(m)];
}

/** The whole game, one year, or one gauge quarter by quarter. */
export function periodSelect(
  period: CreditPeriod,
  years: number,
  change: (period: CreditPeriod) => void,
): HTMLElement {
  const options = [
    { value: "game", label: t("credit.game") },
    ...Array.from({ length: years }, (_, i) => ({
      value: String(i + 1),
      label: t("common.year", { y: i + 1 }),
    })),
    ...QUARTERLY_PERIODS.map((value) => ({
      value,
      label: t("credit.quarters", { gauge: t(`gauge.${quarterlyGauge(value) ?? "engagement"}`) }),
    })),
  ];
  return h(
    "label",
    {},
    t("credit.period"),
    select<string>(
      options,
      String(period),
      (value) => {
        const next = parsePeriod(value, years);
        if (next !== null) change(next);
      },
      { class: "small-select", "data-testid": "credit-period" },
    ),
  );
}
