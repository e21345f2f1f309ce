/**
 * The debrief screen the facilitator picks, full-screen and legible from the back of the room:
 * its title, a wait while the replay or the attribution is computed, the podium and the best
 * what-if change. The charts (trajectories, levers, attribution, luck) are in showCharts.ts.
 */
import type { GameState } from "../../../../shared/model/types";
import { COLORS, teamColor } from "../../theme";
import { niceDomain, type Rect } from "../../viewmodels/chart";
import { bestChangeLines } from "../../viewmodels/credit";
import { series } from "../../viewmodels/debrief";
import { leaderboard } from "../../viewmodels/leaderboard";
import { TOP_BAR } from "../../viewmodels/layout";
import { formatMetric } from "../../viewmodels/metrics";
import { showWaiting } from "../../viewmodels/projectorText";
import { finalPodium } from "../../viewmodels/reveal";
import { axes, line } from "../../draw/chart";
import { leaderboardTable } from "../../draw/leaderboard";
import { podiumView } from "../../draw/podium";
import { fit, text } from "../../draw/text";
import { chartArea, type ShowContext } from "./context";

/** The screen's title (and the team it is about); returns the body under it. */
export function drawShowTitle(ctx: ShowContext): Rect {
  const { params, scale } = ctx;
  const pad = 48 * scale;
  const team = params.team ? ` · ${ctx.teamName(params.team)}` : "";
  const heading = `${ctx.translate(`show.${params.screen}`)}${team}`;
  ctx.lines.push(heading);
  const title = text(ctx.scene, pad, TOP_BAR + 18 * scale, heading, {
    size: 52 * scale,
    weight: "bold",
  });
  ctx.add(fit(title, params.width - 2 * pad));
  const y = TOP_BAR + 18 * scale + title.height + 28 * scale;
  return { x: pad, y, w: params.width - 2 * pad, h: params.height - y - pad };
}

/** Whether the screen still waits for the replayed game or the attribution. */
export function showIsWaiting(ctx: ShowContext): boolean {
  return showWaiting({ ...ctx.params, insights: ctx.insights });
}

export function drawWaiting(ctx: ShowContext, rect: Rect): void {
  const label = ctx.translate("show.computing");
  ctx.lines.push(label);
  ctx.add(text(ctx.scene, rect.x, rect.y, label, { size: 36 * ctx.scale, color: COLORS.textDim }));
}

/** The podium large on the left, the final ranking on the right (stacked on a narrow screen). */
export function drawPodiumScreen(ctx: ShowContext, rect: Rect): void {
  const { language, view, scale, translate } = ctx;
  const places = finalPodium(language, view, null);
  const narrow = rect.w < 700;
  const left: Rect = narrow
    ? { x: rect.x, y: rect.y, w: rect.w, h: rect.h * 0.55 }
    : { x: rect.x, y: rect.y, w: rect.w * 0.58, h: rect.h };
  ctx.add(podiumView(ctx.scene, left, places, translate("podium.subtitle"), scale * 2).container);
  ctx.lines.push(...places.map((place) => `${place.place}. ${place.name} ${place.scoreDisplay}`));
  const rows = leaderboard(language, Object.values(view.teams), null);
  const right = narrow
    ? { x: rect.x, y: rect.y + left.h + 24 * scale, w: rect.w, h: rect.h - left.h - 24 * scale }
    : { x: rect.x + rect.w * 0.64, y: rect.y, w: rect.w * 0.36, h: rect.h };
  const labels = {
    title: translate("proj.final"),
    kpi: translate("rank.kpi"),
    score: translate("rank.score"),
    you: "",
  };
  ctx.add(leaderboardTable(ctx.scene, right, rows, labels, { scale: 1.8 * scale }));
}

/** Every team's best one-token change, or one team's game with and without it. */
export function drawWhatIfScreen(ctx: ShowContext, rect: Rect): void {
  if (ctx.params.team) drawTeamWhatIf(ctx, rect, ctx.params.team);
  else drawEveryBestChange(ctx, rect);
}

