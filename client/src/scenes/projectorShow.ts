/**
 * The projector during the debrief, following the facilitator's pick (`debrief.show`): one
 * screen at a time, full-screen, in large type and high contrast for the back of the room — the
 * podium, every team's trajectories, the levers funded, what mattered (the attribution), the
 * luck band, the best what-if change, or predicted vs attributed; for every team or one.
 */
import type Phaser from "phaser";
import type { BestChange } from "../../../shared/analysis/bestChanges";
import type { TeamInsights } from "../../../shared/analysis/insights";
import type { LuckBand } from "../../../shared/analysis/luckBand";
import { BUCKET_IDS } from "../../../shared/model/levers";
import type { GameState } from "../../../shared/model/types";
import type { Language } from "../../../shared/protocol/messages";
import type { DebriefScreen } from "../../../shared/protocol/screens";
import { translate, type MessageKey } from "../i18n/index";
import type { ClientView } from "../net/normalize";
import { BUCKET_COLORS, COLORS, teamColor } from "../theme";
import { niceDomain, yFor, type Rect } from "../viewmodels/chart";
import { bestChangeLines, waterfall } from "../viewmodels/credit";
import { bandSeries, leverStacks, series } from "../viewmodels/debrief";
import { leaderboard } from "../viewmodels/leaderboard";
import { TOP_BAR } from "../viewmodels/layout";
import { formatMetric } from "../viewmodels/metrics";
import { finalPodium } from "../viewmodels/reveal";
import { axes, band, line, stackedColumns } from "../draw/chart";
import { leaderboardTable } from "../draw/leaderboard";
import { podiumView } from "../draw/podium";
import { fit, text } from "../draw/text";
import { attributionColor, waterfallChart } from "../draw/waterfall";
import { projectorVerdict } from "./projectorDebrief";

type Add = (...o: Phaser.GameObjects.GameObject[]) => void;

export interface ShowParams {
  width: number;
  height: number;
  language: Language;
  view: ClientView;
  screen: DebriefScreen;
  /** The team the screen is about ("" = every team). */
  team: string;
  /** The game replayed from the log; null while it loads. */
  game: GameState | null;
  insights: readonly TeamInsights[] | null;
  /** A team's luck band (computed once, then kept by the scene). */
  band(teamId: string): LuckBand | null;
  /** A team's best one-token change and the game it would have given. */
  branch(teamId: string): { change: BestChange; game: GameState } | null;
}

interface Ctx {
  scene: Phaser.Scene;
  add: Add;
  p: ShowParams;
  s: number;
  tr: (key: MessageKey, v?: Record<string, string | number>) => string;
  /** Lines written, for the tests. */
  lines: string[];
  teamName(id: string): string;
  teamIndex(id: string): number;
}

export function drawProjectorShow(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  p: ShowParams,
): void {
  const s = Math.max(0.5, Math.min(p.width / 1920, p.height / 1080));
  const ids = Object.keys(p.view.teams);
  const ctx: Ctx = {
    scene,
    add: (...o) => root.add(o),
    p,
    s,
    tr: (key, v) => translate(p.language, key, v),
    lines: [],
    teamName: (id) => p.view.teams[id]?.name ?? id,
    teamIndex: (id) => Math.max(0, ids.indexOf(id)),
  };
  const pad = 48 * s;
  const heading = `${ctx.tr(`show.${p.screen}`)}${p.team ? ` · ${ctx.teamName(p.team)}` : ""}`;
  ctx.lines.push(heading);
  const title = fit(
    text(scene, pad, TOP_BAR + 18 * s, heading, { size: 52 * s, weight: "bold" }),
    p.width - 2 * pad,
  );
  ctx.add(title);
  const body: Rect = {
    x: pad,
    y: TOP_BAR + 18 * s + title.height + 28 * s,
    w: p.width - 2 * pad,
    h: 0,
  };
  body.h = p.height - body.y - pad;
  const needsGame = p.screen !== "podium" && p.screen !== "verdict";
  const needsInsights = p.screen === "attribution" || p.screen === "whatif";
  if ((needsGame && !p.game) || (needsInsights && !p.insights)) {
    waiting(ctx, body);
  } else {
    switch (p.screen) {
      case "podium":
        podiumScreen(ctx, body);
        break;
      case "trajectories":
        trajectories(ctx, body);
        break;
      case "levers":
        levers(ctx, body);
        break;
      case "attribution":
        attribution(ctx, body);
        break;
      case "luck":
        luck(ctx, body);
        break;
      case "whatif":
        whatIfScreen(ctx, body);
        break;
      case "verdict":
        projectorVerdict(scene, ctx.add, body, {
          language: p.language,
          view: p.view,
          insights: p.insights,
          s: s * 1.7,
        });
        break;
      default: {
        const unknown: never = p.screen;
        throw new Error(`Unknown screen ${String(unknown)}`);
      }
    }
  }
  const hooks = window.__elan;
  if (hooks) hooks.projectorShow = { view: p.screen, team: p.team, lines: ctx.lines };
}

