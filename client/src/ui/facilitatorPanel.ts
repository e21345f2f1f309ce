/**
 * The facilitator console: join code and QR, phase controls and timer, live submissions, event
 * injection, pacing, exports, and every team's card. Rebuilt on each state patch, keyed so a
 * field being edited keeps its focus.
 */
import { EVENT_CARDS } from "../../../shared/model/events";
import { getLanguage, t, tp } from "../i18n/index";
import { downloadWithToken } from "../net/download";
import type { ClientView } from "../net/normalize";
import { findScenario } from "../scenarios";
import { serverAddress } from "../net/api";
import { consoleLinks, lobbyTeams, submissions, unassigned } from "../viewmodels/facilitator";
import { displayHost, joinTarget, type ServerAddress } from "../viewmodels/joinAddress";
import { submittedLabel } from "../viewmodels/submissions";
import { currentQuarter } from "../viewmodels/track";
import { leaderboard } from "../viewmodels/leaderboard";
import { eventCards } from "../viewmodels/eventCards";
import { timerModel } from "../viewmodels/timer";
import { exportCard, gameCard, injectCard, joinCard, type InjectChoice } from "./consoleCards";
import { debriefCard } from "./debriefCard";
import { projectorPicker } from "./projectorPicker";
import { h } from "./dom";
import { replaceKeyed } from "./keyed";
import { runSheetCard } from "./runSheetCard";
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
  /** Prints the debrief of the room (`teamId` null) or of one team. */
  print(teamId: string | null): void;
}

/** The overview's bar, labelled above it and announced as "2 of 3" by screen readers. */
function submissionBar(submitted: number, total: number): HTMLElement {
  const bar = h(
    "div",
    { class: "progress", role: "progressbar", "aria-label": t("fac.submissions") },
    h("span", { style: `width:${(100 * submitted) / Math.max(1, total)}%` }),
  );
  bar.setAttribute("aria-valuemin", "0");
  bar.setAttribute("aria-valuemax", String(total));
  bar.setAttribute("aria-valuenow", String(submitted));
  return bar;
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
  /** The printed debrief's scope: "" the room, else a team id. */
  private printScope = "";
  private guide: { key: string; node: HTMLDetailsElement } | null = null;
  /** Where participants can reach the server (asked once); null until known. */
  private address: ServerAddress | null = null;
  private last: ClientView | null = null;
  /** The team the projector's debrief screens are about ("" = every team). */
  private showTeam = "";

  constructor(
    private readonly token: string,
    private readonly actions: ConsoleActions,
  ) {
    this.main.append(this.overview, this.grid, this.extra);
    this.root.append(this.aside, this.main);
    void serverAddress().then((address) => {
      this.address = address;
      if (this.last) this.update(this.last);
    });
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

  /** The run sheet keeps its node (and so its open/closed state) while its inputs hold. */
  private guideFor(view: ClientView): HTMLElement | null {
    const key = `${getLanguage()}:${view.scenarioId}:${view.turnsTotal}`;
    if (this.guide?.key !== key) {
      const scenario = findScenario(view.scenarioId);
      const node = scenario ? runSheetCard(getLanguage(), scenario, view.turnsTotal / 4) : null;
      if (node && this.guide?.node.open) node.open = true;
      this.guide = node ? { key, node } : null;
    }
    const node = this.guide?.node ?? null;
    // The quarter being played stands out.
    const now = view.phase === "lobby" ? 0 : currentQuarter(view.phase, view.turn, view.turnsTotal);
    node
      ?.querySelectorAll("tr")
      .forEach((tr) => tr.classList.toggle("now", tr.className.split(" ").includes(`q${now}`)));
    return node;
  }

  update(view: ClientView): void {
    this.last = view;
    const target = joinTarget(window.location, this.address);
    const links = consoleLinks(window.location.origin, target.base, view.code, this.token);
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

    const injectCardNode = injectCard(
      teams,
      this.inject,
      send,
      (choice) => {
        this.inject = choice;
        this.update(view);
      },
      (event) => this.actions.injected(EVENT_CARDS[event].title[getLanguage()]),
      view.turn >= view.turnsTotal,
    );
    const shown = {
      host: displayHost(target.base),
      notice: target.notice,
      pageHost: window.location.host,
    };
    const join = {
      key: "join",
      node: joinCard(view, links, shown, this.qrFor(links.join), this.actions.copy),
    };
    const game = { key: "game", node: gameCard(view, send, this.actions.openDebrief, clock, now) };
    // In the lobby the room needs the code and QR first; once the game runs, the clock and the
    // phase button (above the fold on a 768-pixel-high laptop), then the code for latecomers.
    replaceKeyed(this.aside, [
      ...(view.phase === "lobby" ? [join, game] : [game, join]),
      { key: "inject", node: injectCardNode },
      {
        key: "export",
        node: exportCard(
          view,
          window.location.origin,
          (url, name) => this.download(url, name),
          over
            ? {
                scope: this.printScope,
                choose: (scope) => (this.printScope = scope),
                print: (scope) => this.actions.print(scope || null),
              }
            : null,
        ),
      },
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
          ? [
              h(
                "p",
                { class: "muted" },
                tp("fac.players", Object.keys(view.players).length, {
                  n: Object.keys(view.players).length,
                }),
              ),
            ]
          : cards.map((card) =>
              h(
                "div",
                { class: card.calm ? "ov-event calm" : "ov-event" },
                h("strong", {}, card.title),
                h("p", { class: "muted small" }, card.text),
              ),
            )),
        view.phase === "decision"
          ? h("div", { class: "progress-label" }, submittedLabel(getLanguage(), view))
          : null,
        view.phase === "decision" ? submissionBar(subs.submitted, subs.total) : null,
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
    const guide = this.guideFor(view);
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
      ...(guide ? [guide] : []),
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
