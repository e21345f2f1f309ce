/**
 * The picked debrief screens that are charts, for every team in a grid or one team large:
 * the score trajectories, the levers funded, the score credited to the levers, the luck band.
 */
import { BUCKET_IDS } from "../../../../shared/model/levers";
import type { GameState } from "../../../../shared/model/types";
import { BUCKET_COLORS, COLORS, LUCK, teamColor } from "../../theme";
import { niceDomain, yFor, type Domain, type Rect } from "../../viewmodels/chart";
import { waterfall } from "../../viewmodels/credit";
import { bandSeries, leverStacks, series } from "../../viewmodels/debrief";
import { formatMetric } from "../../viewmodels/metrics";
import { axes, line, luckBands, stackedColumns } from "../../draw/chart";
import { fit, text } from "../../draw/text";
import { attributionColor, waterfallChart } from "../../draw/waterfall";
import { chartArea, type ShowContext } from "./context";

/** The teams a screen is about: the one picked, or all of them in the room's order. */
function focus(ctx: ShowContext): string[] {
  return ctx.params.team ? [ctx.params.team] : Object.keys(ctx.view.teams);
}

/** A grid of cells for several teams, each titled with the team's name in its colour. */
function grid(
  ctx: ShowContext,
  rect: Rect,
  teams: readonly string[],
  cell: (id: string, rect: Rect) => void,
): void {
  const { scale } = ctx;
  const only = teams.length === 1 ? teams[0] : undefined;
  if (only !== undefined) {
    // One team: its name is already in the screen's title.
    cell(only, rect);
    return;
  }
  const columns = teams.length <= 4 ? 2 : teams.length <= 6 ? 3 : 4;
  const width = rect.w / columns;
  const height = rect.h / Math.ceil(teams.length / columns);
  teams.forEach((id, i) => {
    const x = rect.x + (i % columns) * width;
    const y = rect.y + Math.floor(i / columns) * height;
    const name = text(ctx.scene, x, y, ctx.teamName(id), {
      size: 30 * scale,
      weight: "bold",
      color: teamColor(ctx.teamIndex(id)),
    });
    ctx.add(fit(name, width - 24 * scale));
    ctx.lines.push(ctx.teamName(id));
    const below = name.height + 10 * scale;
    cell(id, { x, y: y + below, w: width - 32 * scale, h: height - name.height - 34 * scale });
  });
}

const scoreFormat = (ctx: ShowContext) => (value: number) =>
  formatMetric(ctx.language, "score", value);

/** Every team's score over the game, the picked team bold and the others faint. */
export function drawTrajectories(ctx: ShowContext, rect: Rect): void {
  const { scale } = ctx;
  const game = ctx.params.game as GameState;
  const area = chartArea(ctx, rect, 380 * scale);
  const format = scoreFormat(ctx);
  const all = game.teamIds.map((id) => series(game, id, "score"));
  const domain = niceDomain(all.flat());
  const quarterLabel = (q: number) => ctx.translate("common.quarterShort", { q });
  ctx.add(axes(ctx.scene, area, domain, game.turn, format, quarterLabel, 12 * scale, 22 * scale));
  const graphics = ctx.scene.add.graphics();
  ctx.add(graphics);
  const ends: { id: string; y: number; value: number }[] = [];
  game.teamIds.forEach((id, i) => {
    const values = all[i] ?? [];
    const faint = ctx.params.team !== "" && id !== ctx.params.team;
    const width = (faint ? 3 : 7) * scale;
    line(graphics, area, domain, game.turn, values, teamColor(i), width, false, faint ? 0.3 : 1);
    const last = values[values.length - 1];
    if (last !== undefined && !faint) ends.push({ id, y: yFor(area, domain, last), value: last });
  });
  drawLineEnds(ctx, area, ends);
}