function waiting(ctx: Ctx, r: Rect): void {
  const label = ctx.tr("show.computing");
  ctx.lines.push(label);
  ctx.add(text(ctx.scene, r.x, r.y, label, { size: 36 * ctx.s, color: COLORS.textDim }));
}

/** The teams a screen is about: the one picked, or all of them in the room's order. */
function focus(ctx: Ctx): string[] {
  return ctx.p.team ? [ctx.p.team] : Object.keys(ctx.p.view.teams);
}

/** A grid of cells for several teams, each titled with the team's name in its colour. */
function grid(
  ctx: Ctx,
  r: Rect,
  teams: readonly string[],
  cell: (id: string, r: Rect) => void,
): void {
  const { s } = ctx;
  const cols = teams.length <= 1 ? 1 : teams.length <= 4 ? 2 : teams.length <= 6 ? 3 : 4;
  const rows = Math.ceil(teams.length / cols);
  const w = r.w / cols;
  const h = r.h / rows;
  if (teams.length === 1 && teams[0] !== undefined) {
    // One team: its name is already in the screen's title.
    cell(teams[0], r);
    return;
  }
  teams.forEach((id, i) => {
    const x = r.x + (i % cols) * w;
    const y = r.y + Math.floor(i / cols) * h;
    const name = fit(
      text(ctx.scene, x, y, ctx.teamName(id), {
        size: 30 * s,
        weight: "bold",
        color: teamColor(ctx.teamIndex(id)),
      }),
      w - 24 * s,
    );
    ctx.add(name);
    ctx.lines.push(ctx.teamName(id));
    cell(id, { x, y: y + name.height + 10 * s, w: w - 32 * s, h: h - name.height - 34 * s });
  });
}

function podiumScreen(ctx: Ctx, r: Rect): void {
  const { p, s } = ctx;
  const places = finalPodium(p.language, p.view, null);
  const left: Rect = { x: r.x, y: r.y, w: r.w * 0.58, h: r.h };
  ctx.add(podiumView(ctx.scene, left, places, ctx.tr("podium.subtitle"), s * 2).container);
  ctx.lines.push(...places.map((x) => `${x.place}. ${x.name} ${x.scoreDisplay}`));
  const rows = leaderboard(p.language, Object.values(p.view.teams), null);
  ctx.add(
    leaderboardTable(
      ctx.scene,
      { x: r.x + r.w * 0.64, y: r.y, w: r.w * 0.36, h: r.h },
      rows,
      {
        title: ctx.tr("proj.final"),
        kpi: ctx.tr("rank.kpi"),
        score: ctx.tr("rank.score"),
        you: "",
      },
      { scale: 1.8 * s },
    ),
  );
}

function chartArea(ctx: Ctx, r: Rect, labelsRight: number): Rect {
  const left = 120 * ctx.s;
  return { x: r.x + left, y: r.y + 10 * ctx.s, w: r.w - left - labelsRight, h: r.h - 60 * ctx.s };
}

