/**
 * The participant board (and the solo learner's): the ring of levers around the community, the
 * temptation apart, the budget, the quarter's card, the gauges and the leaderboard. The scene
 * sends each +/− as an operation and shows the server's draft with its pending operations on top
 * (viewmodels/draft.ts); board/ draws from the view-models.
 */
import type Phaser from "phaser";
import {
  allocationTotal,
  BUCKET_IDS,
  emptyAllocation,
  type Allocation,
  type BucketId,
} from "../../../shared/model/levers";
import { SCENES } from "../constants";
import { getLanguage, t, tp } from "../i18n/index";
import { findScenario } from "../scenarios";
import {
  DraftEdits,
  adjustDraft,
  nextBucket,
  sameAllocation,
  type ServerDraft,
} from "../viewmodels/draft";
import { forecastChange } from "../viewmodels/forecast";
import { timerModel } from "../viewmodels/timer";
import { timerColor } from "../draw/timerBadge";
import { confirmDialog } from "../ui/confirmDialog";
import { h } from "../ui/dom";
import { BoardSummary } from "../ui/boardSummary";
import { DecisionControls } from "../ui/decisionControls";
import type { ControlSpot } from "../viewmodels/controls";
import { BaseScene } from "./BaseScene";
import { drawBoard, type BoardHandlers } from "./board/index";
import { RevealPlayer } from "./revealPlayer";
import type { Session } from "../net/session";

export class BoardScene extends BaseScene {
  private draft: Allocation = emptyAllocation();
  /** This player's +/− sent and not yet seen in the server's draft. */
  private readonly edits = new DraftEdits();
  private selected: BucketId = "longTerm";
  /** The lever a tap asked to explain (phones show its description in the card's place). */
  private info: BucketId | null = null;
  /**
   * The quarter and the room the pending edits belong to: a new session, or a room rejoined
   * after a restart (its draft revisions start again), voids them.
   */
  private draftQuarter = -1;
  private draftSession: Session | null = null;
  private draftGeneration = -1;
  private forecastKey = "";
  private forecast: Record<string, number> | undefined;
  private digits: Phaser.GameObjects.Text | null = null;
  private lastClock = "";
  private live: HTMLElement | null = null;
  private controls: DecisionControls | null = null;
  private summary: BoardSummary | null = null;
  /** The unspent-tokens question is open: keys wait for its answer; `abort` withdraws it. */
  private confirming: AbortController | null = null;

  constructor() {
    super(SCENES.board);
  }

  protected override setup(): void {
    this.draftQuarter = -1;
    // A plain DOM listener: handled at once, whether or not the render loop is asleep.
    const onKey = (event: KeyboardEvent) => this.onKey(event);
    window.addEventListener("keydown", onKey);
    this.keep(() => window.removeEventListener("keydown", onKey));
    this.keep(() => this.confirming?.abort());
    // Screen readers cannot see the canvas: the draft is also said in words.
    this.live = h("div", { class: "sr-only", "aria-live": "polite" });
    // The quarter's reveal plays over the board when a quarter this board saw resolves.
    const reveal = new RevealPlayer(this, () => this.app.hold());
    // The canvas controls as buttons (a press during the reveal only skips it), and what the
    // canvas shows as tables.
    this.controls = new DecisionControls(() => reveal.skip());
    this.summary = new BoardSummary();
    this.mountPanel(
      h("div", { class: "board-a11y" }, this.controls.el, this.summary.el, this.live),
    );
    this.playMoments(
      "board",
      reveal,
      () => this.session?.teamId ?? null,
      // Larger on a big screen (a laptop on a beamer), never below a phone's.
      () =>
        this.scale.width < 760
          ? 0.9
          : Math.min(1.4, Math.max(1, Math.min(this.scale.width / 1366, this.scale.height / 768))),
    );
  }

  private get session() {
    return this.app.session;
  }

  private budget(): number {
    const view = this.session?.view;
    const teamId = this.session?.teamId;
    return (
      (teamId && view?.teams[teamId]?.budget) || findScenario(view?.scenarioId ?? "")?.budget || 10
    );
  }

  private editable(): boolean {
    const view = this.session?.view;
    const teamId = this.session?.teamId;
    if (!view || !teamId || view.phase !== "decision") return false;
    const team = view.teams[teamId];
    return !!team && !team.submitted && !team.private?.submitted;
  }