/** Names at the lines' ends, pushed apart so two close scores stay readable. */
function drawLineEnds(
  ctx: ShowContext,
  area: Rect,
  ends: { id: string; y: number; value: number }[],
): void {
  const { scale } = ctx;
  const format = scoreFormat(ctx);
  ends.sort((upper, lower) => upper.y - lower.y);
  const gap = 40 * scale;
  for (let i = 1; i < ends.length; i++) {
    const previous = ends[i - 1];
    const current = ends[i];
    if (previous && current && current.y - previous.y < gap) current.y = previous.y + gap;
  }
  for (const end of ends) {
    const label = `${ctx.teamName(end.id)} ${format(end.value)}`;
    ctx.lines.push(label);
    const caption = text(ctx.scene, area.x + area.w + 16 * scale, end.y, label, {
      size: 26 * scale,
      weight: "bold",
      color: teamColor(ctx.teamIndex(end.id)),
    }).setOrigin(0, 0.5);
    ctx.add(fit(caption, 360 * scale));
  }
}

/** The tokens each team put in each lever, quarter by quarter, on one scale. */
export function drawLevers(ctx: ShowContext, rect: Rect): void {
  const { scale } = ctx;
  const game = ctx.params.game as GameState;
  const legendHeight = 50 * scale;
  const teams = focus(ctx);
  const budgets = teams.flatMap((id) => (game.history[id] ?? []).map((round) => round.budget));
  const max = Math.max(1, ...budgets);
  const colors = BUCKET_IDS.map((bucket) => BUCKET_COLORS[bucket]);
  grid(ctx, { ...rect, h: rect.h - legendHeight }, teams, (id, cell) => {
    const graphics = ctx.scene.add.graphics();
    ctx.add(graphics);
    const stacks = leverStacks(game, id).map((quarter) => quarter.map((bucket) => bucket.tokens));
    const size = Math.min(24 * scale, (cell.w / Math.max(1, game.turn)) * 0.45);
    const columns = { ...cell, h: cell.h - size * 1.6 };
    stackedColumns(graphics, columns, stacks, colors, max, game.turn);
    drawQuarterLabels(ctx, columns, game.turn, size);
  });
  const legendY = rect.y + rect.h - legendHeight + 12 * scale;
  drawBucketLegend(ctx, { x: rect.x, y: legendY, w: rect.w, h: legendHeight });
}

/** Which quarter each column is, under it. */
function drawQuarterLabels(ctx: ShowContext, rect: Rect, quarters: number, size: number): void {
  const slot = rect.w / Math.max(1, quarters);
  for (let q = 1; q <= quarters; q++) {
    const label = text(
      ctx.scene,
      rect.x + (q - 0.5) * slot,
      rect.y + rect.h + size * 0.3,
      ctx.translate("common.quarterShort", { q }),
      { size, color: COLORS.textDim },
    ).setOrigin(0.5, 0);
    ctx.add(label);
  }
}

/** The buckets' colours, named, in one row (large enough to read from the back). */
function drawBucketLegend(ctx: ShowContext, rect: Rect): void {
  const { scale } = ctx;
  const graphics = ctx.scene.add.graphics();
  ctx.add(graphics);
  let x = rect.x;
  const size = Math.min(24 * scale, rect.w / 70);
  for (const id of BUCKET_IDS) {
    graphics.fillStyle(BUCKET_COLORS[id], 1);
    graphics.fillRect(x, rect.y + 4 * scale, size, size);
    const label = text(ctx.scene, x + size * 1.4, rect.y, ctx.translate(`lever.${id}.short`), {
      size,
      color: COLORS.text,
    });
    ctx.add(label);
    x += size * 1.4 + label.width + size * 1.4;
  }
}

/** Each team's score credited to the levers, as a waterfall. */
export function drawAttribution(ctx: ShowContext, rect: Rect): void {
  const teams = focus(ctx);
  const single = teams.length === 1;
  const chartScale = ctx.scale * (single ? 2.1 : teams.length <= 4 ? 1.3 : 1);
  grid(ctx, rect, teams, (id, cell) => {
    const team = ctx.insights?.find((credit) => credit.teamId === id);
    if (!team) return;
    const model = waterfall(ctx.language, team.attribution.total, "game", !single);
    ctx.add(waterfallChart(ctx.scene, cell, model, { scale: chartScale, color: attributionColor }));
  });
}

