/**
 * The home screen's three forms: join (code + name), host (workshop options) and solo (scenario
 * and rivals). Plain DOM for real text input and keyboard access. Each hands its choice to a
 * handler that answers with a refusal to show under the form, or null.
 */
import {
  DEFAULT_DECISION_SECONDS,
  DEFAULT_PACING,
  DEFAULT_SCENARIO_ID,
  DEFAULT_SOLO_RIVALS,
  DEFAULT_TEAM_COUNT,
  LANGUAGES,
  MAX_SOLO_RIVALS,
  MAX_SOLO_YEARS,
  MAX_TEAMS,
  MAX_YEARS,
  MIN_SOLO_RIVALS,
  MIN_SOLO_YEARS,
  MIN_TEAMS,
  MIN_YEARS,
  PACINGS,
  type Language,
  type Pacing,
} from "../../../shared/protocol/constants";
import { NAME_MAX_LENGTH } from "../../../shared/protocol/codes";
import { CLIENT_SCENARIOS } from "../scenarios";
import { getLanguage, pick, t, type MessageKey } from "../i18n/index";
import { checkJoinForm } from "../viewmodels/home";
import { storage } from "../net/storage";
import { button, h, select } from "./dom";

export interface HostChoice {
  scenario: string;
  years: number;
  teams: number;
  decisionSeconds: number;
  pacing: Pacing;
  language: Language;
}

export interface SoloChoice {
  scenario: string;
  /** 1–4 (the server refuses anything else). */
  years: number;
  rivals: number;
  name: string;
}

export interface HomeHandlers {
  join(code: string, name: string): Promise<MessageKey | null>;
  host(choice: HostChoice): Promise<MessageKey | null>;
  solo(choice: SoloChoice): Promise<MessageKey | null>;
}

/** Whole numbers from `min` to `max`, as select options. */
function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The decision timers offered (0 = none): a short list of the server's 0–MAX_DECISION_SECONDS. */
const TIMER_CHOICES = [0, 60, 120, 180, 300, 480, 600];

function field(label: string, control: HTMLElement, id: string): HTMLElement {
  control.id = id;
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

/** Disables the form while a request runs and shows its refusal under it. */
async function busy(
  form: HTMLFormElement,
  out: HTMLElement,
  run: () => Promise<MessageKey | null>,
) {
  const controls = form.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(
    "button, input, select",
  );
  controls.forEach((c) => (c.disabled = true));
  form.classList.add("busy");
  out.textContent = "";
  const error = await run();
  controls.forEach((c) => (c.disabled = false));
  form.classList.remove("busy");
  if (error) out.textContent = t(error);
}

export function joinForm(prefill: string, handlers: HomeHandlers): HTMLElement {
  const code = h("input", {
    value: prefill,
    maxlength: 8,
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    placeholder: "ABC234",
    class: "code-input",
    "data-testid": "join-code",
  });
  code.addEventListener("input", () => (code.value = code.value.toUpperCase()));
  const name = h("input", {
    value: storage.lastName(),
    maxlength: NAME_MAX_LENGTH,
    autocomplete: "given-name",
    placeholder: t("home.join.namePlaceholder"),
    "data-testid": "join-name",
  });
  const out = h("p", { class: "form-error", "aria-live": "polite", "data-testid": "join-error" });
  const form = h(
    "form",
    { class: "form" },
    h("h2", {}, t("home.join.title")),
    h("p", { class: "lead" }, t("home.join.lead")),
    field(t("home.join.code"), code, "join-code"),
    field(t("home.join.name"), name, "join-name"),
    out,
    h(
      "button",
      { type: "submit", class: "btn primary wide", "data-testid": "join-submit" },
      t("home.join.submit"),
    ),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const check = checkJoinForm(code.value, name.value);
    if (!check.ok) {
      out.textContent = t(check.message);
      (check.field === "code" ? code : name).focus();
      return;
    }
    void busy(form, out, () => handlers.join(check.code, check.name));
  });
  return form;
}

function scenarioPicker(current: string, onChange: (id: string) => void): HTMLElement {
  const desc = h("p", { class: "scenario-desc" });
  const update = (id: string) => {
    const s = CLIENT_SCENARIOS.find((x) => x.id === id);
    desc.textContent = s ? pick(s.description) : "";
    onChange(id);
  };
  const sel = select(
    CLIENT_SCENARIOS.map((s) => ({ value: s.id, label: pick(s.title) })),
    current,
    update,
    { "data-testid": "scenario" },
  );
  update(current);
  return h("div", {}, field(t("home.host.scenario"), sel, "scenario"), desc);
}

