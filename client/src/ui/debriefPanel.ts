/**
 * The debrief's DOM half: tabs, the choices (measure, team, quarter, the what-if allocation)
 * and the sentences around the chart. The chart itself is drawn on the canvas below it.
 */
import {
  BUCKET_IDS,
  allocationTotal,
  type Allocation,
  type BucketId,
} from "../../../shared/model/levers";
import { t, type MessageKey } from "../i18n/index";
import { BUCKET_COLORS, COLORS, css, teamColor } from "../theme";
import { quarterlyGauge, type CreditPanelModel, type CreditPeriod } from "../viewmodels/credit";
import { DEBRIEF_METRICS, type DebriefMetric } from "../viewmodels/debrief";
import type { ReasonLine } from "../viewmodels/reasons";
import { creditBody, periodSelect, type CreditHandlers } from "./debriefCredit";
import { button, h, select } from "./dom";

export const DEBRIEF_TABS = [
  "credit",
  "loops",
  "trajectories",
  "levers",
  "luck",
  "whatif",
] as const;
export type DebriefTab = (typeof DEBRIEF_TABS)[number];

const TAB_LABELS: Record<DebriefTab, MessageKey> = {
  credit: "debrief.credit",
  loops: "debrief.loops",
  trajectories: "debrief.trajectories",
  levers: "debrief.levers",
  luck: "debrief.luck",
  whatif: "debrief.whatIf",
};

export interface DebriefUiState {
  tab: DebriefTab;
  metric: DebriefMetric;
  team: string;
  quarter: number;
  allocation: Allocation;
  keep: boolean;
  /** What the waterfall splits: the whole game's score or one year's gain. */
  period: CreditPeriod;
}

export interface DebriefPanelModel {
  state: DebriefUiState;
  teams: { id: string; name: string; colorIndex: number }[];
  quarters: number;
  budget: number;
  status: "loading" | "ready" | "error";
  /** Sentences under the controls: the luck percentile, the branch score, the reasons. */
  summary: string[];
  reasons: { label: string; lines: ReasonLine[] }[];
  backLabel: MessageKey;
  /** Years played (the waterfall's periods). */
  years: number;
  credit: CreditPanelModel;
  /** The team whose printed debrief this reader gets besides the room's (theirs, or the one chosen). */
  printTeam: { id: string; name: string; mine: boolean } | null;
}

export interface DebriefPanelHandlers extends CreditHandlers {
  change(patch: Partial<DebriefUiState>): void;
  /** Back to what the team really played at the chosen quarter. */
  reset(): void;
  back(): void;
  /** The printed debrief: the room's (null) or a team's. */
  print(teamId: string | null): void;
}

function teamLegend(teams: DebriefPanelModel["teams"]): HTMLElement {
  return h(
    "div",
    { class: "legend" },
    ...teams.map((team) =>
      h(
        "span",
        { class: "chip" },
        h("i", { style: `background:${css(teamColor(team.colorIndex))}` }),
        team.name,
      ),
    ),
  );
}

/** The levers' colours; with `base`, playing nothing in grey first (the quarterly credit). */
function bucketLegend(base = false): HTMLElement {
  return h(
    "div",
    { class: "legend" },
    base
      ? h(
          "span",
          { class: "chip" },
          h("i", { style: `background:${css(COLORS.textFaint)}` }),
          t("credit.base"),
        )
      : null,
    ...BUCKET_IDS.map((id) =>
      h(
        "span",
        { class: "chip" },
        h("i", { style: `background:${css(BUCKET_COLORS[id])}` }),
        t(`lever.${id}.short`),
      ),
    ),
  );
}

function stepper(
  id: BucketId,
  value: number,
  canAdd: boolean,
  set: (v: number) => void,
): HTMLElement {
  return h(
    "div",
    { class: "stepper", style: `--c:${css(BUCKET_COLORS[id])}` },
    h("span", { class: "stepper-label" }, t(`lever.${id}.short`)),
    button("−", () => set(value - 1), {
      class: "step",
      disabled: value <= 0,
      "aria-label": `${t(`lever.${id}.name`)} −`,
    }),
    h("b", {}, String(value)),
    button("+", () => set(value + 1), {
      class: "step",
      disabled: !canAdd,
      "aria-label": `${t(`lever.${id}.name`)} +`,
      "data-testid": `whatif-plus-${id}`,
    }),
  );
}

