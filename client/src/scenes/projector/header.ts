/** The wide projector's frame: the year track, the quarter and its phase, the clock, the code. */
import type Phaser from "phaser";
import { COLORS } from "../../theme";
import { timerModel } from "../../viewmodels/timer";
import { currentQuarter, trackModel } from "../../viewmodels/track";
import { text } from "../../draw/text";
import { timerBadge } from "../../draw/timerBadge";
import { quarterTrack } from "../../draw/track";
import type { ProjectorContext } from "./context";

/** Draws the header; returns the clock's digits for the scene to tick (null without a clock). */
export function drawHeader(ctx: ProjectorContext): Phaser.GameObjects.Text | null {
  drawTrack(ctx);
  drawQuarter(ctx);
  return drawClock(ctx);
}

function drawTrack(ctx: ProjectorContext): void {
  const { view, params, scale, frame } = ctx;
  const track = trackModel(
    view.phase,
    view.turn,
    view.turnsTotal,
    (ctx.teams[0]?.history ?? []).map((round) => round.events),
    view.event,
  );
  const rect = { x: frame.pad, y: frame.top, w: params.width * 0.45, h: 56 * scale };
  ctx.add(
    quarterTrack(ctx.scene, rect, track, (year) => ctx.translate("common.year", { y: year })),
  );
}

function drawQuarter(ctx: ProjectorContext): void {
  const { view, params, scale, frame, translate } = ctx;
  const x = params.width * 0.5;
  const quarter = currentQuarter(view.phase, view.turn, view.turnsTotal);
  const title = translate("common.quarterOf", { q: quarter, total: view.turnsTotal });
  ctx.add(text(ctx.scene, x, frame.top, title, { size: 40 * scale, weight: "bold" }));
  ctx.add(
    text(ctx.scene, x, frame.top + 52 * scale, translate(`phase.${view.phase}`), {
      size: 26 * scale,
      color: COLORS.accent,
      weight: "bold",
    }),
  );
}

function drawClock(ctx: ProjectorContext): Phaser.GameObjects.Text | null {
  const { params, scale, frame, translate } = ctx;
  const timer = timerModel(ctx.view, params.now);
  if (!timer.active) return null;
  const badge = timerBadge(
    ctx.scene,
    params.width - frame.pad,
    frame.top - 8 * scale,
    timer,
    timer.paused ? translate("board.paused") : translate("board.timeLeft"),
    72 * scale,
  );
  ctx.add(badge.container);
  return badge.digits;
}

/** Latecomers can still join: the address and code stay in a corner. */
export function drawJoinCorner(ctx: ProjectorContext): void {
  const { params, scale } = ctx;
  const corner = `${params.host} · ${ctx.view.code}`;
  ctx.add(
    text(ctx.scene, params.width - ctx.frame.pad, params.height - 14 * scale, corner, {
      size: 20 * scale,
      color: COLORS.textFaint,
      align: "right",
    }).setOrigin(1, 1),
  );
}
