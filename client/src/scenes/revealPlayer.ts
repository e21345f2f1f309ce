/**
 * Plays a quarter's reveal (viewmodels/reveal.ts) over a board or the projector with Phaser
 * tweens, each started at its step's time for its step's duration: the event card slides in,
 * every team's gauges sweep from old to new values, the ranking rows move to their new places,
 * the biggest mover is called out, and after the last quarter the podium rises.
 *
 * The sequence lives in its own layer above the scene's root (which every redraw empties) and
 * holds the render loop awake while it plays. A tap, a click or a key skips it; with reduced
 * motion the model has no duration and nothing is played: the screen shows its end state.
 */
import type Phaser from "phaser";
import { TOP_BAR } from "../viewmodels/layout";
import type { Rect } from "../viewmodels/chart";
import { GAUGE_IDS, type GaugeId } from "../viewmodels/gauges";
import { between, type RevealModel, type RevealStepId } from "../viewmodels/reveal";
import { COLORS, teamColor } from "../theme";
import { eventCard } from "../draw/eventCard";
import { GAUGE_COLORS } from "../draw/gauge";
import { panel } from "../draw/panel";
import { podiumView } from "../draw/podium";
import { fit, text } from "../draw/text";

export interface RevealLabels {
  title: string;
  event: string;
  gauge: Record<GaugeId, string>;
  rank: string;
  moverTitle: string;
  podium: string;
  skip: string;
  /** A gauge or score value as the boards print it. */
  format(id: GaugeId | "score", value: number): string;
}

export interface RevealStage {
  width: number;
  height: number;
  /** Type scale: 1 on a board, larger on the projector. */
  scale: number;
}

/** How long the end of the sequence stays before the board shows through, ms. */
const LINGER_MS = 700;
const FADE_MS = 250;
const LAYER_DEPTH = 1000;

type Ended = "played" | "skipped" | "instant";
/** What ended a sequence early: shown to the tests, which must tell a lost race from a skip. */
type SkipCause = "tap" | "key" | "resize" | "stop";

