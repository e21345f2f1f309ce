/**
 * The participant board (and the solo learner's): the ring of levers around the community, the
 * temptation apart, the budget, the quarter's card, the gauges and the leaderboard. The scene
 * keeps the local draft and sends intents; boardView.ts draws from the view-models.
 */
import type Phaser from "phaser";
import {
  BUCKET_IDS,
  emptyAllocation,
  type Allocation,
  type BucketId,
} from "../../../shared/model/levers";
import { SCENES } from "../constants";
import { getLanguage, t } from "../i18n/index";
import { findScenario } from "../scenarios";
import { adjustDraft, nextBucket, reconcileDraft, sameAllocation } from "../viewmodels/draft";
import { forecastChange } from "../viewmodels/forecast";
import { timerModel } from "../viewmodels/timer";
import { timerColor } from "../draw/timerBadge";
import { h } from "../ui/dom";
import { BaseScene } from "./BaseScene";
import { drawBoard, type BoardHandlers } from "./boardView";

const SEND_DELAY_MS = 120;

export class BoardScene extends BaseScene {
  private draft: Allocation = emptyAllocation();
  private editedAt = 0;
  private selected: BucketId = "longTerm";
  private draftQuarter = -1;
  private sendTimer: number | undefined;
  private forecastKey = "";
  private forecast: Record<string, number> | undefined;
  private digits: Phaser.GameObjects.Text | null = null;
  private lastClock = "";
  private live: HTMLElement | null = null;

  constructor() {
    super(SCENES.board);
  }

  protected override setup(): void {
    this.draftQuarter = -1;
    // A plain DOM listener: handled at once, whether or not the render loop is asleep.
    const onKey = (event: KeyboardEvent) => this.onKey(event);
    window.addEventListener("keydown", onKey);
    this.keep(() => window.removeEventListener("keydown", onKey));
    // Screen readers cannot see the canvas: the draft is also said in words.
    this.live = h("div", { class: "sr-only", "aria-live": "polite" });
    this.mountPanel(this.live);
    this.keep(() => window.clearTimeout(this.sendTimer));
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

  /** Brings the local draft in line with the server's when the player is not editing. */
  private syncDraft(): void {
    const view = this.session?.view;
    const teamId = this.session?.teamId;
    if (!view) return;
    const quarter = view.turn + (view.phase === "decision" || view.phase === "briefing" ? 1 : 0);
    const team = teamId ? view.teams[teamId] : undefined;
    if (quarter !== this.draftQuarter) {
      this.draftQuarter = quarter;
      this.editedAt = 0;
      this.draft =
        view.phase === "results"
          ? (team?.history[team.history.length - 1]?.allocation ?? emptyAllocation())
          : emptyAllocation();
    }
    if (view.phase === "decision") {
      const priv = team?.private;
      const me = this.session?.identity.playerId ?? "";
      // A submitted decision is final, whoever wrote it.
      this.draft = priv?.submitted
        ? priv.decision
        : reconcileDraft(
            { local: this.draft, editedAt: this.editedAt, me },
            priv?.draft,
            priv?.draftBy ?? "",
            Date.now(),
          );
    }
  }

  private adjust(bucket: BucketId, delta: number): void {
    if (!this.editable()) return;
    this.selected = bucket;
    const next = adjustDraft(this.draft, bucket, delta, this.budget());
    if (sameAllocation(next, this.draft)) {
      this.invalidate();
      return;
    }
    this.draft = next;
    this.editedAt = Date.now();
    this.scheduleSend();
    this.say(bucket);
    this.invalidate();
  }

  private scheduleSend(): void {
    window.clearTimeout(this.sendTimer);
    this.sendTimer = window.setTimeout(() => {
      void this.session?.send("allocation.set", { allocation: { ...this.draft } });
    }, SEND_DELAY_MS);
  }

  private async submit(): Promise<void> {
    if (!this.editable()) return;
    window.clearTimeout(this.sendTimer);
    this.editedAt = Date.now();
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
    if (
      target &&
      (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA")
    )
      return;
    const digit = Number(event.key);
    if (Number.isInteger(digit) && digit >= 1 && digit <= BUCKET_IDS.length) {
      this.selected = BUCKET_IDS[digit - 1] as BucketId;
      this.say(this.selected);
      this.invalidate();
    } else if (event.key === "+" || event.key === "=" || event.key === "ArrowUp") {
      this.adjust(this.selected, 1);
    } else if (event.key === "-" || event.key === "_" || event.key === "ArrowDown") {
      this.adjust(this.selected, -1);
    } else if (event.key === "ArrowRight" || event.key === "Tab") {
      this.selected = nextBucket(this.selected, event.shiftKey ? -1 : 1);
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
    this.syncDraft();
    const handlers: BoardHandlers = {
      adjust: (bucket, delta) => this.adjust(bucket, delta),
      select: (bucket) => {
        this.selected = bucket;
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
    const drawn = drawBoard(this, this.root, {
      width,
      height,
      language: getLanguage(),
      view,
      session,
      draft: this.draft,
      selected: this.editable() ? this.selected : null,
      tab: this.app.ui.tab,
      forecast: this.currentForecast(),
      handlers,
    });
    this.digits = drawn.digits;
    this.lastClock = "";
    const hooks = window.__elan;
    if (hooks && hooks.boardReadyAt === 0) hooks.boardReadyAt = performance.now();
  }

  protected override tick(): void {
    // The clock ticks without redrawing the board.
    const view = this.session?.view;
    if (!this.digits || !view) return;
    const model = timerModel(view, Date.now());
    if (model.text !== this.lastClock) {
      this.lastClock = model.text;
      this.digits.setText(model.text);
      this.digits.setColor(`#${timerColor(model).toString(16).padStart(6, "0")}`);
    }
    // A teammate's edit waiting behind the local grace period gets its redraw once it expires.
    const by = this.session?.teamId ? view.teams[this.session.teamId]?.private?.draftBy : "";
    if (
      this.editedAt > 0 &&
      by &&
      by !== this.session?.identity.playerId &&
      Date.now() - this.editedAt > 900
    ) {
      this.editedAt = 0;
      this.invalidate();
    }
  }
}