/** Each team's score against what the same decisions give with other luck. */
export function drawLuck(ctx: ShowContext, rect: Rect): void {
  const teams = focus(ctx);
  const single = teams.length === 1;
  grid(ctx, { ...rect, h: rect.h - 50 * ctx.scale }, teams, (id, cell) =>
    drawLuckCell(ctx, cell, id, single),
  );
  drawLuckLegend(ctx, rect, single ? teamColor(ctx.teamIndex(teams[0] ?? "")) : null);
}

function drawLuckCell(ctx: ShowContext, cell: Rect, id: string, single: boolean): void {
  const { scale } = ctx;
  const game = ctx.params.game as GameState;
  const data = ctx.params.band(id);
  if (!data) return;
  const bands = bandSeries(data, "score");
  const real = series(game, id, "score");
  const domain = niceDomain([...real, ...bands.p5, ...bands.p95]);
  const left = (single ? 120 : 100) * scale;
  const area = { x: cell.x + left, y: cell.y, w: cell.w - left, h: cell.h - 40 * scale };
  const size = (single ? 24 : 20) * scale;
  const quarterLabel = (q: number) => ctx.translate("common.quarterShort", { q });
  ctx.add(
    axes(ctx.scene, area, domain, game.turn, scoreFormat(ctx), quarterLabel, 10 * scale, size),
  );
  const graphics = ctx.scene.add.graphics();
  ctx.add(graphics);
  const lineWidth = (single ? 7 : 5) * scale;
  // The band shows around the team's line even where luck hardly moved it (a bot team without
  // campaigns in a year without scenario events): never thinner than 2.6 lines.
  const drawn = luckBands(graphics, area, domain, game.turn, bands, {
    outerEdge: 3 * scale,
    innerEdge: 3 * scale,
    median: 3 * scale,
    minOuter: 2.6 * lineWidth,
    minInner: 1.6 * lineWidth,
  });
  ctx.bands.push({ team: id, thinnest: thinnest(area, domain, drawn) });
  line(graphics, area, domain, game.turn, real, teamColor(ctx.teamIndex(id)), lineWidth);
}

/** The drawn band's smallest height on screen (px), for the tests. */
function thinnest(area: Rect, domain: Domain, b: { lower: number[]; upper: number[] }): number {
  const heights = b.lower.map(
    (low, i) => yFor(area, domain, low) - yFor(area, domain, b.upper[i] ?? low),
  );
  return Math.min(...heights);
}

/** The bands, the median and (one team) its real line, each swatch looking like what it names. */
function drawLuckLegend(ctx: ShowContext, rect: Rect, teamLine: number | null): void {
  const { scale, translate } = ctx;
  const y = rect.y + rect.h - 36 * scale;
  const graphics = ctx.scene.add.graphics();
  ctx.add(graphics);
  let x = rect.x;
  const items: [number, number, string][] = [
    [LUCK.outer, LUCK.outerFill, translate("debrief.band90")],
    [LUCK.inner, LUCK.innerFill, translate("debrief.band50")],
    [LUCK.median, 0, translate("debrief.median")],
    ...(teamLine === null
      ? []
      : [[teamLine, 0, translate("debrief.real")] as [number, number, string]]),
  ];
  for (const [color, fill, label] of items) {
    const swatch = { x, y: y + 4 * scale, w: 28 * scale, h: 20 * scale };
    if (fill) {
      graphics.fillStyle(color, fill);
      graphics.fillRect(swatch.x, swatch.y, swatch.w, swatch.h);
      graphics.lineStyle(3 * scale, color, 1);
      graphics.strokeRect(swatch.x, swatch.y, swatch.w, swatch.h);
    } else {
      graphics.fillStyle(color, 1);
      graphics.fillRect(swatch.x, swatch.y + swatch.h / 2 - 1.5 * scale, swatch.w, 3 * scale);
    }
    const caption = text(ctx.scene, x + 38 * scale, y, label, {
      size: 24 * scale,
      color: COLORS.text,
    });
    ctx.add(caption);
    ctx.lines.push(label);
    x += 38 * scale + caption.width + 48 * scale;
  }
}
