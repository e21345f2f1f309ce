/**
 * The projector during the debrief: first the question every team answers ("which lever
 * mattered most for us?") and how many have answered — never what — then, once the facilitator
 * reveals, each team's answer against the lever the attribution credits most, and in each
 * team's panel its score credited to the levers, its best change and its loops.
 */
import { translatePlural } from "../../i18n/index";
import type { TeamInsights } from "../../../../shared/analysis/insights";
import { COLORS } from "../../theme";
import type { Rect } from "../../viewmodels/chart";
import { gameLoopPanel } from "../../viewmodels/loops";
import { answerCount, bestChangeLines, verdictRows, waterfall } from "../../viewmodels/credit";
import { panel } from "../../draw/panel";
import { fit, text } from "../../draw/text";
import { loopDiagram } from "../../draw/loopDiagram";
import { attributionColor, waterfallChart } from "../../draw/waterfall";
import type { DebriefContext } from "./context";

type VerdictRow = ReturnType<typeof verdictRows>[number];

/** The card where the quarter's event would be: the question, then the verdict. */
export function drawVerdict(ctx: DebriefContext, rect: Rect): void {
  const { scene, scale, view, translate } = ctx;
  ctx.add(panel(scene, rect, { border: COLORS.accent, borderAlpha: 0.5 }));
  const shown: string[] = [];
  const hooks = window.__elan;
  if (hooks) hooks.projectorVerdict = shown;
  const inner = { x: rect.x + 24 * scale, y: rect.y + 20 * scale, w: rect.w - 48 * scale, h: 0 };
  const title = view.revealed ? translate("verdict.title") : translate("predict.question");
  shown.push(title);
  const heading = text(scene, inner.x, inner.y, title, {
    size: 26 * scale,
    weight: "bold",
    wrap: inner.w,
    wrapWords: true,
  });
  ctx.add(heading);
  inner.y += heading.height + 18 * scale;
  inner.h = rect.y + rect.h - inner.y;
  if (!view.revealed) drawAnswerCount(ctx, inner, shown);
  else if (!ctx.insights) {
    const loading = translate("credit.loading");
    ctx.add(text(scene, inner.x, inner.y, loading, { size: 20 * scale, color: COLORS.textDim }));
  } else drawVerdictRows(ctx, inner, verdictRows(ctx.language, view, ctx.insights), shown);
}

/** Before the reveal: how many teams have answered, never what. */
function drawAnswerCount(ctx: DebriefContext, at: Rect, shown: string[]): void {
  const count = answerCount(ctx.view);
  const answered = translatePlural(ctx.language, "predict.answered", count.answered, {
    n: count.answered,
    total: count.total,
  });
  shown.push(answered);
  ctx.add(
    text(ctx.scene, at.x, at.y, answered, {
      size: 34 * ctx.scale,
      weight: "bold",
      color: COLORS.accent,
      wrap: at.w,
      wrapWords: true,
    }),
  );
}

/** Two lines a team: its name and whether it saw right, then "answer → credited lever". */
function drawVerdictRows(
  ctx: DebriefContext,
  area: Rect,
  rows: readonly VerdictRow[],
  shown: string[],
): void {
  const { scene, scale } = ctx;
  const rowHeight = Math.min(64 * scale, (area.h - 8 * scale) / Math.max(1, rows.length));
  const size = Math.min(19 * scale, rowHeight * 0.36);
  rows.forEach((row, i) => {
    const y = area.y + i * rowHeight;
    const mark = row.match === null ? "" : row.match ? "✓" : "✗";
    const answer = `${row.answerLabel} → ${row.topLabel}`;
    shown.push(`${row.name}: ${answer} ${mark}`.trim());
    ctx.add(
      fit(text(scene, area.x, y, row.name, { size, weight: "bold" }), area.w - 40 * scale),
      text(scene, area.x + area.w, y, mark, {
        size: size * 1.2,
        weight: "bold",
        color: row.match ? COLORS.accent : COLORS.danger,
      }).setOrigin(1, 0),
      fit(
        text(scene, area.x, y + size * 1.35, answer, { size: size * 0.9, color: COLORS.textDim }),
        area.w,
      ),
    );
  });
}

/**
 * After the reveal, in the team's panel: its score credited to the levers and its best change,
 * with the loops of its whole game beside them when the panel is wide enough.
 */
export function drawTeamCredit(ctx: DebriefContext, rect: Rect, team: TeamInsights): void {
  const { scene, scale, language } = ctx;
  const best = bestChangeLines(language, team.bestChanges.slice(0, 1), team.attribution.score);
  const lineHeight = best.length ? 30 * scale : 0;
  const loops = gameLoopPanel(language, team.loops);
  const side = loops && rect.w > 480 * scale ? Math.min(rect.w * 0.42, rect.h - lineHeight) : 0;
  const model = waterfall(language, team.attribution.total, "game", side > 0);
  const chart = { ...rect, w: rect.w - side, h: rect.h - lineHeight };
  const chartScale = scale * (side ? 0.95 : 1.1);
  ctx.add(waterfallChart(scene, chart, model, { scale: chartScale, color: attributionColor }));
  if (loops && side) {
    const box = { x: rect.x + rect.w - side, y: rect.y, w: side, h: rect.h - lineHeight };
    const loopScale = Math.min(1.3 * scale, side / 220);
    ctx.add(loopDiagram(scene, box, loops, ctx.translate("gauge.engagement"), loopScale));
  }
  const line = best[0];
  if (!line) return;
  const y = rect.y + rect.h - lineHeight + 6 * scale;
  ctx.add(fit(text(scene, rect.x, y, line, { size: 17 * scale, color: COLORS.accent }), rect.w));
}