export function hostForm(handlers: HomeHandlers): HTMLElement {
  const choice: HostChoice = {
    scenario: DEFAULT_SCENARIO_ID,
    // The scenario picker replaces it at once with the scenario's own length.
    years: MIN_YEARS,
    teams: DEFAULT_TEAM_COUNT,
    decisionSeconds: DEFAULT_DECISION_SECONDS,
    pacing: DEFAULT_PACING,
    language: getLanguage(),
  };
  const years = select(
    range(MIN_YEARS, MAX_YEARS).map((n) => ({
      value: String(n),
      label: t(n === 1 ? "home.host.yearValue" : "home.host.yearsValue", { n }),
    })),
    String(choice.years),
    (v) => (choice.years = Number(v)),
  );
  const teams = select(
    range(MIN_TEAMS, MAX_TEAMS).map((n) => ({ value: String(n), label: String(n) })),
    String(choice.teams),
    (v) => (choice.teams = Number(v)),
    { "data-testid": "host-teams" },
  );
  const timer = select(
    TIMER_CHOICES.map((s) => ({
      value: String(s),
      label: s === 0 ? t("home.host.noTimer") : t("common.minutes", { n: s / 60 }),
    })),
    String(choice.decisionSeconds),
    (v) => (choice.decisionSeconds = Number(v)),
    { "data-testid": "host-timer" },
  );
  const pacing = select<Pacing>(
    PACINGS.map((p) => ({ value: p, label: t(`pacing.${p}`) })),
    choice.pacing,
    (v) => (choice.pacing = v),
    { "data-testid": "host-pacing" },
  );
  const language = select<Language>(
    LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) })),
    choice.language,
    (v) => (choice.language = v),
  );
  const out = h("p", { class: "form-error", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "form" },
    h("h2", {}, t("home.host.title")),
    h("p", { class: "lead" }, t("home.host.lead")),
    scenarioPicker(choice.scenario, (id) => {
      choice.scenario = id;
      const s = CLIENT_SCENARIOS.find((x) => x.id === id);
      if (s) {
        choice.years = s.years;
        years.value = String(s.years);
      }
    }),
    h(
      "div",
      { class: "grid2" },
      field(t("home.host.years"), years, "host-years"),
      field(t("home.host.teams"), teams, "host-teams"),
      field(t("home.host.timer"), timer, "host-timer"),
      field(t("home.host.language"), language, "host-language"),
    ),
    field(t("home.host.pacing"), pacing, "host-pacing"),
    out,
    h(
      "button",
      { type: "submit", class: "btn primary wide", "data-testid": "host-submit" },
      t("home.host.submit"),
    ),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(form, out, () => handlers.host({ ...choice }));
  });
  return form;
}

export function soloForm(handlers: HomeHandlers): HTMLElement {
  const choice: SoloChoice = {
    scenario: DEFAULT_SCENARIO_ID,
    years: MAX_SOLO_YEARS,
    rivals: DEFAULT_SOLO_RIVALS,
    name: storage.lastName(),
  };
  const cards = h("div", { class: "scenario-cards", role: "radiogroup" });
  const renderCards = () => {
    cards.replaceChildren(
      ...CLIENT_SCENARIOS.map((s) => {
        const card = button(
          "",
          () => {
            choice.scenario = s.id;
            renderCards();
          },
          {
            class: s.id === choice.scenario ? "scenario-card active" : "scenario-card",
            role: "radio",
            "aria-checked": String(s.id === choice.scenario),
            "data-testid": `solo-scenario-${s.id}`,
          },
        );
        card.append(h("strong", {}, pick(s.title)), h("span", {}, pick(s.description)));
        return card;
      }),
    );
  };
  renderCards();
  const rivals = select(
    range(MIN_SOLO_RIVALS, MAX_SOLO_RIVALS).map((n) => ({ value: String(n), label: String(n) })),
    String(choice.rivals),
    (v) => (choice.rivals = Number(v)),
  );
  const years = select(
    range(MIN_SOLO_YEARS, MAX_SOLO_YEARS).map((n) => ({
      value: String(n),
      label: t(n === 1 ? "home.host.yearValue" : "home.host.yearsValue", { n }),
    })),
    String(choice.years),
    (v) => (choice.years = Number(v)),
    { "data-testid": "solo-years" },
  );
  const out = h("p", { class: "form-error", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "form" },
    h("h2", {}, t("home.solo.title")),
    h("p", { class: "lead" }, t("home.solo.lead")),
    cards,
    h(
      "div",
      { class: "grid2" },
      field(t("home.solo.years"), years, "solo-years"),
      field(t("home.solo.rivals"), rivals, "solo-rivals"),
    ),
    out,
    h(
      "button",
      { type: "submit", class: "btn primary wide", "data-testid": "solo-submit" },
      t("home.solo.submit"),
    ),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(form, out, () => handlers.solo({ ...choice }));
  });
  return form;
}