/** Every team: its best one-token change, a line each, large. */
function drawEveryBestChange(ctx: ShowContext, rect: Rect): void {
  const { scale, language } = ctx;
  const ids = Object.keys(ctx.view.teams);
  const rowHeight = Math.min(110 * scale, rect.h / Math.max(1, ids.length));
  ids.forEach((id, i) => {
    const y = rect.y + i * rowHeight;
    const team = ctx.insights?.find((credit) => credit.teamId === id);
    const change = team
      ? bestChangeLines(language, team.bestChanges.slice(0, 1), team.attribution.score)[0]
      : undefined;
    const said = change ?? ctx.translate("show.noBestChange");
    ctx.lines.push(ctx.translate("a11y.reason", { label: ctx.teamName(id), value: said }));
    const name = text(ctx.scene, rect.x, y, ctx.teamName(id), {
      size: 30 * scale,
      weight: "bold",
      color: teamColor(i),
    });
    const line = text(ctx.scene, rect.x, y + 40 * scale, said, {
      size: 28 * scale,
      color: COLORS.text,
    });
    ctx.add(fit(name, rect.w), fit(line, rect.w));
  });
}

/** One team: what its best change would have been, and its score with and without it. */
function drawTeamWhatIf(ctx: ShowContext, rect: Rect, teamId: string): void {
  const { scale, language, translate } = ctx;
  const game = ctx.params.game as GameState;
  const found = ctx.params.branch(teamId);
  const team = ctx.insights?.find((credit) => credit.teamId === teamId);
  const note =
    found && team
      ? translate("show.bestChange", {
          change: bestChangeLines(language, [found.change], team.attribution.score)[0] ?? "",
        })
      : translate("show.noBestChange");
  ctx.lines.push(note);
  const heading = text(ctx.scene, rect.x, rect.y, note, {
    size: 30 * scale,
    color: COLORS.accent,
    weight: "bold",
  });
  ctx.add(fit(heading, rect.w));
  const body = { x: rect.x, y: rect.y + 60 * scale, w: rect.w, h: rect.h - 60 * scale };
  const area = chartArea(ctx, body, 40 * scale);
  const real = series(game, teamId, "score");
  const alt = found ? series(found.game, teamId, "score") : [];
  const domain = niceDomain([...real, ...alt]);
  const format = (value: number) => formatMetric(language, "score", value);
  const quarterLabel = (q: number) => translate("common.quarterShort", { q });
  ctx.add(axes(ctx.scene, area, domain, game.turn, format, quarterLabel, 12 * scale, 22 * scale));
  const graphics = ctx.scene.add.graphics();
  ctx.add(graphics);
  const color = teamColor(ctx.teamIndex(teamId));
  line(graphics, area, domain, game.turn, real, color, 7 * scale);
  if (alt.length) line(graphics, area, domain, game.turn, alt, COLORS.text, 5 * scale, true);
  drawBranchLegend(ctx, area, color);
}

/** What the two lines are: the game played and the game with the best change. */
function drawBranchLegend(ctx: ShowContext, area: Rect, teamLine: number): void {
  const { scale, translate } = ctx;
  const graphics = ctx.scene.add.graphics();
  ctx.add(graphics);
  const items: [number, string][] = [
    [teamLine, translate("debrief.real")],
    [COLORS.text, translate("debrief.branch")],
  ];
  let x = area.x + 20 * scale;
  for (const [swatch, label] of items) {
    graphics.fillStyle(swatch, 1);
    graphics.fillRect(x, area.y + 16 * scale, 36 * scale, 8 * scale);
    const caption = text(ctx.scene, x + 46 * scale, area.y + 4 * scale, label, {
      size: 24 * scale,
      color: COLORS.text,
    });
    ctx.add(caption);
    x += 46 * scale + caption.width + 60 * scale;
  }
}
