/**
 * The cards down the side of the facilitator console: join (code, QR, links), game (phase
 * control, timer, submissions, pacing, end), event injection and exports.
 */
import { EVENT_CARDS, EVENT_IDS, type EventId } from "../../../shared/model/events";
import type { Pacing } from "../../../shared/protocol/messages";
import { getLanguage, t } from "../i18n/index";
import type { ClientView } from "../net/normalize";
import {
  emptyTeams,
  phaseControl,
  submissions,
  type LobbyTeam,
  type Links,
} from "../viewmodels/facilitator";
import { timerModel } from "../viewmodels/timer";
import { currentQuarter } from "../viewmodels/track";
import { button, h, select } from "./dom";
import type { Send } from "./teamCard";

export function joinCard(
  view: ClientView,
  links: Links,
  qr: HTMLCanvasElement,
  copy: (text: string) => void,
): HTMLElement {
  return h(
    "section",
    { class: "card side-card join-card" },
    h("span", { class: "eyebrow" }, t("fac.code")),
    h("div", { class: "big-code", "data-testid": "console-code" }, view.code),
    qr,
    h("p", { class: "muted" }, t("fac.joinAt", { host: window.location.host })),
    h(
      "a",
      {
        class: "btn wide",
        href: links.projector,
        target: "_blank",
        rel: "noopener",
        "data-testid": "projector-link",
      },
      t("fac.projector"),
    ),
    h(
      "div",
      { class: "private" },
      button(t("fac.privateLink"), () => copy(links.facilitator), { class: "btn small ghost" }),
      h("small", { class: "muted" }, t("fac.privateLinkHint")),
    ),
  );
}

/** `clock` is the element the scene refreshes every second; `now` the server's current time. */
export function gameCard(
  view: ClientView,
  send: Send,
  openDebrief: () => void,
  clock: HTMLElement,
  now: number,
): HTMLElement {
  const control = phaseControl(view.phase, view.turn, view.turnsTotal);
  const subs = submissions(view);
  const timer = timerModel(view, now);
  const quarter = currentQuarter(view.phase, view.turn, view.turnsTotal);
  const over = view.phase === "debrief" || view.phase === "ended";
  const pacing = select<Pacing>(
    [
      { value: "facilitator", label: t("pacing.facilitator") },
      { value: "auto", label: t("pacing.auto") },
    ],
    view.pacing,
    (value) => void send("pacing.set", { pacing: value }),
    { class: "small-select", "data-testid": "pacing", "aria-label": t("fac.pacing") },
  );
  const decision = view.phase === "decision";
  const timerRow = h(
    "div",
    { class: "timer-row" },
    timer.active ? clock : h("span", { class: "muted" }, t("board.noTimer")),
    timer.active
      ? button(
          timer.paused ? t("fac.resume") : t("fac.pause"),
          () => void send(timer.paused ? "timer.resume" : "timer.pause", {}),
          { class: "btn small", "data-testid": "timer-toggle" },
        )
      : null,
    timer.active
      ? button(t("fac.extend", { n: 60 }), () => void send("timer.extend", { seconds: 60 }), {
          class: "btn small",
        })
      : null,
  );
  const end = () => {
    if (window.confirm(t("fac.endConfirm"))) void send("game.end", {});
  };
  return h(
    "section",
    { class: "card side-card" },
    h("span", { class: "eyebrow" }, t(`phase.${view.phase}`)),
    h(
      "div",
      { class: "phase-line" },
      view.phase === "lobby"
        ? t("fac.lobby")
        : t("common.quarterOf", { q: quarter, total: view.turnsTotal }),
    ),
    control
      ? button(t(control.label), () => void send(control.message, {}), {
          class: "btn primary wide",
          "data-testid": "phase-next",
        })
      : null,
    // Only worth saying when some team has neither players nor a bot.
    view.phase === "lobby" && emptyTeams(view).length > 0
      ? h("small", { class: "warn" }, t("fac.startHint"))
      : null,
    over
      ? button(t("fac.openDebrief"), openDebrief, {
          class: "btn primary wide",
          "data-testid": "open-debrief",
        })
      : null,
    decision ? timerRow : null,
    decision
      ? h(
          "div",
          { class: "subs", "data-testid": "submissions" },
          `${t("fac.submissions")} ${subs.submitted} / ${subs.total}`,
        )
      : null,
    h("div", { class: "field inline" }, h("label", {}, t("fac.pacing")), pacing),
    view.phase !== "ended" ? button(t("fac.end"), end, { class: "btn danger small" }) : null,
  );
}