function trajectories(ctx: Ctx, r: Rect): void {
  const { p, s } = ctx;
  const game = p.game as GameState;
  const area = chartArea(ctx, r, 380 * s);
  const fmt = (v: number) => formatMetric(p.language, "score", v);
  const all = game.teamIds.map((id) => series(game, id, "score"));
  const domain = niceDomain(all.flat());
  ctx.add(
    axes(
      ctx.scene,
      area,
      domain,
      game.turn,
      fmt,
      (q) => ctx.tr("common.quarterShort", { q }),
      12 * s,
      22 * s,
    ),
  );
  const g = ctx.scene.add.graphics();
  ctx.add(g);
  // Names at the lines' ends, pushed apart so two close scores stay readable.
  const ends: { id: string; y: number; value: number }[] = [];
  game.teamIds.forEach((id, i) => {
    const values = all[i] ?? [];
    const faint = p.team !== "" && id !== p.team;
    line(
      g,
      area,
      domain,
      game.turn,
      values,
      teamColor(i),
      (faint ? 3 : 7) * s,
      false,
      faint ? 0.3 : 1,
    );
    const last = values[values.length - 1];
    if (last !== undefined && !faint) ends.push({ id, y: yFor(area, domain, last), value: last });
  });
  ends.sort((a, b) => a.y - b.y);
  const gap = 40 * s;
  for (let i = 1; i < ends.length; i++) {
    const prev = ends[i - 1];
    const cur = ends[i];
    if (prev && cur && cur.y - prev.y < gap) cur.y = prev.y + gap;
  }
  for (const end of ends) {
    const label = `${ctx.teamName(end.id)} ${fmt(end.value)}`;
    ctx.lines.push(label);
    ctx.add(
      fit(
        text(ctx.scene, area.x + area.w + 16 * s, end.y, label, {
          size: 26 * s,
          weight: "bold",
          color: teamColor(ctx.teamIndex(end.id)),
        }).setOrigin(0, 0.5),
        360 * s,
      ),
    );
  }
}

function levers(ctx: Ctx, r: Rect): void {
  const { p, s } = ctx;
  const game = p.game as GameState;
  const legendH = 50 * s;
  const teams = focus(ctx);
  const max = Math.max(1, ...teams.flatMap((id) => (game.history[id] ?? []).map((x) => x.budget)));
  grid(ctx, { ...r, h: r.h - legendH }, teams, (id, cell) => {
    const g = ctx.scene.add.graphics();
    ctx.add(g);
    const stacks = leverStacks(game, id).map((q) => q.map((b) => b.tokens));
    stackedColumns(
      g,
      cell,
      stacks,
      BUCKET_IDS.map((b) => BUCKET_COLORS[b]),
      max,
      game.turn,
    );
  });
  legend(ctx, { x: r.x, y: r.y + r.h - legendH + 12 * s, w: r.w, h: legendH });
}

/** The buckets' colours, named, in one row (large enough to read from the back). */
function legend(ctx: Ctx, r: Rect): void {
  const { s } = ctx;
  const g = ctx.scene.add.graphics();
  ctx.add(g);
  let x = r.x;
  const size = Math.min(24 * s, r.w / 70);
  for (const id of BUCKET_IDS) {
    g.fillStyle(BUCKET_COLORS[id], 1);
    g.fillRect(x, r.y + 4 * s, size, size);
    const label = text(ctx.scene, x + size * 1.4, r.y, ctx.tr(`lever.${id}.short`), {
      size,
      color: COLORS.text,
    });
    ctx.add(label);
    x += size * 1.4 + label.width + size * 1.4;
  }
}

function attribution(ctx: Ctx, r: Rect): void {
  const { p, s } = ctx;
  const teams = focus(ctx);
  const single = teams.length === 1;
  grid(ctx, r, teams, (id, cell) => {
    const team = p.insights?.find((x) => x.teamId === id);
    if (!team) return;
    const model = waterfall(p.language, team.attribution.total, "game", !single);
    ctx.add(
      waterfallChart(ctx.scene, cell, model, {
        scale: s * (single ? 2.1 : teams.length <= 4 ? 1.3 : 1),
        color: attributionColor,
      }),
    );
  });
}