export function debriefPanel(m: DebriefPanelModel, on: DebriefPanelHandlers): HTMLElement {
  const s = m.state;
  const tabs = h(
    "div",
    { class: "tabs debrief-tabs", role: "tablist" },
    ...DEBRIEF_TABS.map((tab) =>
      button(t(TAB_LABELS[tab]), () => on.change({ tab }), {
        class: tab === s.tab ? "tab active" : "tab",
        role: "tab",
        "aria-selected": String(tab === s.tab),
        "data-testid": `debrief-tab-${tab}`,
      }),
    ),
  );
  const metric = select<DebriefMetric>(
    DEBRIEF_METRICS.map((id) => ({ value: id, label: t(`gauge.${id}`) })),
    s.metric,
    (value) => on.change({ metric: value }),
    { class: "small-select", "data-testid": "debrief-metric" },
  );
  const team = select<string>(
    m.teams.map((x) => ({ value: x.id, label: x.name })),
    s.team,
    (value) => on.change({ team: value }),
    { class: "small-select", "data-testid": "debrief-team" },
  );
  const controls = h("div", { class: "debrief-controls" });
  const credit = s.tab === "credit" || s.tab === "loops" ? s.tab : null;
  if (!credit && s.tab !== "levers") controls.append(h("label", {}, t("debrief.metric"), metric));
  if (s.tab === "luck" || s.tab === "whatif" || (credit && m.credit.shown))
    controls.append(h("label", {}, t("debrief.team"), team));
  if (credit === "credit" && m.credit.shown)
    controls.append(periodSelect(s.period, m.years, (period) => on.change({ period })));
  if (s.tab === "whatif") {
    controls.append(
      h(
        "label",
        {},
        t("debrief.quarter"),
        select<string>(
          Array.from({ length: m.quarters }, (_, i) => ({
            value: String(i + 1),
            label: t("common.quarterShort", { q: i + 1 }),
          })),
          String(s.quarter),
          (value) => on.change({ quarter: Number(value) }),
          { class: "small-select", "data-testid": "debrief-quarter" },
        ),
      ),
    );
  }
  const body: (HTMLElement | null)[] = [];
  if (credit) body.push(...creditBody(m.credit, credit, on));
  if (s.tab === "trajectories") body.push(teamLegend(m.teams));
  if (s.tab === "levers") body.push(bucketLegend());
  if (credit === "credit" && m.credit.shown && quarterlyGauge(s.period))
    body.push(bucketLegend(true));
  if (s.tab === "luck")
    body.push(h("p", { class: "muted small" }, t("debrief.luckLead", { n: 200 })));
  if (s.tab === "whatif") {
    const used = allocationTotal(s.allocation);
    const keep = h("input", { type: "checkbox", checked: s.keep, "data-testid": "debrief-keep" });
    keep.addEventListener("change", () => on.change({ keep: keep.checked }));
    body.push(
      h("p", { class: "muted small" }, t("debrief.whatIfLead")),
      h(
        "div",
        { class: "steppers" },
        ...BUCKET_IDS.map((id) =>
          stepper(id, s.allocation[id], used < m.budget, (v) =>
            on.change({ allocation: { ...s.allocation, [id]: Math.max(0, v) } }),
          ),
        ),
        h("span", { class: "budget-note" }, `${used} / ${m.budget}`),
      ),
      h(
        "div",
        { class: "row" },
        h("label", { class: "check" }, keep, t("debrief.keep")),
        button(t("debrief.reset"), () => on.reset(), {
          class: "btn small ghost",
          "data-testid": "debrief-reset",
        }),
      ),
    );
  }
  for (const line of m.summary)
    body.push(h("p", { class: "summary", "data-testid": "debrief-summary" }, line));
  if (m.reasons.length) {
    body.push(
      h(
        "div",
        { class: "reasons" },
        ...m.reasons.map((g) =>
          h(
            "div",
            {},
            h("strong", {}, g.label),
            ...g.lines.map((l) =>
              h("span", { class: l.positive ? "up" : "down" }, `${l.display} ${l.label}`),
            ),
          ),
        ),
      ),
    );
  }
  const status =
    m.status === "loading"
      ? h("p", { class: "muted" }, t("debrief.loading"))
      : m.status === "error"
        ? h("p", { class: "form-error" }, t("debrief.error"))
        : null;
  return h(
    "div",
    { class: "debrief" },
    h(
      "div",
      { class: "debrief-top card" },
      h(
        "div",
        { class: "debrief-head" },
        h("h2", {}, t("debrief.title")),
        h(
          "div",
          { class: "debrief-actions" },
          m.status === "ready"
            ? button(t("print.pdfRoom"), () => on.print(null), {
                class: "btn small",
                "data-testid": "print-room",
              })
            : null,
          m.status === "ready" && m.printTeam
            ? button(
                m.printTeam.mine
                  ? t("print.pdfMine")
                  : t("print.pdfOf", { team: m.printTeam.name }),
                () => on.print(m.printTeam?.id ?? null),
                { class: "btn small", "data-testid": "print-team" },
              )
            : null,
        ),
        button(t(m.backLabel), () => on.back(), { class: "btn small ghost" }),
      ),
      tabs,
      status,
      controls,
      ...body,
    ),
  );
}