  /** Whether the pending edits still belong to `quarter` of the current session's room. */
  private sameRoom(quarter: number): boolean {
    const session = this.session;
    return (
      quarter === this.draftQuarter &&
      session === this.draftSession &&
      session?.generation === this.draftGeneration
    );
  }

  /** The team's draft as last synchronized (empty before anyone touched it). */
  private serverDraft(): ServerDraft {
    const teamId = this.session?.teamId;
    const priv = teamId ? this.session?.view?.teams[teamId]?.private : undefined;
    return { draft: priv?.draft ?? emptyAllocation(), rev: priv?.draftRev ?? 0 };
  }

  /** What the board shows: the server's draft with this player's pending edits on top. */
  private syncDraft(): void {
    const session = this.session;
    const view = session?.view;
    if (!session || !view) return;
    const teamId = session.teamId;
    const quarter = view.turn + (view.phase === "decision" || view.phase === "briefing" ? 1 : 0);
    const team = teamId ? view.teams[teamId] : undefined;
    if (!this.sameRoom(quarter)) {
      this.draftQuarter = quarter;
      this.draftSession = session;
      this.draftGeneration = session.generation;
      this.edits.clear();
    }
    if (view.phase === "decision") {
      const priv = team?.private;
      const server = this.serverDraft();
      this.edits.settle(server);
      // A submitted decision is final, whoever wrote it.
      this.draft = priv?.submitted ? priv.decision : this.edits.shown(server, this.budget());
    } else {
      // Outside decisions the board shows what was last played (nothing before the first).
      this.edits.clear();
      this.draft =
        view.phase === "lobby" || view.phase === "briefing"
          ? emptyAllocation()
          : (team?.history[team.history.length - 1]?.allocation ?? emptyAllocation());
    }
    const hooks = window.__elan;
    if (hooks) hooks.shownDraft = { ...this.draft };
  }

  private adjust(bucket: BucketId, delta: number): void {
    const session = this.session;
    if (!session || !this.editable()) return;
    this.selected = bucket;
    this.syncDraft();
    const next = adjustDraft(this.draft, bucket, delta, this.budget());
    if (sameAllocation(next, this.draft)) {
      this.invalidate();
      return;
    }
    const quarter = this.draftQuarter;
    const id = this.edits.add(bucket, delta, this.serverDraft());
    this.draft = next;
    void session.request("allocation.adjust", { bucket, delta }).then((ack) => {
      // An answer from a room this board no longer builds on changes nothing.
      if (!this.sameRoom(quarter)) return;
      if (ack) this.edits.ack(id, ack.draftRev, this.serverDraft());
      else this.edits.refuse(id, this.serverDraft());
      this.invalidate();
    });
    this.say(bucket);
    this.invalidate();
  }

  /**
   * Submits what the board shows, at once. The pending edits were sent earlier on the same
   * connection, so the server has applied them (or refused them) before it reads this submit;
   * waiting for their Acks would only risk missing the deadline, and whatever teammates change
   * meanwhile is not what this player looked at when deciding.
   */
  private async submit(): Promise<void> {
    if (!this.editable() || this.confirming) return;
    this.syncDraft();
    // Unspent tokens are lost: ask first, since one Enter too many would waste them.
    const unspent = this.budget() - allocationTotal(this.draft);
    if (unspent > 0) {
      const confirming = new AbortController();
      this.confirming = confirming;
      const go = await confirmDialog({
        title: t("board.confirm.title"),
        text: `${tp("board.unspent", unspent, { n: unspent })}. ${t("board.confirm.text")}`,
        confirm: t("board.confirm.submit"),
        cancel: t("board.confirm.back"),
        testId: "confirm-submit",
        signal: confirming.signal,
      });
      this.confirming = null;
      if (!go || !this.editable()) return;
      this.syncDraft();
    }
    await this.session?.send("allocation.submit", { allocation: { ...this.draft } });
  }

  /** Enter does what the big button says: submit, or (solo) move on to the next phase. */
  private primary(): void {
    const view = this.session?.view;
    if (!view) return;
    if (view.phase === "decision") void this.submit();
    else if (
      this.session?.identity.role === "solo" &&
      (view.phase === "briefing" || view.phase === "results")
    ) {
      void this.session.send("phase.next", {});
    }
  }