export interface InjectChoice {
  event: EventId;
  team: string;
}

export function injectCard(
  teams: readonly LobbyTeam[],
  choice: InjectChoice,
  send: Send,
  onChange: (choice: InjectChoice) => void,
  onInjected: (event: EventId) => void,
): HTMLElement {
  const language = getLanguage();
  const eventSelect = select<EventId>(
    EVENT_IDS.map((id) => ({ value: id, label: EVENT_CARDS[id].title[language] })),
    choice.event,
    (event) => onChange({ ...choice, event }),
    { class: "small-select", "data-testid": "inject-event", "aria-label": t("fac.inject") },
  );
  const target = select<string>(
    [
      { value: "", label: t("fac.injectAll") },
      ...teams.map((x) => ({ value: x.id, label: x.name })),
    ],
    choice.team,
    (team) => onChange({ ...choice, team }),
    { class: "small-select", "aria-label": t("a11y.injectTarget") },
  );
  const trigger = () => {
    const payload = { eventId: choice.event, ...(choice.team ? { teams: [choice.team] } : {}) };
    void send("event.inject", payload).then((ok) => ok && onInjected(choice.event));
  };
  return h(
    "section",
    { class: "card side-card" },
    h("span", { class: "eyebrow" }, t("fac.inject")),
    eventSelect,
    h("p", { class: "muted small" }, EVENT_CARDS[choice.event].text[language]),
    h(
      "div",
      { class: "row" },
      target,
      button(t("fac.injectButton"), trigger, {
        class: "btn small",
        "data-testid": "inject-button",
      }),
    ),
  );
}

/** The console's printed debrief: which document (the room, or one team), and print it. */
export interface PrintChoice {
  /** "" for the room, else a team id. */
  scope: string;
  choose(scope: string): void;
  print(scope: string): void;
}

/**
 * Export buttons: `download` fetches the file with the facilitator token in a header (never in
 * the URL) and saves it; `fallbackName` is used if the server names none. Once the game is over,
 * `print` (null before) offers the printed debrief of the room or of one team.
 */
export function exportCard(
  view: ClientView,
  links: Links,
  download: (url: string, fallbackName: string) => void,
  print: PrintChoice | null,
): HTMLElement {
  const link = (url: string, ext: string, label: string, id: string) =>
    button(label, () => download(url, `elan-${view.code}.${ext}`), {
      class: "btn small",
      "data-testid": `export-${id}`,
    });
  return h(
    "section",
    { class: "card side-card" },
    h("span", { class: "eyebrow" }, t("fac.export")),
    h(
      "div",
      { class: "row" },
      link(links.exportCsv, "csv", t("fac.exportCsv"), "csv"),
      link(links.exportCsvFr, "csv", t("fac.exportCsvFr"), "csv-fr"),
      link(links.exportJson, "json", t("fac.exportJson"), "json"),
    ),
    print ? printRow(view, print) : null,
  );
}

function printRow(view: ClientView, print: PrintChoice): HTMLElement {
  const scope = select<string>(
    [
      { value: "", label: t("print.scopeRoom") },
      ...Object.values(view.teams).map((team) => ({ value: team.id, label: team.name })),
    ],
    print.scope,
    (value) => print.choose(value),
    { class: "small-select", "data-testid": "print-scope", "aria-label": t("print.scope") },
  );
  return h(
    "div",
    {},
    h("small", { class: "muted" }, t("print.heading")),
    h(
      "div",
      { class: "row" },
      scope,
      button(t("print.pdf"), () => print.print(scope.value), {
        class: "btn small",
        "data-testid": "print-pdf",
        "aria-label": `${t("print.heading")} (${t("print.pdf")})`,
      }),
    ),
  );
}
