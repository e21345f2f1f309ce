/**
 * When a screen plays the reveal, and in which words: follows a screen's room views and starts
 * the sequence (revealPlayer.ts) when one resolves a quarter this screen saw being played.
 */
import type { Language } from "../../../shared/protocol/messages";
import { translate } from "../i18n/index";
import type { ClientView } from "../net/normalize";
import { findScenario } from "../scenarios";
import { startPoint } from "../viewmodels/gauges";
import { formatMetric } from "../viewmodels/metrics";
import { revealModel, revealsQuarter } from "../viewmodels/reveal";
import type { RevealLabels, RevealPlayer, RevealStage } from "./revealPlayer";

/** The user asked for less motion: the reveal shows its end state at once. */
export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === "function"
    ? window.matchMedia("(prefers-reduced-motion: reduce)").matches
    : false;
}

export function revealLabels(language: Language, turn: number): RevealLabels {
  const tr = (key: Parameters<typeof translate>[1], v?: Record<string, string | number>) =>
    translate(language, key, v);
  return {
    title: tr("reveal.title", { q: turn }),
    event: tr("board.event"),
    gauge: {
      engagement: tr("gauge.engagement"),
      reach: tr("gauge.reach"),
      trust: tr("gauge.trust"),
    },
    rank: tr("reveal.rank"),
    moverTitle: tr("reveal.moverTitle"),
    podium: tr("podium.title"),
    skip: tr("reveal.skip"),
    format: (id, value) => formatMetric(language, id, value),
  };
}

/**
 * Follows a screen's room views and plays the reveal when one resolves a quarter this screen
 * saw being played (a screen opened on the results plays nothing).
 */
export class RevealWatcher {
  private seen: { turn: number; phase: string; room: unknown } | null = null;

  constructor(private readonly player: RevealPlayer) {}

  /** Call on every new view; `stage` is read only when a sequence starts. */
  update(
    room: unknown,
    view: ClientView,
    language: Language,
    myTeamId: string | null,
    stage: () => RevealStage,
  ): void {
    const previous = this.seen && this.seen.room === room ? this.seen : null;
    this.seen = { turn: view.turn, phase: view.phase, room };
    if (!revealsQuarter(previous, view)) return;
    const model = revealModel(
      language,
      Object.values(view.teams),
      view.turn,
      view.turnsTotal,
      view.event,
      {
        myTeamId,
        start: startPoint(findScenario(view.scenarioId)),
        reducedMotion: prefersReducedMotion(),
      },
    );
    if (model) this.player.play(model, revealLabels(language, view.turn), stage());
  }
}