  private say(bucket: BucketId): void {
    if (!this.live) return;
    const used = BUCKET_IDS.reduce((n, id) => n + this.draft[id], 0);
    this.live.textContent = `${t(`lever.${bucket}.name`)}: ${this.draft[bucket]}. ${t("board.budget")} ${used} / ${this.budget()}.`;
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    // A dialog (the submit confirmation) answers its own keys.
    if (this.confirming || target?.closest?.("dialog")) return;
    if (
      target &&
      (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA")
    )
      return;
    // On a focused button, Enter and Space press that button (which the browser does).
    if ((event.key === "Enter" || event.key === " ") && target?.closest("button, a")) return;
    const digit = Number(event.key);
    if (Number.isInteger(digit) && digit >= 1 && digit <= BUCKET_IDS.length) {
      this.selected = BUCKET_IDS[digit - 1] as BucketId;
      this.say(this.selected);
      this.invalidate();
    } else if (event.key === "+" || event.key === "=" || event.key === "ArrowUp") {
      this.adjust(this.selected, 1);
    } else if (event.key === "-" || event.key === "_" || event.key === "ArrowDown") {
      this.adjust(this.selected, -1);
    } else if (event.key === "ArrowRight") {
      // Tab is left to the browser: it moves the focus through the board's buttons.
      this.selected = nextBucket(this.selected, 1);
      this.say(this.selected);
      this.invalidate();
    } else if (event.key === "ArrowLeft") {
      this.selected = nextBucket(this.selected, -1);
      this.invalidate();
    } else if (event.key === "Enter") {
      this.primary();
    } else return;
    event.preventDefault();
  }

  private currentForecast(): Record<string, number> | undefined {
    const view = this.session?.view;
    const teamId = this.session?.teamId;
    const scenario = findScenario(view?.scenarioId ?? "");
    const team = teamId ? view?.teams[teamId] : undefined;
    if (!view || !team || !scenario || view.phase !== "decision") return undefined;
    const key = `${view.turn}:${BUCKET_IDS.map((id) => this.draft[id]).join(",")}:${view.event.join(",")}`;
    if (key !== this.forecastKey) {
      this.forecastKey = key;
      this.forecast = forecastChange(
        scenario,
        view.turnsTotal,
        team.history,
        view.event,
        this.draft,
      );
    }
    return this.forecast;
  }

  protected draw(width: number, height: number): void {
    const session = this.session;
    const view = session?.view;
    if (!session || !view) return;
    // Time ran out (or the facilitator closed the quarter) while the question was open.
    if (this.confirming && !this.editable()) this.confirming.abort();
    this.syncDraft();
    const handlers: BoardHandlers = {
      adjust: (bucket, delta) => this.adjust(bucket, delta),
      select: (bucket) => {
        this.selected = bucket;
        this.info = bucket;
        this.invalidate();
      },
      closeInfo: () => {
        this.info = null;
        this.invalidate();
      },
      submit: () => void this.submit(),
      next: () => void session.send("phase.next", {}),
      debrief: () => {
        this.app.ui.preferBoard = false;
        this.app.route();
      },
      tab: (tab) => {
        this.app.ui.tab = tab;
        this.invalidate();
      },
    };
    const spots: ControlSpot[] = [];
    const drawn = drawBoard(this, this.root, {
      width,
      height,
      language: getLanguage(),
      view,
      session,
      draft: this.draft,
      selected: this.editable() ? this.selected : null,
      info: this.editable() ? this.info : null,
      tab: this.app.ui.tab,
      forecast: this.currentForecast(),
      handlers,
      spots,
    });
    this.digits = drawn.digits;
    this.controls?.update(spots);
    this.summary?.update(getLanguage(), drawn);
    this.lastClock = "";
    const hooks = window.__elan;
    if (hooks && hooks.boardReadyAt === 0) hooks.boardReadyAt = performance.now();
  }

  protected override tick(): void {
    // The clock ticks without redrawing the board.
    const view = this.session?.view;
    if (!this.digits || !view) return;
    const model = timerModel(view, this.session?.serverNow() ?? Date.now());
    if (model.text !== this.lastClock) {
      this.lastClock = model.text;
      this.digits.setText(model.text);
      this.digits.setColor(`#${timerColor(model).toString(16).padStart(6, "0")}`);
    }
  }
}
