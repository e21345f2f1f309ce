/** The debrief's canvas half: one chart at a time, sized to what the DOM controls leave free. */
import type Phaser from "phaser";
import type { LuckBand } from "../../../shared/analysis/luckBand";
import { BUCKET_IDS } from "../../../shared/model/levers";
import type { GameState } from "../../../shared/model/types";
import type { Language } from "../../../shared/protocol/messages";
import { translate } from "../i18n/index";
import { BUCKET_COLORS, COLORS, LUCK, teamColor } from "../theme";
import type { DebriefUiState } from "../ui/debriefPanel";
import { niceDomain, xFor, yFor, type Rect } from "../viewmodels/chart";
import { bandSeries, leverStacks, series, type DebriefMetric } from "../viewmodels/debrief";
import { formatMetric } from "../viewmodels/metrics";
import { axes, line, luckBands, stackedColumns } from "../draw/chart";
import { legend } from "../draw/legend";
import { fit, text } from "../draw/text";

export interface DebriefChartParams {
  width: number;
  height: number;
  top: number;
  language: Language;
  game: GameState;
  state: DebriefUiState;
  band: LuckBand | null;
  branch: GameState | null;
  teamName(id: string): string;
}

function formatter(language: Language, metric: DebriefMetric): (v: number) => string {
  return (v) => formatMetric(language, metric, v);
}

export function drawDebriefChart(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  p: DebriefChartParams,
): void {
  const { game, state: s, language: lang } = p;
  const add = (...o: Phaser.GameObjects.GameObject[]) => root.add(o);
  const compact = p.width < 760;
  const left = compact ? 52 : 84;
  const area: Rect = {
    x: left,
    y: p.top + 10,
    w: p.width - left - (compact ? 20 : 60),
    h: p.height - p.top - 50,
  };
  if (area.h < 80) return;
  const n = game.turn;
  const qLabel = (q: number) => translate(lang, "common.quarterShort", { q });
  const fmt = formatter(lang, s.metric);
  const g = scene.add.graphics();

  if (s.tab === "levers") {
    const ids = game.teamIds;
    const cols = compact ? 1 : ids.length <= 2 ? ids.length : ids.length <= 4 ? 2 : 4;
    const rows = Math.ceil(ids.length / cols);
    const cellW = (p.width - 40) / cols;
    const cellH = area.h / rows;
    const max = Math.max(1, ...ids.flatMap((id) => (game.history[id] ?? []).map((r) => r.budget)));
    ids.forEach((id, i) => {
      const x = 20 + (i % cols) * cellW;
      const y = area.y + Math.floor(i / cols) * cellH;
      add(
        fit(
          text(scene, x + 10, y, p.teamName(id), { size: 15, weight: "bold", color: teamColor(i) }),
          cellW - 20,
        ),
      );
      const r: Rect = { x: x + 10, y: y + 24, w: cellW - 30, h: cellH - 44 };
      const stacks = leverStacks(game, id).map((q) => q.map((b) => b.tokens));
      stackedColumns(
        g,
        r,
        stacks,
        BUCKET_IDS.map((b) => BUCKET_COLORS[b]),
        max,
        n,
      );
    });
    add(g);
    return;
  }

  const metricSeries = (gs: GameState, id: string) => series(gs, id, s.metric);
  const values: number[] = [];
  // Trajectories compare every team; the luck band and the what-if zoom on the chosen one.
  const focus = s.tab === "trajectories" ? game.teamIds : [s.team];
  for (const id of focus) values.push(...metricSeries(game, id));
  const bandData = s.tab === "luck" && p.band ? bandSeries(p.band, s.metric) : null;
  if (bandData) values.push(...bandData.p5, ...bandData.p95);
  if (p.branch && s.tab === "whatif") values.push(...metricSeries(p.branch, s.team));
  const domain = niceDomain(values);
  add(axes(scene, area, domain, n, fmt, qLabel));
  add(g);

  if (s.tab === "trajectories") {
    game.teamIds.forEach((id, i) => {
      const v = metricSeries(game, id);
      line(g, area, domain, n, v, teamColor(i), 3);
      const last = v[v.length - 1];
      if (last !== undefined && !compact) {
        add(
          text(scene, area.x + area.w + 6, yFor(area, domain, last), fmt(last), {
            size: 12,
            color: teamColor(i),
            weight: "bold",
          }).setOrigin(0, 0.5),
        );
      }
    });
    return;
  }

  const index = Math.max(0, game.teamIds.indexOf(s.team));
  const color = teamColor(index);
  if (s.tab === "luck" && bandData) {
    // Never thinner than a few pixels either side of the team's line (3.5 px).
    const strokes = { outerEdge: 1.5, innerEdge: 2, median: 2, minOuter: 12, minInner: 7 };
    luckBands(g, area, domain, n, bandData, strokes);
    line(g, area, domain, n, metricSeries(game, s.team), color, 3.5);
    legend(
      scene,
      g,
      add,
      [
        // Each swatch looks like what it names: a band with its edges, or a line.
        {
          color: LUCK.outer,
          fill: LUCK.outerFill,
          edge: 1.5,
          label: translate(lang, "debrief.band90"),
          swatch: "band",
        },
        {
          color: LUCK.inner,
          fill: LUCK.innerFill,
          edge: 2,
          label: translate(lang, "debrief.band50"),
          swatch: "band",
        },
        { color: LUCK.median, edge: 2, label: translate(lang, "debrief.median"), swatch: "line" },
        { color, edge: 3.5, label: translate(lang, "debrief.real"), swatch: "line" },
      ],
      area.x + 10,
      area.y - 4,
      area.w - 20,
    );
    return;
  }

  // What-if: the other teams faint, the real trajectory, the branch dashed, the changed quarter marked.
  game.teamIds.forEach((id, i) => {
    if (id !== s.team)
      line(g, area, domain, n, metricSeries(game, id), teamColor(i), 2, false, 0.25);
  });
  line(g, area, domain, n, metricSeries(game, s.team), color, 3.5);
  if (p.branch) line(g, area, domain, n, metricSeries(p.branch, s.team), COLORS.text, 3, true);
  const qx = xFor(area, s.quarter, n);
  g.lineStyle(2, COLORS.warning, 0.8);
  g.lineBetween(qx, area.y, qx, area.y + area.h);
  // The legend runs along the top; the changed quarter is named at the foot of its line.
  const legendHeight = legend(
    scene,
    g,
    add,
    [
      {
        color,
        label: `${translate(lang, "debrief.real")} · ${p.teamName(s.team)}`,
        swatch: "line",
      },
      { color: COLORS.text, label: translate(lang, "debrief.branch"), swatch: "line" },
    ],
    area.x + 10,
    area.y - 4,
    area.w - 20,
  );
  const mark = text(scene, qx + 6, 0, qLabel(s.quarter), {
    size: 12,
    color: COLORS.warning,
    weight: "bold",
  });
  // Beside the line, flipped to its left near the right edge, under the legend's rows.
  if (qx + 6 + mark.width > area.x + area.w) mark.setX(qx - 6 - mark.width);
  mark.setY(Math.max(area.y + area.h - mark.height - 6, area.y - 4 + legendHeight));
  add(mark);
}
