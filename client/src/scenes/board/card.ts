/**
 * The card slot: the quarter's event card, or in its place the podium after the last quarter, a
 * phone's tapped lever description, or the solo coach; on a phone deciding, the forecast strip
 * under it.
 */
import { BUCKET_COLORS, COLORS } from "../../theme";
import type { Rect } from "../../viewmodels/chart";
import { finalPodium } from "../../viewmodels/reveal";
import { canvasButton } from "../../draw/button";
import { noteCard } from "../../draw/coach";
import { eventCard } from "../../draw/eventCard";
import { forecastStrip } from "../../draw/forecastStrip";
import { panel } from "../../draw/panel";
import { podiumView } from "../../draw/podium";
import type { BoardContext, BoardDrawn } from "./context";

/** The forecast strip's height on a phone deciding. */
const STRIP = 52;

/** Draws the slot; returns what it says, for the text alternative. */
export function drawCardSlot(ctx: BoardContext): BoardDrawn["cards"] {
  const { layout, model, translate } = ctx;
  // A phone deciding keeps the forecast in sight, under the card, and shows a tapped lever's
  // description in the card's place (the wide board has room for both beside the levers).
  const phoneDeciding = layout.compact && ctx.showDecide && model.stage === "deciding";
  const strip = phoneDeciding && ctx.params.forecast ? STRIP : 0;
  const card = strip ? { ...layout.card, h: layout.card.h - strip - 8 } : layout.card;
  if (ctx.showDecide) drawCard(ctx, card, phoneDeciding);
  if (strip) drawForecastStrip(ctx, strip);
  return ctx.coach ? [{ title: translate("hint.title"), text: ctx.coach.text }] : model.cards;
}

function drawCard(ctx: BoardContext, card: Rect, phoneDeciding: boolean): void {
  const { scene, model, translate, params } = ctx;
  const info =
    phoneDeciding && params.info ? model.tiles.find((tile) => tile.id === params.info) : undefined;
  const podium = finalPodium(params.language, params.view, params.session.teamId);
  if (podium.length > 0) {
    ctx.add(panel(scene, card, { border: COLORS.accent, borderAlpha: 0.6 }));
    const inset = { x: card.x + 12, y: card.y + 10, w: card.w - 24, h: card.h - 16 };
    const scale = ctx.layout.compact ? 0.8 : 1;
    ctx.add(podiumView(scene, inset, podium, translate("podium.title"), scale).container);
  } else if (info) drawLeverInfo(ctx, card, info);
  else if (ctx.coach)
    ctx.add(noteCard(scene, card, translate("hint.title"), ctx.coach.text, COLORS.accent, true));
  else ctx.add(eventCard(scene, card, model.cards, translate("board.event")));
}

/** A phone's tapped lever: its description, with a × (a button for keyboards too) to close it. */
function drawLeverInfo(
  ctx: BoardContext,
  card: Rect,
  info: BoardContext["model"]["tiles"][number],
): void {
  const { scene, translate, params } = ctx;
  const closeInfo = params.handlers.closeInfo;
  ctx.add(noteCard(scene, card, info.name, info.desc, BUCKET_COLORS[info.id], true));
  const close = { x: card.x + card.w - 44, y: card.y + 4, w: 40, h: 32 };
  ctx.add(
    canvasButton(scene, {
      ...close,
      label: "×",
      size: 20,
      fill: COLORS.textDim,
      outline: true,
      onClick: closeInfo,
    }),
  );
  params.spots.push({
    key: "close-info",
    rect: close,
    label: translate("board.infoClose", { lever: info.name }),
    enabled: true,
    run: closeInfo,
  });
}

function drawForecastStrip(ctx: BoardContext, height: number): void {
  const { layout, translate } = ctx;
  const rect = {
    x: layout.card.x,
    y: layout.card.y + layout.card.h - height,
    w: layout.card.w,
    h: height,
  };
  const label = translate("board.forecastDraft");
  ctx.add(
    forecastStrip(ctx.scene, rect, label, ctx.gauges, (gauge) => translate(`gauge.${gauge.id}`)),
  );
}
