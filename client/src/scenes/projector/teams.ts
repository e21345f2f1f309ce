/**
 * The wide projector's right side: a panel per team (its name, whether it has decided or
 * answered), the revealed decisions under the panels after a reveal, and the podium in the
 * panels' place after the last quarter. What fills a panel is gauges.ts or debrief.ts.
 */
import type { TeamInsights } from "../../../../shared/analysis/insights";
import { COLORS, teamColor } from "../../theme";
import type { Rect } from "../../viewmodels/chart";
import { askedTeams } from "../../viewmodels/credit";
import { finalPodium } from "../../viewmodels/reveal";
import { decisionsTableView } from "../../draw/decisionsTable";
import { panel } from "../../draw/panel";
import { podiumView } from "../../draw/podium";
import { fit, text } from "../../draw/text";
import { reportHeaders, type ProjectorContext, type Team } from "./context";

export interface TeamPanel {
  team: Team;
  /** Inside the panel, under the team's name. */
  inner: Rect;
  /** The team's credit, once the debrief reveals it. */
  credit: TeamInsights | undefined;
}

/** After a reveal, the decisions every team played sit under the panels. */
export function drawDecisionsTable(ctx: ProjectorContext): void {
  const { table, tableScale } = ctx.frame;
  if (!table.h) return;
  const drawn = decisionsTableView(ctx.scene, table, {
    language: ctx.language,
    teams: ctx.teams,
    myTeamId: null,
    scale: tableScale,
    report: reportHeaders(ctx.scene),
  });
  if (drawn) ctx.add(drawn);
}

/** The last quarter ends on the podium, large, where the team panels were; false otherwise. */
export function drawPodium(ctx: ProjectorContext): boolean {
  const podium = ctx.view.phase === "results" ? finalPodium(ctx.language, ctx.view, null) : [];
  if (podium.length === 0) return false;
  const { panels } = ctx.frame;
  const area = { x: panels.x + panels.w * 0.1, y: panels.y, w: panels.w * 0.8, h: panels.h };
  const title = ctx.translate("podium.title");
  ctx.add(podiumView(ctx.scene, area, podium, title, 2 * ctx.scale).container);
  return true;
}

/** Each team's panel with its name and pill; returns where their content goes. */
export function drawTeamPanels(ctx: ProjectorContext): TeamPanel[] {
  const { teams, scale, frame } = ctx;
  const columns = teams.length <= 4 ? 2 : teams.length <= 6 ? 3 : 4;
  const cellWidth = frame.panels.w / columns;
  const cellHeight = frame.panels.h / Math.ceil(teams.length / columns);
  return teams.map((team, i) => {
    const rect = {
      x: frame.panels.x + (i % columns) * cellWidth,
      y: frame.panels.y + Math.floor(i / columns) * cellHeight,
      w: cellWidth - 20 * scale,
      h: cellHeight - 20 * scale,
    };
    ctx.add(panel(ctx.scene, rect, { border: teamColor(i), borderAlpha: 0.6 }));
    drawPanelTitle(ctx, team, i, rect);
    const inner = {
      x: rect.x + 20 * scale,
      y: rect.y + 60 * scale,
      w: rect.w - 40 * scale,
      h: rect.h - 76 * scale,
    };
    return { team, inner, credit: revealedCredit(ctx, team) };
  });
}

function revealedCredit(ctx: ProjectorContext, team: Team): TeamInsights | undefined {
  if (!ctx.over || !ctx.view.revealed) return undefined;
  return ctx.insights?.find((credit) => credit.teamId === team.id);
}

/** The team's name, stopping where the pill on its right begins (✓ beside a long name). */
function drawPanelTitle(ctx: ProjectorContext, team: Team, index: number, rect: Rect): void {
  const { scale } = ctx;
  const name = text(ctx.scene, rect.x + 20 * scale, rect.y + 14 * scale, team.name, {
    size: 28 * scale,
    weight: "bold",
    color: teamColor(index),
  });
  ctx.add(name);
  const label = pillLabel(ctx, team);
  const pillWidth = label ? drawPill(ctx, rect, label.text, label.done) : 0;
  fit(name, rect.w - 40 * scale - (pillWidth ? pillWidth + 14 * scale : 0));
}

/** Who has decided (while deciding), who has answered the debrief's question (before the reveal). */
function pillLabel(ctx: ProjectorContext, team: Team): { text: string; done: boolean } | null {
  const { view, translate } = ctx;
  if (view.phase === "decision") {
    const done = team.submitted;
    return { text: done ? `✓ ${translate("fac.submitted")}` : translate("fac.pending"), done };
  }
  const asked = askedTeams(view).some((candidate) => candidate.id === team.id);
  if (view.phase === "debrief" && !view.revealed && asked) {
    const done = team.predicted;
    const label = translate(done ? "predict.done" : "predict.pending");
    return { text: done ? `✓ ${label}` : label, done };
  }
  return null;
}

/** A pill readable from the back of the room; returns its width. */
function drawPill(ctx: ProjectorContext, rect: Rect, label: string, done: boolean): number {
  const { scale } = ctx;
  const pill = text(ctx.scene, rect.x + rect.w - 20 * scale, rect.y + 18 * scale, label, {
    size: 20 * scale,
    weight: "bold",
    color: done ? COLORS.accent : COLORS.textFaint,
  }).setOrigin(1, 0);
  ctx.add(pill);
  return pill.width;
}
