/**
 * The projector's two entries: the live room (`drawProjector`: the lobby, then the game and
 * its debrief) and the debrief screen the facilitator picks (`drawProjectorShow`). Each builds
 * its context once, then draws the regions in the order they stack.
 * It only ever reads public data (the projector connection receives no drafts anyway).
 */
import type Phaser from "phaser";
import { drawEventCard, drawRanking } from "./column";
import { drawGameCompact, drawLobbyCompact } from "./compact";
import {
  projectorContext,
  showContext,
  type ProjectorContext,
  type ProjectorParams,
  type ShowContext,
  type ShowParams,
} from "./context";
import { drawTeamCredit, drawVerdict } from "./debrief";
import { drawTeamGauges } from "./gauges";
import { drawHeader, drawJoinCorner } from "./header";
import { drawLobby } from "./lobby";
import {
  drawPodiumScreen,
  drawShowTitle,
  drawWaiting,
  drawWhatIfScreen,
  showIsWaiting,
} from "./show";
import { drawAttribution, drawLevers, drawLuck, drawTrajectories } from "./showCharts";
import { drawDecisionsTable, drawPodium, drawTeamPanels } from "./teams";

export type { ProjectorParams, ShowParams } from "./context";

/** Draws the live room; returns the clock's digits for the scene to tick (null without one). */
export function drawProjector(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  params: ProjectorParams,
): Phaser.GameObjects.Text | null {
  const ctx = projectorContext(scene, root, params);
  if (ctx.view.phase === "lobby") {
    if (ctx.compact) drawLobbyCompact(ctx);
    else drawLobby(ctx);
    return null;
  }
  if (ctx.compact) return drawGameCompact(ctx);
  const digits = drawHeader(ctx);
  if (ctx.over) drawVerdict(ctx, ctx.frame.card);
  else drawEventCard(ctx);
  drawRanking(ctx);
  drawDecisionsTable(ctx);
  if (!drawPodium(ctx)) drawPanels(ctx);
  drawJoinCorner(ctx);
  return digits;
}

/** Each team's panel: its credit once the debrief reveals it, its gauges until then. */
function drawPanels(ctx: ProjectorContext): void {
  const panels = drawTeamPanels(ctx);
  for (const { inner, credit } of panels) if (credit) drawTeamCredit(ctx, inner, credit);
  drawTeamGauges(
    ctx,
    panels.filter((panel) => !panel.credit),
  );
}

export function drawProjectorShow(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  params: ShowParams,
): void {
  const ctx = showContext(scene, root, params);
  const body = drawShowTitle(ctx);
  if (showIsWaiting(ctx)) drawWaiting(ctx, body);
  else drawScreen(ctx, body);
  const hooks = window.__elan;
  if (hooks)
    hooks.projectorShow = {
      view: params.screen,
      team: params.team,
      lines: ctx.lines,
      bands: ctx.bands,
    };
}

function drawScreen(ctx: ShowContext, body: { x: number; y: number; w: number; h: number }): void {
  const screen = ctx.params.screen;
  switch (screen) {
    case "podium":
      return drawPodiumScreen(ctx, body);
    case "trajectories":
      return drawTrajectories(ctx, body);
    case "levers":
      return drawLevers(ctx, body);
    case "attribution":
      return drawAttribution(ctx, body);
    case "luck":
      return drawLuck(ctx, body);
    case "whatif":
      return drawWhatIfScreen(ctx, body);
    case "verdict":
      // The verdict card, larger than in the live room's column.
      return drawVerdict({ ...ctx, scale: ctx.scale * 1.7 }, body);
    default: {
      const unknown: never = screen;
      throw new Error(`Unknown screen ${String(unknown)}`);
    }
  }
}
