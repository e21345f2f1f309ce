/**
 * "Mes ateliers": the facilitator's workshops, from the tokens this browser keeps or one
 * pasted. Each line says the scenario, the code, where the game stands, its teams and date, and
 * offers to reopen the console, download the exports (the one list of downloads) and end it
 * (after a confirmation). Fetching and acting are handed in; this builds the DOM only.
 */
import { t, type MessageKey } from "../i18n/index";
import type { WorkshopLine } from "../viewmodels/workshops";
import { confirmDialog } from "./confirmDialog";
import { downloadButtons } from "./consoleCards";
import { append, button, h } from "./dom";

export interface WorkshopsState {
  loading: boolean;
  lines: readonly WorkshopLine[];
  /** Some tokens could not be listed (rate limit, network). */
  partial: boolean;
  /** A token was pasted and it lists nothing. */
  pastedNothing: boolean;
}

export interface WorkshopsHandlers {
  back(): void;
  paste(token: string): void;
  /** Answers a refusal to show, or null once the console is on screen. */
  reopen(code: string): Promise<MessageKey | null>;
  end(code: string): Promise<MessageKey | null>;
  download(code: string, url: string, fallbackName: string): void;
  /** The room's printed debrief, built from the workshop's JSON export. */
  pdf(code: string): Promise<MessageKey | null>;
}

export function workshopsPanel(
  state: WorkshopsState,
  on: WorkshopsHandlers,
  origin: string,
): HTMLElement {
  const out = h("p", {
    class: "form-error",
    "aria-live": "polite",
    "data-testid": "workshops-error",
  });
  const token = h("input", {
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    maxlength: 128,
    "data-testid": "workshops-token",
  });
  const paste = h(
    "form",
    { class: "row wrap token-form" },
    h("label", { for: "workshops-token", class: "sr-only" }, t("workshops.token")),
    token,
    h(
      "button",
      { type: "submit", class: "btn small", "data-testid": "workshops-paste" },
      t("workshops.tokenButton"),
    ),
  );
  token.id = "workshops-token";
  token.placeholder = t("workshops.token");
  paste.addEventListener("submit", (e) => {
    e.preventDefault();
    const value = token.value.trim();
    if (value) on.paste(value);
  });
  const card = h("section", { class: "card workshops-card", "data-testid": "workshops" });
  const run = async (action: () => Promise<MessageKey | null>) => {
    card.querySelectorAll("button").forEach((b) => (b.disabled = true));
    out.textContent = "";
    const error = await action();
    card.querySelectorAll("button").forEach((b) => (b.disabled = false));
    if (error) out.textContent = t(error);
  };
  const rows = state.lines.map((line) => {
    const end = async () => {
      const go = await confirmDialog({
        title: t("workshops.end"),
        text: t("workshops.endConfirm", { code: line.code }),
        confirm: t("workshops.end"),
        cancel: t("common.cancel"),
        danger: true,
        testId: "confirm-end",
      });
      if (go) await run(() => on.end(line.code));
    };
    return h(
      "li",
      { class: "workshop-row", "data-testid": `workshop-${line.code}` },
      h(
        "div",
        { class: "game-text" },
        h("strong", {}, `${line.code} · ${line.title}`),
        h(
          "span",
          { class: line.quarantined ? "warn small" : "small", "data-testid": "workshop-status" },
          line.status,
        ),
        h("span", { class: "muted small" }, line.details),
      ),
      h(
        "div",
        { class: "game-actions" },
        line.canReopen
          ? button(t("workshops.reopen"), () => void run(() => on.reopen(line.code)), {
              class: "btn primary small",
              "data-testid": `reopen-${line.code}`,
            })
          : null,
        downloadButtons(origin, line.code, (url, name) => on.download(line.code, url, name)),
        line.canPrint
          ? button(t("print.pdfRoom"), () => void run(() => on.pdf(line.code)), {
              class: "btn small",
              "data-testid": `pdf-${line.code}`,
            })
          : null,
        line.canEnd
          ? button(t("workshops.end"), () => void end(), {
              class: "btn danger small",
              "data-testid": `end-${line.code}`,
            })
          : null,
      ),
    );
  });
  append(
    card,
    h(
      "div",
      { class: "workshops-head" },
      h("h1", {}, t("workshops.title")),
      button(t("workshops.back"), on.back, {
        class: "btn ghost small",
        "data-testid": "workshops-back",
      }),
    ),
    h("p", { class: "muted small" }, t("workshops.lead")),
    paste,
    state.loading
      ? h("p", { class: "muted" }, t("common.loading"))
      : rows.length
        ? h("ul", { class: "games" }, ...rows)
        : h(
            "p",
            { class: "muted", "data-testid": "workshops-empty" },
            t(state.pastedNothing ? "workshops.none" : "workshops.empty"),
          ),
    state.partial ? h("p", { class: "warn small" }, t("workshops.partial")) : null,
    out,
  );
  return h("div", { class: "home workshops-page" }, card);
}
