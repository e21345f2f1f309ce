/**
 * The facilitator console: join code and QR, phase controls and timer, live submissions, event
 * injection, pacing, exports, and every team's card. Rebuilt on each state patch, keyed so a
 * field being edited keeps its focus.
 */
import { EVENT_CARDS } from "../../../shared/model/events";
import { getLanguage, t } from "../i18n/index";
import { downloadWithToken } from "../net/download";
import type { ClientView } from "../net/normalize";
import { consoleLinks, lobbyTeams, submissions, unassigned } from "../viewmodels/facilitator";
import { leaderboard } from "../viewmodels/leaderboard";
import { eventCards } from "../viewmodels/eventCards";
import { timerModel } from "../viewmodels/timer";
import { exportCard, gameCard, injectCard, joinCard, type InjectChoice } from "./consoleCards";
import { debriefCard } from "./debriefCard";
import { projectorPicker } from "./projectorPicker";
import { h } from "./dom";
import { replaceKeyed } from "./keyed";
import { qrCanvas } from "./qr";
import { teamCard, type Send } from "./teamCard";

export interface ConsoleActions {
  send: Send;
  openDebrief(): void;
  copy(text: string): void;
  injected(title: string): void;
  /** The server's current time (the session's clock), for the countdown. */
  now(): number;
  /** Shows an error the usual way (a failed export). */
  fail(error: unknown): void;
}

export class FacilitatorPanel {
  readonly root = h("div", { class: "console" });
  private readonly aside = h("aside", { class: "console-side" });
  private readonly main = h("section", { class: "console-main" });
  private readonly overview = h("div", { class: "overview" });
  private readonly grid = h("div", { class: "team-grid" });
  private readonly extra = h("div", { class: "console-extra" });
  /** The running clock's element, refreshed every second by tickClock(). */
  private clock: HTMLElement | null = null;
  private qr: { url: string; canvas: HTMLCanvasElement } | null = null;
  private inject: InjectChoice = { event: "badBuzz", team: "" };
  /** The team the projector's debrief screens are about ("" = every team). */
  private showTeam = "";

  constructor(
    private readonly token: string,
    private readonly actions: ConsoleActions,
  ) {
    this.main.append(this.overview, this.grid, this.extra);
    this.root.append(this.aside, this.main);
  }

  private download(url: string, fallbackName: string): void {
    downloadWithToken(url, this.token, fallbackName).catch((error: unknown) =>
      this.actions.fail(error),
    );
  }

  private qrFor(url: string): HTMLCanvasElement {
    if (this.qr?.url !== url) this.qr = { url, canvas: qrCanvas(url, 176) };
    return this.qr.canvas;
  }

  update(view: ClientView): void {
    const links = consoleLinks(window.location.origin, view.code, this.token);
    const send = this.actions.send;
    const teams = lobbyTeams(view);
    const subs = submissions(view);
    const now = this.actions.now();
    const timer = timerModel(view, now);
    const clock = h(
      "span",
      { class: `clock ${timer.urgency}`, "data-testid": "console-clock" },
      timer.text,
    );
    this.clock = clock;
    const over = view.phase === "debrief" || view.phase === "ended";

    const injectCardNode = over
      ? null
      : injectCard(
          teams,
          this.inject,
          send,
          (choice) => {
            this.inject = choice;
            this.update(view);
          },
          (event) => this.actions.injected(EVENT_CARDS[event].title[getLanguage()]),
        );
    replaceKeyed(this.aside, [
      { key: "join", node: joinCard(view, links, this.qrFor(links.join), this.actions.copy) },
      { key: "game", node: gameCard(view, send, this.actions.openDebrief, clock, now) },
      ...(injectCardNode ? [{ key: "inject", node: injectCardNode }] : []),
      { key: "export", node: exportCard(view, links, (url, name) => this.download(url, name)) },
    ]);

    replaceKeyed(
      this.grid,
      teams.map((team) => ({
        key: team.id,
        node: teamCard(team, view.teams[team.id]!, teams, view.phase, getLanguage(), send),
      })),
    );

    // What the room is living now: the quarter's cards and how many teams have decided.
    const cards = eventCards(getLanguage(), view.event);
    this.overview.replaceChildren(
      h(
        "section",
        { class: "card overview-card" },
        h("span", { class: "eyebrow" }, view.phase === "lobby" ? t("fac.lobby") : t("board.event")),
        ...(view.phase === "lobby"
          ? [h("p", { class: "muted" }, t("fac.players", { n: Object.keys(view.players).length }))]
          : cards.map((card) =>
              h(
                "div",
                { class: card.calm ? "ov-event calm" : "ov-event" },
                h("strong", {}, card.title),
                h("p", { class: "muted small" }, card.text),
              ),
            )),
        view.phase === "decision"
          ? h(
              "div",
              { class: "progress", role: "progressbar", "aria-label": t("fac.submissions") },
              h("span", { style: `width:${(100 * subs.submitted) / Math.max(1, subs.total)}%` }),
            )
          : null,
      ),
    );
    // Once the game is over, the room's moment is the debrief's question, then its reveal.
    if (over) {
      this.overview.replaceChildren(
        debriefCard(view, send),
        projectorPicker(
          view,
          this.showTeam,
          (team) => {
            this.showTeam = team;
          },
          send,
        ),
      );
    }

    const loose = unassigned(view);
    const rows = leaderboard(getLanguage(), Object.values(view.teams), null);
    this.extra.replaceChildren(
      ...(loose.length ? [h("p", { class: "muted" }, loose.map((p) => p.name).join(", "))] : []),
      ...(view.turn > 0
        ? [
            h(
              "section",
              { class: "card standings" },
              h("h3", {}, t("fac.standings")),
              h(
                "table",
                {},
                h(
                  "thead",
                  {},
                  h(
                    "tr",
                    {},
                    h("th", {}, ""),
                    h("th", {}, t("common.team")),
                    h("th", {}, t("rank.kpi")),
                    h("th", {}, t("rank.score")),
                  ),
                ),
                h(
                  "tbody",
                  {},
                  ...rows.map((r) =>
                    h(
                      "tr",
                      {},
                      h("td", {}, String(r.scoreRank)),
                      h("td", {}, r.name),
                      h("td", {}, r.kpiDisplay),
                      h("td", { class: "score" }, r.scoreDisplay),
                    ),
                  ),
                ),
              ),
            ),
          ]
        : []),
    );
  }

  /** Called every frame; touches the DOM only when the second changes. */
  tickClock(view: ClientView): void {
    if (!this.clock) return;
    const timer = timerModel(view, this.actions.now());
    if (this.clock.textContent !== timer.text) {
      this.clock.textContent = timer.text;
      this.clock.className = `clock ${timer.urgency}`;
    }
  }
}
