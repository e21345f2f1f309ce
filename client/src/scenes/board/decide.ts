/**
 * The decision area: the levers (ring or phone grid) around the community, the temptation tile,
 * the budget meter and the one button (or line) that fits the stage.
 */
import { translatePlural } from "../../i18n/index";
import { COLORS } from "../../theme";
import { tileControlRects } from "../../viewmodels/controls";
import { percent } from "../../viewmodels/format";
import { waitingLine } from "../../viewmodels/submissions";
import { budgetMeter } from "../../draw/budget";
import { canvasButton } from "../../draw/button";
import { community } from "../../draw/community";
import { leverTile } from "../../draw/tile";
import { fit, text } from "../../draw/text";
import type { BoardContext, BoardModel } from "./context";

type Tile = BoardModel["tiles"][number];

export function drawDecide(ctx: BoardContext): void {
  drawCommunity(ctx);
  for (const tile of ctx.model.tiles) drawTile(ctx, tile);
  if (!ctx.layout.compact && ctx.model.stage === "deciding") drawHelpLines(ctx);
  drawBudget(ctx);
  drawSubmitSlot(ctx);
}

/** The community in the ring's centre, as engaged and trusting as the gauges say. */
function drawCommunity(ctx: BoardContext): void {
  const centre = ctx.layout.ring.community;
  if (!centre) return;
  const { translate } = ctx;
  const engagement = ctx.gauges[0]?.value ?? 0;
  const trust = ctx.gauges[2]?.value ?? 0.5;
  const caption = `${percent(ctx.params.language, engagement, 1)} ${translate("gauge.engagement").toLowerCase()}`;
  ctx.add(
    community(
      ctx.scene,
      centre.cx,
      centre.cy,
      centre.r,
      engagement / 0.4,
      trust,
      translate("board.community"),
      caption,
    ),
  );
}

/** A lever's tile, and its controls as buttons for keyboards and screen readers. */
function drawTile(ctx: BoardContext, tile: Tile): void {
  const { layout, params } = ctx;
  const handlers = params.handlers;
  const pos = layout.ring.tiles[tile.id];
  const tileHandlers = {
    adjust: (delta: number) => handlers.adjust(tile.id, delta),
    select: () => handlers.select(tile.id),
  };
  ctx.add(
    leverTile(
      ctx.scene,
      pos.x,
      pos.y,
      pos.w,
      pos.h,
      tile,
      layout.compact,
      tileHandlers,
      ctx.translate("board.temptation"),
    ),
  );
  tileSpots(ctx, tile);
}

/** The tile's − and + as DOM twins (ui/decisionControls.ts); on a phone its name opens its text. */
function tileSpots(ctx: BoardContext, tile: Tile): void {
  const { layout, params, translate } = ctx;
  const handlers = params.handlers;
  const pos = layout.ring.tiles[tile.id];
  const at = tileControlRects(pos, layout.compact);
  const group = {
    key: tile.id,
    label: translatePlural(params.language, "a11y.lever", tile.tokens, {
      lever: tile.name,
      n: tile.tokens,
      key: tile.key,
    }),
    rect: pos,
  };
  const select = () => handlers.select(tile.id);
  // A phone has no room for descriptions beside the levers: the tile's name opens its own.
  if (layout.compact && ctx.model.stage === "deciding")
    params.spots.push({
      key: `info-${tile.id}`,
      rect: { x: pos.x, y: pos.y, w: pos.w, h: Math.max(12, at.minus.y - pos.y - 2) },
      label: translate("board.infoOpen", { lever: tile.name }),
      enabled: true,
      group,
      run: select,
    });
  params.spots.push(
    {
      key: `minus-${tile.id}`,
      rect: at.minus,
      label: translate("a11y.remove", { lever: tile.name }),
      enabled: tile.canRemove,
      group,
      run: () => handlers.adjust(tile.id, -1),
      focus: select,
    },
    {
      key: `plus-${tile.id}`,
      rect: at.plus,
      label: translate("a11y.add", { lever: tile.name }),
      enabled: tile.canAdd,
      group,
      run: () => handlers.adjust(tile.id, 1),
      focus: select,
    },
  );
}