function luck(ctx: Ctx, r: Rect): void {
  const { p, s } = ctx;
  const game = p.game as GameState;
  const teams = focus(ctx);
  const single = teams.length === 1;
  const fmt = (v: number) => formatMetric(p.language, "score", v);
  grid(ctx, { ...r, h: r.h - 50 * s }, teams, (id, cell) => {
    const data = p.band(id);
    if (!data) return;
    const bands = bandSeries(data, "score");
    const real = series(game, id, "score");
    const domain = niceDomain([...real, ...bands.p5, ...bands.p95]);
    const left = (single ? 120 : 90) * s;
    const area = { x: cell.x + left, y: cell.y, w: cell.w - left, h: cell.h - 40 * s };
    const size = (single ? 22 : 16) * s;
    ctx.add(
      axes(
        ctx.scene,
        area,
        domain,
        game.turn,
        fmt,
        (q) => ctx.tr("common.quarterShort", { q }),
        10 * s,
        size,
      ),
    );
    const g = ctx.scene.add.graphics();
    ctx.add(g);
    // Opaque enough to read on a washed-out projector (the 90 % band lighter than the 50 %).
    band(g, area, domain, game.turn, bands.p5, bands.p95, COLORS.trust, 0.3);
    band(g, area, domain, game.turn, bands.p25, bands.p75, COLORS.trust, 0.55);
    line(g, area, domain, game.turn, bands.p50, COLORS.text, 3 * s, true, 0.9);
    line(g, area, domain, game.turn, real, teamColor(ctx.teamIndex(id)), (single ? 7 : 5) * s);
  });
  const y = r.y + r.h - 36 * s;
  const g = ctx.scene.add.graphics();
  ctx.add(g);
  let x = r.x;
  const items: [number, number, string][] = [
    [COLORS.trust, 0.3, ctx.tr("debrief.band90")],
    [COLORS.trust, 0.55, ctx.tr("debrief.band50")],
    [COLORS.text, 0.9, ctx.tr("debrief.median")],
  ];
  for (const [color, alpha, label] of items) {
    g.fillStyle(color, alpha);
    g.fillRect(x, y + 4 * s, 28 * s, 20 * s);
    const t = text(ctx.scene, x + 38 * s, y, label, { size: 24 * s, color: COLORS.text });
    ctx.add(t);
    ctx.lines.push(label);
    x += 38 * s + t.width + 48 * s;
  }
}

function whatIfScreen(ctx: Ctx, r: Rect): void {
  const { p, s } = ctx;
  const game = p.game as GameState;
  if (!p.team) {
    // Every team: its best one-token change, a line each, large.
    const ids = Object.keys(p.view.teams);
    const rowH = Math.min(110 * s, r.h / Math.max(1, ids.length));
    ids.forEach((id, i) => {
      const y = r.y + i * rowH;
      const team = p.insights?.find((x) => x.teamId === id);
      const change = team
        ? bestChangeLines(p.language, team.bestChanges.slice(0, 1), team.attribution.score)[0]
        : undefined;
      const line2 = change ?? ctx.tr("show.noBestChange");
      ctx.lines.push(`${ctx.teamName(id)}: ${line2}`);
      ctx.add(
        fit(
          text(ctx.scene, r.x, y, ctx.teamName(id), {
            size: 30 * s,
            weight: "bold",
            color: teamColor(i),
          }),
          r.w,
        ),
        fit(text(ctx.scene, r.x, y + 40 * s, line2, { size: 28 * s, color: COLORS.text }), r.w),
      );
    });
    return;
  }
  const found = p.branch(p.team);
  const team = p.insights?.find((x) => x.teamId === p.team);
  const note =
    found && team
      ? ctx.tr("show.bestChange", {
          change: bestChangeLines(p.language, [found.change], team.attribution.score)[0] ?? "",
        })
      : ctx.tr("show.noBestChange");
  ctx.lines.push(note);
  ctx.add(
    fit(
      text(ctx.scene, r.x, r.y, note, { size: 30 * s, color: COLORS.accent, weight: "bold" }),
      r.w,
    ),
  );
  const body = { x: r.x, y: r.y + 60 * s, w: r.w, h: r.h - 60 * s };
  const area = chartArea(ctx, body, 40 * s);
  const real = series(game, p.team, "score");
  const alt = found ? series(found.game, p.team, "score") : [];
  const domain = niceDomain([...real, ...alt]);
  const fmt = (v: number) => formatMetric(p.language, "score", v);
  ctx.add(
    axes(
      ctx.scene,
      area,
      domain,
      game.turn,
      fmt,
      (q) => ctx.tr("common.quarterShort", { q }),
      12 * s,
      22 * s,
    ),
  );
  const g = ctx.scene.add.graphics();
  ctx.add(g);
  line(g, area, domain, game.turn, real, teamColor(ctx.teamIndex(p.team)), 7 * s);
  if (alt.length) line(g, area, domain, game.turn, alt, COLORS.text, 5 * s, true);
  const items: [number, string][] = [
    [teamColor(ctx.teamIndex(p.team)), ctx.tr("debrief.real")],
    [COLORS.text, ctx.tr("debrief.branch")],
  ];
  let x = area.x + 20 * s;
  for (const [color, label] of items) {
    g.fillStyle(color, 1);
    g.fillRect(x, area.y + 16 * s, 36 * s, 8 * s);
    const t = text(ctx.scene, x + 46 * s, area.y + 4 * s, label, {
      size: 24 * s,
      color: COLORS.text,
    });
    ctx.add(t);
    x += 46 * s + t.width + 60 * s;
  }
}
