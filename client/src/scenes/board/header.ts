/** The board's header: the year track, the quarter line, the team and its players, the clock. */
import type Phaser from "phaser";
import { COLORS } from "../../theme";
import { timerModel } from "../../viewmodels/timer";
import { trackModel } from "../../viewmodels/track";
import { timerBadge } from "../../draw/timerBadge";
import { quarterTrack } from "../../draw/track";
import { fit, text } from "../../draw/text";
import type { BoardContext } from "./context";

/** Draws the header; returns the clock's digits for the scene to tick (null without a clock). */
export function drawHeader(ctx: BoardContext): Phaser.GameObjects.Text | null {
  const trackWidth = drawTrack(ctx);
  drawQuarterLine(ctx);
  if (!ctx.layout.compact) drawTeam(ctx, trackWidth);
  return drawClock(ctx);
}

function drawTrack(ctx: BoardContext): number {
  const { layout, params, model, translate } = ctx;
  const { view } = params;
  const header = layout.header;
  const history = model.team?.history ?? [];
  const track = trackModel(
    view.phase,
    view.turn,
    view.turnsTotal,
    history.map((round) => round.events),
    view.event,
  );
  const width = layout.compact ? header.w - 90 : Math.min(header.w * 0.5, 620);
  const rect = { x: header.x, y: header.y + 4, w: width, h: layout.compact ? 36 : 44 };
  ctx.add(quarterTrack(ctx.scene, rect, track, (year) => translate("common.year", { y: year })));
  return width;
}

function drawQuarterLine(ctx: BoardContext): void {
  const { layout, model, translate } = ctx;
  const quarter = translate("common.quarterOf", { q: model.quarter, total: model.turnsTotal });
  const line = `${quarter} · ${translate(`phase.${ctx.params.view.phase}`)}`;
  const y = layout.header.y + (layout.compact ? 42 : 50);
  ctx.add(
    text(ctx.scene, layout.header.x, y, line, {
      size: layout.compact ? 12 : 14,
      color: COLORS.textDim,
    }),
  );
}

/** The team's name and its players, beside the track (wide boards only). */
function drawTeam(ctx: BoardContext, trackWidth: number): void {
  const { layout, model, translate } = ctx;
  if (!model.team) return;
  const header = layout.header;
  const x = header.x + trackWidth + 40;
  ctx.add(text(ctx.scene, x, header.y + 8, model.team.name, { size: 22, weight: "bold" }));
  const mates = ctx.solo
    ? ""
    : model.teammates
        .map((mate) => (mate.me ? `${mate.name} (${translate("common.you")})` : mate.name))
        .join(" · ");
  if (!mates) return;
  const line = text(ctx.scene, x, header.y + 38, mates, { size: 13, color: COLORS.textDim });
  ctx.add(fit(line, header.w - trackWidth - 200));
}

function drawClock(ctx: BoardContext): Phaser.GameObjects.Text | null {
  const { layout, params, translate } = ctx;
  const timer = timerModel(params.view, params.session.serverNow());
  if (!timer.active) return null;
  const badge = timerBadge(
    ctx.scene,
    layout.header.x + layout.header.w,
    layout.header.y + (layout.compact ? 0 : 4),
    timer,
    timer.paused ? translate("board.paused") : translate("board.timeLeft"),
    layout.compact ? 26 : 34,
  );
  ctx.add(badge.container);
  return badge.digits;
}
