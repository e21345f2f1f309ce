/**
 * The board's one entry: builds the context once, then draws each region in the order they
 * stack (header, card slot, decision or results, gauges, ranking, tabs). Which pieces show
 * depends on the layout (wide or phone tabs) and the stage (briefing, deciding, submitted,
 * results, over).
 */
import type Phaser from "phaser";
import { drawCardSlot } from "./card";
import { boardContext, type BoardDrawn, type BoardParams } from "./context";
import { drawDecide } from "./decide";
import { drawHeader } from "./header";
import { drawResults } from "./results";
import { drawSide } from "./side";

export type { BoardDrawn, BoardHandlers, BoardParams } from "./context";

export function drawBoard(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  params: BoardParams,
): BoardDrawn {
  const ctx = boardContext(scene, root, params);
  const digits = drawHeader(ctx);
  const cards = drawCardSlot(ctx);
  const last = ctx.model.last;
  let results: BoardDrawn["results"] = null;
  if (ctx.showDecide && ctx.model.stage === "results" && last) results = drawResults(ctx, last);
  else if (ctx.showDecide) drawDecide(ctx);
  drawSide(ctx);
  return { digits, gauges: ctx.gauges, ranking: ctx.ranking, results, cards };
}
