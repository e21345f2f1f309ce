/**
 * The home screen's three forms: join (code + name), host (workshop options) and solo (scenario
 * and rivals). Plain DOM for real text input and keyboard access. Each hands its choice to a
 * handler that answers with a refusal to show under the form, or null.
 */
import type { Language, Pacing } from "../../../shared/protocol/messages";
import { MAX_SOLO_YEARS, MIN_SOLO_YEARS } from "../../../shared/protocol/solo";
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
    maxlength: 24,
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
    scenario: "default",
    years: 4,
    teams: 4,
    decisionSeconds: 300,
    pacing: "facilitator",
    language: getLanguage(),
  };
  const years = select(
    Array.from({ length: 10 }, (_, i) => ({
      value: String(i + 1),
      label: t(i === 0 ? "home.host.yearValue" : "home.host.yearsValue", { n: i + 1 }),
    })),
    "4",
    (v) => (choice.years = Number(v)),
  );
  const teams = select(
    Array.from({ length: 7 }, (_, i) => ({ value: String(i + 2), label: String(i + 2) })),
    "4",
    (v) => (choice.teams = Number(v)),
    { "data-testid": "host-teams" },
  );
  const timer = select(
    [0, 60, 120, 180, 300, 480, 600].map((s) => ({
      value: String(s),
      label: s === 0 ? t("home.host.noTimer") : t("common.minutes", { n: s / 60 }),
    })),
    "300",
    (v) => (choice.decisionSeconds = Number(v)),
    { "data-testid": "host-timer" },
  );
  const pacing = select<Pacing>(
    [
      { value: "facilitator", label: t("pacing.facilitator") },
      { value: "auto", label: t("pacing.auto") },
    ],
    "facilitator",
    (v) => (choice.pacing = v),
    { "data-testid": "host-pacing" },
  );
  const language = select<Language>(
    [
      { value: "fr", label: t("lang.fr") },
      { value: "en", label: t("lang.en") },
    ],
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
    scenario: "default",
    years: MAX_SOLO_YEARS,
    rivals: 3,
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
    [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
    "3",
    (v) => (choice.rivals = Number(v)),
  );
  const years = select(
    Array.from({ length: MAX_SOLO_YEARS - MIN_SOLO_YEARS + 1 }, (_, i) => {
      const n = MIN_SOLO_YEARS + i;
      return {
        value: String(n),
        label: t(n === 1 ? "home.host.yearValue" : "home.host.yearsValue", { n }),
      };
    }),
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
