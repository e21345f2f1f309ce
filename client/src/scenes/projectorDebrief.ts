/**
 * The projector during the debrief: first the question every team answers ("which lever
 * mattered most for us?") and how many have answered — never what — then, once the facilitator
 * reveals, each team's answer against the lever the attribution credits most, and in each
 * team's panel its score credited to the levers, its best change and its loops.
 */
import type Phaser from "phaser";
import type { TeamInsights } from "../../../shared/analysis/insights";
import type { Language } from "../../../shared/protocol/messages";
import { translate, type MessageKey } from "../i18n/index";
import type { ClientView } from "../net/normalize";
import { COLORS } from "../theme";
import type { Rect } from "../viewmodels/chart";
import { gameLoopPanel } from "../viewmodels/loops";
import { answerCount, bestChangeLines, verdictRows, waterfall } from "../viewmodels/credit";
import { panel } from "../draw/panel";
import { fit, text } from "../draw/text";
import { loopDiagram } from "../draw/loopDiagram";
import { attributionColor, waterfallChart } from "../draw/waterfall";

type Add = (...o: Phaser.GameObjects.GameObject[]) => void;

export interface ProjectorDebriefParams {
  language: Language;
  view: ClientView;
  /** What the debrief credits; null while it is computed. */
  insights: readonly TeamInsights[] | null;
  /** Type scale. */
  s: number;
}

/** The card where the quarter's event would be: the question, then the verdict. */
export function projectorVerdict(
  scene: Phaser.Scene,
  add: Add,
  r: Rect,
  p: ProjectorDebriefParams,
): void {
  const { s, view, language } = p;
  const tr = (key: MessageKey, v?: Record<string, string | number>) => translate(language, key, v);
  add(panel(scene, r, { border: COLORS.accent, borderAlpha: 0.5 }));
  const shown: string[] = [];
  const hooks = window.__elan;
  if (hooks) hooks.projectorVerdict = shown;
  const x = r.x + 24 * s;
  const w = r.w - 48 * s;
  let y = r.y + 20 * s;
  const title = view.revealed ? tr("verdict.title") : tr("predict.question");
  shown.push(title);
  const heading = text(scene, x, y, title, {
    size: 26 * s,
    weight: "bold",
    wrap: w,
    wrapWords: true,
  });
  add(heading);
  y += heading.height + 18 * s;
  if (!view.revealed) {
    const count = answerCount(view);
    const answered = tr("predict.answered", { n: count.answered, total: count.total });
    shown.push(answered);
    add(text(scene, x, y, answered, { size: 34 * s, weight: "bold", color: COLORS.accent }));
    return;
  }
  if (!p.insights) {
    add(text(scene, x, y, tr("credit.loading"), { size: 20 * s, color: COLORS.textDim }));
    return;
  }
  // Two lines a team: its name and whether it saw right, then "answer → credited lever".
  const rows = verdictRows(language, view, p.insights);
  const rowH = Math.min(64 * s, (r.y + r.h - y - 8 * s) / Math.max(1, rows.length));
  const size = Math.min(19 * s, rowH * 0.36);
  rows.forEach((row, i) => {
    const ry = y + i * rowH;
    const mark = row.match === null ? "" : row.match ? "✓" : "✗";
    shown.push(`${row.name}: ${row.answerLabel} → ${row.topLabel} ${mark}`.trim());
    add(
      fit(text(scene, x, ry, row.name, { size, weight: "bold" }), w - 40 * s),
      text(scene, x + w, ry, mark, {
        size: size * 1.2,
        weight: "bold",
        color: row.match ? COLORS.accent : COLORS.danger,
      }).setOrigin(1, 0),
      fit(
        text(scene, x, ry + size * 1.35, `${row.answerLabel} → ${row.topLabel}`, {
          size: size * 0.9,
          color: COLORS.textDim,
        }),
        w,
      ),
    );
  });
}

/** A team panel's pill before the reveal: has it answered? */
export function answeredPill(
  scene: Phaser.Scene,
  x: number,
  y: number,
  answered: boolean,
  p: ProjectorDebriefParams,
): Phaser.GameObjects.Text {
  const label = translate(p.language, answered ? "predict.done" : "predict.pending");
  return text(scene, x, y, answered ? `✓ ${label}` : label, {
    size: 20 * p.s,
    weight: "bold",
    color: answered ? COLORS.accent : COLORS.textFaint,
  }).setOrigin(1, 0);
}

/**
 * After the reveal, in the team's panel: its score credited to the levers and its best change,
 * with the loops of its whole game beside them when the panel is wide enough.
 */
export function teamCredit(
  scene: Phaser.Scene,
  add: Add,
  r: Rect,
  team: TeamInsights,
  p: ProjectorDebriefParams,
): void {
  const best = bestChangeLines(p.language, team.bestChanges.slice(0, 1), team.attribution.score);
  const lineH = best.length ? 30 * p.s : 0;
  const loops = gameLoopPanel(p.language, team.loops);
  const side = loops && r.w > 480 * p.s ? Math.min(r.w * 0.42, r.h - lineH) : 0;
  const model = waterfall(p.language, team.attribution.total, "game", side > 0);
  add(
    waterfallChart(scene, { ...r, w: r.w - side, h: r.h - lineH }, model, {
      scale: p.s * (side ? 0.95 : 1.1),
      color: attributionColor,
    }),
  );
  if (loops && side) {
    const box = { x: r.x + r.w - side, y: r.y, w: side, h: r.h - lineH };
    const scale = Math.min(1.3 * p.s, side / 220);
    add(loopDiagram(scene, box, loops, translate(p.language, "gauge.engagement"), scale));
  }
  const line = best[0];
  if (line) {
    add(
      fit(
        text(scene, r.x, r.y + r.h - lineH + 6 * p.s, line, {
          size: 17 * p.s,
          color: COLORS.accent,
        }),
        r.w,
      ),
    );
  }
}