export class RevealPlayer {
  private layer: Phaser.GameObjects.Container | null = null;
  private release: (() => void) | null = null;
  private tweens: Phaser.Tweens.Tween[] = [];
  private timer: number | undefined;
  private model: RevealModel | null = null;
  /** Listeners that live as long as a sequence plays. */
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly hold: () => () => void,
  ) {}

  get playing(): boolean {
    return this.layer !== null;
  }

  /** Skips a sequence that is playing; false when there was none (the input is the board's). */
  skip(cause: SkipCause = "tap"): boolean {
    if (!this.layer) return false;
    this.finish("skipped", cause);
    return true;
  }

  /** Ends any sequence without a trace (scene shutdown, a new room). */
  stop(): void {
    if (this.layer) this.finish("skipped", "stop");
  }

  play(model: RevealModel, labels: RevealLabels, stage: RevealStage): void {
    this.stop();
    this.report(model, model.total === 0 ? "done" : (model.steps[0]?.id ?? "done"), "");
    if (model.total === 0) {
      this.report(model, "done", "instant");
      return;
    }
    this.release = this.hold();
    // A new size would leave the sequence drawn for the old one: show the end state instead.
    const onResize = () => this.skip("resize");
    this.scene.scale.once("resize", onResize);
    // Any key skips, and only skips: the key must not also submit or move on underneath.
    const onKey = (event: KeyboardEvent) => {
      if (!this.skip("key")) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    this.unlisten = () => {
      this.scene.scale.off("resize", onResize);
      window.removeEventListener("keydown", onKey, { capture: true });
    };
    const layer = this.scene.add.container(0, 0).setDepth(LAYER_DEPTH);
    this.layer = layer;
    const { width: w, height: h } = stage;
    const s = stage.scale;
    const dim = this.scene.add.rectangle(0, 0, w, h, COLORS.backgroundDeep, 0.97).setOrigin(0, 0);
    // The whole screen takes the tap that skips, so nothing under it is pressed by accident.
    dim.setInteractive().on("pointerdown", () => this.skip("tap"));
    layer.add(dim);

    const contentW = Math.min(w - 32, 1200 * s);
    const x0 = (w - contentW) / 2;
    let y = TOP_BAR + 14 * s;
    const title = text(this.scene, w / 2, y, labels.title, { size: 26 * s, weight: "bold" });
    layer.add(title.setOrigin(0.5, 0));
    y += title.height + 12 * s;

    const at = (id: RevealStepId) => model.steps.find((step) => step.id === id);
    const event = at("event");
    const cardH = 104 * s;
    const card = eventCard(
      this.scene,
      { x: x0, y, w: contentW, h: cardH },
      model.cards,
      labels.event,
      s,
    );
    card.setAlpha(0).setY(-16 * s);
    layer.add(card);
    if (event)
      this.tween({
        targets: card,
        alpha: 1,
        y: 0,
        delay: event.start,
        duration: event.duration * 0.8,
      });
    y += cardH + 16 * s;

    const wide = w >= 900;
    const rowH = Math.min(
      30 * s,
      (h - y - 150 * s) / Math.max(1, model.teams.length) / (wide ? 1 : 2) - 4,
    );
    const blockW = wide ? (contentW - 24 * s) / 2 : contentW;
    const gaugesRect: Rect = { x: x0, y, w: blockW, h: 24 * s + model.teams.length * rowH };
    const rankRect: Rect = wide
      ? { x: x0 + blockW + 24 * s, y, w: blockW, h: gaugesRect.h }
      : { x: x0, y: y + gaugesRect.h + 14 * s, w: blockW, h: 24 * s + model.teams.length * rowH };
    const gauges = this.gauges(model, labels, gaugesRect, rowH, s);
    const ranking = this.ranking(model, labels, rankRect, rowH, s);
    layer.add([gauges, ranking]);
    y = Math.max(gaugesRect.y + gaugesRect.h, rankRect.y + rankRect.h) + 18 * s;

    const mover = at("mover");
    const fading: Phaser.GameObjects.Container[] = [gauges, ranking];
    if (model.mover && mover) {
      const box = this.scene.add.container(w / 2, y + 36 * s);
      const head = text(this.scene, 0, -30 * s, labels.moverTitle.toUpperCase(), {
        size: 13 * s,
        weight: "bold",
        color: COLORS.accent,
      }).setOrigin(0.5, 0);
      const line = fit(
        text(this.scene, 0, -10 * s, model.mover.text, { size: 28 * s, weight: "bold" }),
        contentW,
      ).setOrigin(0.5, 0);
      box.add([head, line]).setAlpha(0).setScale(0.6);
      layer.add(box);
      fading.push(box);
      this.tween({
        targets: box,
        alpha: 1,
        scale: 1,
        delay: mover.start,
        duration: Math.min(500, mover.duration),
        ease: "Back.easeOut",
      });
    }

    const podium = at("podium");
    if (model.final && podium) {
      const area: Rect = {
        x: x0 + contentW * 0.1,
        y: gaugesRect.y,
        w: contentW * 0.8,
        h: Math.min(h - gaugesRect.y - 40 * s, 420 * s),
      };
      const view = podiumView(this.scene, area, model.podium, labels.podium, s * 1.2);
      view.container.setAlpha(0);
      view.steps.forEach((step) => step.setScale(1, 0));
      layer.add(view.container);
      this.tween({ targets: fading, alpha: 0, delay: podium.start, duration: 250 });
      this.tween({ targets: view.container, alpha: 1, delay: podium.start, duration: 200 });
      view.steps.forEach((step, i) =>
        this.tween({
          targets: step,
          scaleY: 1,
          delay: podium.start + 150 * i,
          duration: Math.max(200, podium.duration * 0.5),
          ease: "Cubic.easeOut",
        }),
      );
    }

    layer.add(
      text(this.scene, w / 2, h - 12 * s, labels.skip, {
        size: 13 * s,
        color: COLORS.textFaint,
      }).setOrigin(0.5, 1),
    );
    // Which step plays, for the tests: one number tween over the whole sequence.
    let shown = "";
    this.tweens.push(
      this.scene.tweens.addCounter({
        from: 0,
        to: model.total,
        duration: model.total,
        onUpdate: (tween) => {
          const t = tween.getValue() ?? 0;
          const step = model.steps.find((x) => t < x.start + x.duration)?.id ?? "done";
          if (step !== shown) {
            shown = step;
            this.report(model, step, "");
          }
        },
      }),
    );
    // The end on the wall clock: a slow machine may lag the tweens (Phaser caps a frame's
    // delta), never the sequence's promised length.
    this.timer = window.setTimeout(() => this.finish("played"), model.total + LINGER_MS);
  }

  /** A panel around `box` and the inset rectangle its content is drawn in. */
  private framed(box: Rect, s: number): { c: Phaser.GameObjects.Container; r: Rect } {
    const c = this.scene.add.container(0, 0);
    c.add(panel(this.scene, { x: box.x, y: box.y - 8 * s, w: box.w, h: box.h + 14 * s }));
    return { c, r: { x: box.x + 12 * s, y: box.y, w: box.w - 24 * s, h: box.h } };
  }

  private tween(config: Phaser.Types.Tweens.TweenBuilderConfig): void {
    this.tweens.push(this.scene.tweens.add({ ease: "Cubic.easeInOut", ...config }));
  }

  /** Every team's three gauges, each bar and number sweeping from old to new during "gauges". */
  private gauges(
    model: RevealModel,
    labels: RevealLabels,
    box: Rect,
    rowH: number,
    s: number,
  ): Phaser.GameObjects.Container {
    const { c, r } = this.framed(box, s);
    // Names give way first: the gauges' names must read whole, even on a phone.
    const nameW = Math.min(200 * s, r.w * 0.26);
    const colW = (r.w - nameW) / GAUGE_IDS.length;
    GAUGE_IDS.forEach((id, k) =>
      c.add(
        fit(
          text(this.scene, r.x + nameW + k * colW, r.y, labels.gauge[id], {
            size: 11 * s,
            weight: "bold",
            color: GAUGE_COLORS[id],
          }),
          colW - 8 * s,
        ),
      ),
    );
    const scale = {} as Record<GaugeId, number>;
    for (const id of GAUGE_IDS) {
      const values = model.teams.flatMap((t) => [t.before[id], t.after[id]]);
      scale[id] = id === "trust" ? 1 : Math.max(id === "reach" ? 4 : 0.05, ...values) * 1.15;
    }
    const bars = this.scene.add.graphics();
    c.add(bars);
    const size = Math.min(14 * s, rowH * 0.55);
    const numbers: {
      id: GaugeId;
      label: Phaser.GameObjects.Text;
      before: number;
      after: number;
    }[][] = [];
    model.teams.forEach((team, i) => {
      const y = r.y + 24 * s + i * rowH;
      c.add(
        fit(
          text(this.scene, r.x, y, team.name, {
            size,
            weight: team.mine ? "bold" : "normal",
            color: teamColor(team.colorIndex),
          }),
          nameW - 10 * s,
        ),
      );
      numbers.push(
        GAUGE_IDS.map((id, k) => {
          const label = text(
            this.scene,
            r.x + nameW + (k + 1) * colW - 8 * s,
            y,
            labels.format(id, team.before[id]),
            {
              size,
              weight: "bold",
            },
          ).setOrigin(1, 0);
          c.add(label);
          return { id, label, before: team.before[id], after: team.after[id] };
        }),
      );
    });
    const draw = (t: number) => {
      bars.clear();
      model.teams.forEach((team, i) => {
        const y = r.y + 24 * s + i * rowH + size * 1.3;
        GAUGE_IDS.forEach((id, k) => {
          const x = r.x + nameW + k * colW;
          const w = colW - 12 * s;
          bars.fillStyle(COLORS.backgroundDeep, 1);
          bars.fillRect(x, y, w, 4 * s);
          bars.fillStyle(GAUGE_COLORS[id], 1);
          const v = between(team.before[id], team.after[id], t);
          bars.fillRect(x, y, Math.max(1, (w * Math.max(0, v)) / scale[id]), 4 * s);
        });
        for (const n of numbers[i] ?? [])
          n.label.setText(labels.format(n.id, between(n.before, n.after, t)));
      });
    };
    draw(0);
    const step = model.steps.find((x) => x.id === "gauges");
    if (step) {
      this.tweens.push(
        this.scene.tweens.addCounter({
          from: 0,
          to: 1,
          delay: step.start,
          duration: step.duration,
          ease: "Cubic.easeInOut",
          onUpdate: (tween) => draw(tween.getValue() ?? 0),
          onComplete: () => draw(1),
        }),
      );
    }
    return c;
  }

  /** The ranking: rows start in the old order and move to the new one during "ranking". */
  private ranking(
    model: RevealModel,
    labels: RevealLabels,
    box: Rect,
    rowH: number,
    s: number,
  ): Phaser.GameObjects.Container {
    const { c, r } = this.framed(box, s);
    c.add(
      text(this.scene, r.x, r.y, labels.rank.toUpperCase(), {
        size: 12 * s,
        weight: "bold",
        color: COLORS.textDim,
      }),
    );
    const step = model.steps.find((x) => x.id === "ranking");
    const size = Math.min(16 * s, rowH * 0.6);
    const top = r.y + 24 * s;
    model.teams.forEach((team) => {
      const from = model.rankBefore.indexOf(team.id);
      const to = model.rankAfter.indexOf(team.id);
      const row = this.scene.add.container(0, top + from * rowH);
      const place = text(this.scene, r.x, 0, `${from + 1}.`, {
        size,
        weight: "bold",
        color: COLORS.textDim,
      });
      const name = fit(
        text(this.scene, r.x + 34 * s, 0, team.name, {
          size,
          weight: team.mine ? "bold" : "normal",
          color: teamColor(team.colorIndex),
        }),
        r.w - 140 * s,
      );
      const score = text(this.scene, r.x + r.w, 0, labels.format("score", team.scoreBefore), {
        size,
        weight: "bold",
        color: COLORS.score,
      }).setOrigin(1, 0);
      row.add([place, name, score]);
      c.add(row);
      if (!step) return;
      this.tween({
        targets: row,
        y: top + to * rowH,
        delay: step.start,
        duration: step.duration * 0.8,
      });
      this.tweens.push(
        this.scene.tweens.addCounter({
          from: 0,
          to: 1,
          delay: step.start,
          duration: step.duration * 0.8,
          onUpdate: (tween) =>
            score.setText(
              labels.format(
                "score",
                between(team.scoreBefore, team.scoreAfter, tween.getValue() ?? 0),
              ),
            ),
          onComplete: () => {
            score.setText(labels.format("score", team.scoreAfter));
            place.setText(`${to + 1}.`);
          },
        }),
      );
    });
    return c;
  }

  private finish(how: Ended, cause?: SkipCause): void {
    const layer = this.layer;
    const model = this.model;
    this.layer = null;
    this.unlisten?.();
    this.unlisten = null;
    window.clearTimeout(this.timer);
    this.timer = undefined;
    for (const tween of this.tweens) tween.remove();
    this.tweens = [];
    if (layer) {
      if (how === "played") {
        // A short fade, not held: the board underneath is already its end state.
        this.scene.tweens.add({
          targets: layer,
          alpha: 0,
          duration: FADE_MS,
          onComplete: () => layer.destroy(),
        });
      } else layer.destroy();
    }
    if (model) this.report(model, "done", how, cause);
    this.release?.();
    this.release = null;
  }

  private report(model: RevealModel, step: string, ended: string, cause?: SkipCause): void {
    this.model = model;
    const hooks = window.__elan;
    if (!hooks) return;
    hooks.reveal = {
      scene: this.scene.scene.key,
      turn: model.turn,
      final: model.final,
      step,
      ended,
      ...(cause ? { cause } : {}),
      totalMs: model.total,
    };
  }
}
