/**
 * The debrief: the game replayed in the browser from the server's log, then what mattered (the
 * score credited to the levers, after each team's prediction and the reveal), the loops,
 * trajectories, levers funded, luck bands and what-if branches. Everything is computed here by
 * the shared simulation (the attribution in a worker); the server only supplied the log.
 */
import type { TeamInsights } from "../../../shared/analysis/insights";
import type { LuckBand } from "../../../shared/analysis/luckBand";
import type { BucketId } from "../../../shared/model/levers";
import type { GameState } from "../../../shared/model/types";
import { printFromRoom } from "../app/printing";
import { SCENES } from "../constants";
import { getLanguage, t } from "../i18n/index";
import { debriefPanel, type DebriefPanelModel, type DebriefUiState } from "../ui/debriefPanel";
import { answerOf, creditPanelModel } from "../viewmodels/credit";
import {
  decisions,
  luckSummary,
  quarterForced,
  quarterReasons,
  replayDebrief,
  series,
  teamLuckBand,
  whatIf,
} from "../viewmodels/debrief";
import { formatMetric } from "../viewmodels/metrics";
import { forcedNote, reasonsModel } from "../viewmodels/reasons";
import { emptyAllocation } from "../../../shared/model/levers";
import { BaseScene } from "./BaseScene";
import { drawCreditTab } from "./debriefCredit";
import { drawDebriefChart } from "./debriefView";
import { h } from "../ui/dom";
import { chartTables } from "../ui/dataTable";
import { debriefTables, type ChartTable } from "../viewmodels/chartText";

export class DebriefScene extends BaseScene {
  private played: GameState | null = null;
  private status: DebriefPanelModel["status"] = "loading";
  private bands = new Map<string, LuckBand>();
  private branch: GameState | null = null;
  /** What the debrief credits, per team; null while the worker computes it. */
  private insights: TeamInsights[] | null = null;
  private insightsFailed = false;
  /** What the chart shows, as tables for screen readers (visually hidden). */
  private readonly chartText = h("section", { class: "sr-only" });
  private state: DebriefUiState = {
    tab: "credit",
    period: "game",
    metric: "score",
    team: "",
    quarter: 1,
    allocation: emptyAllocation(),
    keep: false,
  };

  constructor() {
    super(SCENES.debrief);
  }

  protected override setup(): void {
    this.played = null;
    this.branch = null;
    this.insights = null;
    this.insightsFailed = false;
    this.bands.clear();
    this.status = "loading";
    // Answers and the reveal arrive as state: the question and the verdict follow them. The
    // chart is drawn again after the panel changed height (a sleeping render loop may already
    // have drawn this change, synchronously, when it woke up).
    this.keep(
      this.app.events.on("view", () => {
        this.renderPanel();
        this.invalidate();
      }),
    );
    this.renderPanel();
    void this.fetchLog();
  }

  protected override onLanguage(): void {
    this.renderPanel();
  }

  private async fetchLog(): Promise<void> {
    const session = this.app.session;
    if (!session) return;
    try {
      const data = await this.app.debrief.log(session);
      void this.fetchCredit();
      const replayed = replayDebrief(data);
      if (!replayed.ok) throw new Error(replayed.error.message);
      this.played = replayed.value;
      this.status = "ready";
      const mine = session.teamId;
      this.state.team =
        mine && this.played.teamIds.includes(mine) ? mine : (this.played.teamIds[0] ?? "");
      this.resetAllocation();
    } catch (error) {
      this.status = "error";
      this.app.fail(error);
    }
    this.renderPanel();
    this.invalidate();
  }

  private async fetchCredit(): Promise<void> {
    const session = this.app.session;
    if (!session) return;
    try {
      this.insights = (await this.app.debrief.credit(session)).teams;
    } catch (error) {
      this.insightsFailed = true;
      this.app.fail(error);
    }
    if (this.app.session !== session || !this.scene.isActive()) return;
    this.renderPanel();
    this.invalidate();
  }

  private resetAllocation(): void {
    const played = this.played
      ? decisions(this.played, this.state.team)[this.state.quarter - 1]
      : undefined;
    this.state.allocation = played ? { ...played } : emptyAllocation();
    this.state.keep = false;
    this.branch = null;
  }

  private band(teamId: string): LuckBand | null {
    if (!this.played) return null;
    let band = this.bands.get(teamId);
    if (!band) {
      const start = performance.now();
      band = teamLuckBand(this.played, teamId);
      const hooks = window.__elan;
      if (hooks) hooks.debriefBandMs = performance.now() - start;
      this.bands.set(teamId, band);
    }
    return band;
  }

  private change(patch: Partial<DebriefUiState>): void {
    const before = this.state;
    this.state = { ...before, ...patch };
    if (patch.team !== undefined || patch.quarter !== undefined) {
      if (patch.allocation === undefined) this.resetAllocation();
    }
    if (
      this.state.tab === "whatif" &&
      this.played &&
      (patch.allocation || patch.keep !== undefined)
    ) {
      const result = whatIf(
        this.played,
        this.state.team,
        this.state.quarter,
        this.state.allocation,
        this.state.keep,
      );
      this.branch = result.ok ? result.value : null;
    }
    this.renderPanel();
    this.invalidate();
  }

  private teamName(id: string): string {
    return this.app.session?.view?.teams[id]?.name ?? id;
  }