/** What the selected lever does, then how to drive the board from the keyboard (wide boards). */
function drawHelpLines(ctx: BoardContext): void {
  const { decide } = ctx.layout;
  const selected = ctx.model.tiles.find((tile) => tile.selected);
  if (selected) {
    const line = `${selected.name} — ${selected.desc}`;
    const help = text(ctx.scene, decide.x, decide.y + decide.h - 36, line, {
      size: 13,
      color: COLORS.textDim,
    });
    ctx.add(fit(help, decide.w));
  }
  const keys = text(
    ctx.scene,
    decide.x,
    decide.y + decide.h - 16,
    ctx.translate("board.keyboard"),
    {
      size: 12,
      color: COLORS.textFaint,
    },
  );
  ctx.add(fit(keys, decide.w));
}

function drawBudget(ctx: BoardContext): void {
  const { model, params, translate } = ctx;
  const { budget } = model;
  const note =
    model.stage === "deciding" && budget.remaining > 0
      ? translatePlural(params.language, "board.unspent", budget.remaining, {
          n: budget.remaining,
        })
      : budget.cut
        ? translate("board.budgetCut")
        : "";
  ctx.add(
    budgetMeter(
      ctx.scene,
      ctx.layout.budget,
      params.draft,
      budget.total,
      translate("board.budget"),
      translate("board.budgetValue", { used: budget.used, total: budget.total }),
      note,
    ),
  );
}

/** The submit slot holds one button or one line of text, whatever the stage. */
function drawSubmitSlot(ctx: BoardContext): void {
  const { model, params, translate } = ctx;
  const { handlers } = params;
  const slot = ctx.layout.submit;
  if (model.stage === "deciding") {
    slotButton(ctx, translate("board.submit"), handlers.submit);
    if (model.draftBy) {
      const by = translate("board.draftBy", { name: model.draftBy });
      ctx.add(text(ctx.scene, slot.x, slot.y - 18, by, { size: 12, color: COLORS.textDim }));
    }
  } else if (model.stage === "submitted") {
    slotButton(ctx, `✓ ${translate("board.submitted")}`, () => undefined, true);
    const waiting = text(
      ctx.scene,
      slot.x,
      slot.y + slot.h + 4,
      waitingLine(params.language, params.view),
      {
        size: 12,
        color: COLORS.textDim,
      },
    );
    ctx.add(fit(waiting, slot.w));
  } else if (model.stage === "briefing") {
    if (ctx.solo) slotButton(ctx, translate("fac.next.briefing"), handlers.next);
    else slotNote(ctx, translate("board.briefingWait"), 15);
  } else if (model.stage === "over") {
    slotButton(ctx, translate("board.toDebrief"), handlers.debrief);
  } else if (!model.team) {
    slotNote(ctx, translate("board.spectator"), 14);
  }
}

function slotButton(ctx: BoardContext, label: string, onClick: () => void, disabled = false): void {
  const slot = ctx.layout.submit;
  ctx.params.spots.push({ key: "primary", rect: slot, label, enabled: !disabled, run: onClick });
  ctx.add(
    canvasButton(ctx.scene, {
      x: slot.x,
      y: slot.y,
      w: slot.w,
      h: slot.h,
      label,
      onClick,
      ...(disabled ? { enabled: false, outline: true } : {}),
    }),
  );
}

function slotNote(ctx: BoardContext, label: string, size: number): void {
  const slot = ctx.layout.submit;
  const note = text(ctx.scene, slot.x, slot.y + slot.h / 2, label, { size, color: COLORS.textDim });
  ctx.add(fit(note.setOrigin(0, 0.5), slot.w));
}