  private summary(): { lines: string[]; reasons: DebriefPanelModel["reasons"] } {
    const game = this.played;
    const lang = getLanguage();
    if (!game) return { lines: [], reasons: [] };
    const s = this.state;
    if (s.tab === "luck") {
      const band = this.band(s.team);
      const real = series(game, s.team, s.metric);
      const last = band?.quarters[band.quarters.length - 1]?.[s.metric];
      const value = real[real.length - 1];
      if (!last || value === undefined) return { lines: [], reasons: [] };
      return {
        lines: [luckSummary(lang, this.teamName(s.team), s.metric, value, last)],
        reasons: [],
      };
    }
    if (s.tab === "whatif") {
      const reasons = reasonsModel(lang, quarterReasons(game, s.team, s.quarter)).map((g) => ({
        label: t(`gauge.${g.gauge}`),
        lines: g.lines,
      }));
      const real = series(game, s.team, "score");
      const lines = [t("debrief.reasons", { q: s.quarter })];
      const forced = forcedNote(lang, quarterForced(game, s.team, s.quarter));
      if (forced) lines.push(forced);
      if (this.branch) {
        const b = series(this.branch, s.team, "score");
        lines.unshift(
          t("debrief.branchScore", {
            score: formatMetric(lang, "score", b[b.length - 1] ?? 0),
            real: formatMetric(lang, "score", real[real.length - 1] ?? 0),
          }),
        );
      }
      return { lines, reasons };
    }
    return { lines: [], reasons: [] };
  }

  private renderPanel(): void {
    const session = this.app.session;
    if (!session) return;
    const game = this.played;
    const teams = (game?.teamIds ?? Object.keys(session.view?.teams ?? {})).map((id, i) => ({
      id,
      name: this.teamName(id),
      colorIndex: i,
    }));
    const credit = this.creditModel();
    if (!credit) return;
    const summary = this.summary();
    const budget =
      game?.history[this.state.team]?.[this.state.quarter - 1]?.budget ??
      game?.scenario.budget ??
      10;
    this.mountPanel(
      debriefPanel(
        {
          state: this.state,
          teams,
          quarters: game?.turn ?? 0,
          budget,
          status: this.status,
          summary: summary.lines,
          reasons: summary.reasons,
          backLabel: session.identity.role === "facilitator" ? "common.back" : "debrief.back",
          years: Math.ceil((game?.turn ?? 0) / 4),
          credit,
          printTeam: this.printTeam(),
        },
        {
          change: (patch) => this.change(patch),
          predict: (lever: BucketId) => void session.send("debrief.predict", { lever }),
          reveal: () => void session.send("debrief.reveal", {}),
          reset: () => {
            this.resetAllocation();
            this.renderPanel();
            this.invalidate();
          },
          print: (teamId) =>
            void printFromRoom(this.app, teamId).catch((error) => this.app.fail(error)),
          back: () => {
            if (session.identity.role === "facilitator") this.app.ui.wantsDebrief = false;
            else this.app.ui.preferBoard = true;
            this.app.route();
          },
        },
      ),
    );
  }

  /** The viewer's own team; for the facilitator, the team chosen on screen. */
  private printTeam(): { id: string; name: string; mine: boolean } | null {
    const session = this.app.session;
    const mine = session?.identity.role !== "facilitator";
    const id = mine ? (session?.teamId ?? null) : this.state.team;
    return id && this.played?.teamIds.includes(id) ? { id, name: this.teamName(id), mine } : null;
  }

  private creditModel(): DebriefPanelModel["credit"] | null {
    const session = this.app.session;
    const view = session?.view;
    if (!session || !view) return null;
    return creditPanelModel({
      language: getLanguage(),
      view,
      role: session.identity.role,
      ownTeam: session.teamId,
      insights: this.insights,
      failed: this.insightsFailed,
      team: this.state.team,
      period: this.state.period,
    });
  }

  protected draw(width: number, height: number): void {
    const game = this.played;
    if (!game) return;
    const top = (this.panel?.firstElementChild?.getBoundingClientRect().bottom ?? 200) + 16;
    if (this.state.tab === "credit" || this.state.tab === "loops") {
      const team = this.insights?.find((x) => x.teamId === this.state.team);
      const seen = this.app.session?.view?.teams[this.state.team];
      if (!team || !this.creditModel()?.shown) return this.describe([]);
      this.describe(this.tables(team));
      drawCreditTab(this, this.root, {
        width,
        height,
        top: Math.min(top, height - 140),
        language: getLanguage(),
        tab: this.state.tab,
        team,
        period: this.state.period,
        answer: seen ? answerOf(seen) : "",
      });
      return;
    }
    this.describe(this.tables(null));
    drawDebriefChart(this, this.root, {
      width,
      height,
      top: Math.min(top, height - 200),
      language: getLanguage(),
      game,
      state: this.state,
      band: this.state.tab === "luck" ? this.band(this.state.team) : null,
      branch: this.branch,
      teamName: (id) => this.teamName(id),
    });
  }

  /** The chart's tables, from the same view-models and state the chart is drawn from. */
  private tables(insights: TeamInsights | null): ChartTable[] {
    const game = this.played;
    if (!game) return [];
    return debriefTables({
      language: getLanguage(),
      tab: this.state.tab,
      game,
      metric: this.state.metric,
      team: this.state.team,
      teamName: (id) => this.teamName(id),
      band: this.state.tab === "luck" ? this.band(this.state.team) : null,
      branch: this.branch,
      insights,
      period: this.state.period,
    });
  }

  /** Puts the chart's tables at the end of the panel, after the controls that choose them. */
  private describe(tables: readonly ChartTable[]): void {
    chartTables(this.chartText, t("a11y.chart"), tables);
    if (this.panel && this.chartText.parentElement !== this.panel)
      this.panel.append(this.chartText);
  }
}
