/**
 * Everything a region of the projector needs, worked out once per draw: the screen's scale and
 * frame, the translation, where drawn objects go. The live game's regions (header, lobby, column,
 * teams, gauges, debrief, compact) take a `ProjectorContext`; the debrief screens the facilitator
 * picks (show, showCharts) take a `ShowContext`. Regions never import each other: `index.ts`
 * composes them, so the scene's pieces cannot form an import cycle.
 */
import type Phaser from "phaser";
import type { TeamInsights } from "../../../../shared/analysis/insights";
import type { Language } from "../../../../shared/protocol/messages";
import type { QuarterReasons } from "../../../../shared/protocol/view";
import { translate, type MessageKey } from "../../i18n/index";
import type { ClientView } from "../../net/normalize";
import type { Rect } from "../../viewmodels/chart";
import type { lobbyTeams } from "../../viewmodels/facilitator";
import { lobbyPlayers as teamPlayers, type ShowTextInput } from "../../viewmodels/projectorText";
import { TOP_BAR } from "../../viewmodels/layout";
import { decisionsTableHeight, type HeaderBox } from "../../draw/decisionsTable";

/** Narrower than this, the projector draws one column. */
export const PROJECTOR_COMPACT_WIDTH = 760;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export type AddObjects = (...objects: Phaser.GameObjects.GameObject[]) => void;
export type Team = ClientView["teams"][string];
export type LobbyTeam = ReturnType<typeof lobbyTeams>[number];

export interface ProjectorParams {
  width: number;
  height: number;
  language: Language;
  view: ClientView;
  qrKey: string | null;
  host: string;
  /** The server's current time, for the countdown. */
  now: number;
  /** The debrief's attribution, once computed (debrief and ended only). */
  insights: readonly TeamInsights[] | null;
  /** Every team's reasons for a revealed quarter, asked for once it is revealed (or null). */
  reasons: QuarterReasons | null;
}

/** A debrief screen as the projector draws it: what its text alternative says, at a size. */
export interface ShowParams extends ShowTextInput {
  width: number;
  height: number;
}

/** What the debrief's pieces (the verdict card, a team's credit) need, live or picked. */
export interface DebriefContext {
  scene: Phaser.Scene;
  add: AddObjects;
  translate: Translate;
  language: Language;
  view: ClientView;
  /** What the debrief credits; null while it is computed. */
  insights: readonly TeamInsights[] | null;
  /** Type scale. */
  scale: number;
}

/** Where the wide game's regions sit (the narrow one stacks instead). */
export interface ProjectorFrame {
  pad: number;
  /** Below the top bar at every size (its 52 px do not scale with the screen). */
  top: number;
  /** The left column (the quarter's card, then the ranking) and the team panels beside it. */
  card: Rect;
  panels: Rect;
  /** The revealed decisions under the panels after a reveal (height 0 otherwise). */
  table: Rect;
  tableScale: number;
}

export interface ProjectorContext extends DebriefContext {
  params: ProjectorParams;
  compact: boolean;
  teams: Team[];
  /** The debrief or the end of the game: verdict and credit instead of the quarter's card. */
  over: boolean;
  frame: ProjectorFrame;
}

export interface ShowContext extends DebriefContext {
  params: ShowParams;
  /** Lines written, for the tests. */
  lines: string[];
  /** Each luck band drawn: its team and its thinnest drawn height (px), for the tests. */
  bands: { team: string; thinnest: number }[];
  teamName(id: string): string;
  teamIndex(id: string): number;
}

/** The type scale of a screen: 1 at 1920×1080, never under half. */
function screenScale(width: number, height: number): number {
  return Math.max(0.5, Math.min(width / 1920, height / 1080));
}

/**
 * The picked debrief screens' type scale: as `screenScale` on a 16:9 screen, but a 4:3 projector
 * (1024×768) is read by its height as much as its width — the charts leave room to the side —
 * so it gets type a fifth larger than its width alone would give.
 */
function showScale(width: number, height: number): number {
  return Math.max(0.5, Math.min(width / 1600, height / 1080));
}

export function projectorContext(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  params: ProjectorParams,
): ProjectorContext {
  const { view, language } = params;
  const scale = screenScale(params.width, params.height);
  const teams = Object.values(view.teams);
  return {
    scene,
    add: (...objects) => root.add(objects),
    translate: (key, values) => translate(language, key, values),
    language,
    view,
    insights: params.insights,
    scale,
    params,
    compact: params.width < PROJECTOR_COMPACT_WIDTH,
    teams,
    over: view.phase === "debrief" || view.phase === "ended",
    frame: projectorFrame(params, scale, teams.length),
  };
}

function projectorFrame(params: ProjectorParams, scale: number, teamCount: number): ProjectorFrame {
  const { width, height, view } = params;
  const pad = 40 * scale;
  const top = TOP_BAR + 12 * scale;
  const bodyY = top + 130 * scale;
  const leftWidth = width * 0.32;
  const panelsX = pad * 2 + leftWidth;
  const panelsWidth = width - panelsX - pad;
  const tableScale = 1.6 * scale;
  const tableHeight = view.phase === "results" ? decisionsTableHeight(teamCount, tableScale) : 0;
  const panelsBottom = height - pad - (tableHeight ? tableHeight + 24 * scale : 0);
  return {
    pad,
    top,
    card: { x: pad, y: bodyY, w: leftWidth, h: 300 * scale },
    panels: { x: panelsX, y: bodyY, w: panelsWidth, h: panelsBottom - bodyY },
    table: {
      x: panelsX,
      y: panelsBottom + 16 * scale,
      w: panelsWidth - 20 * scale,
      h: tableHeight,
    },
    tableScale,
  };
}

export function showContext(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  params: ShowParams,
): ShowContext {
  const ids = Object.keys(params.view.teams);
  return {
    scene,
    add: (...objects) => root.add(objects),
    translate: (key, values) => translate(params.language, key, values),
    language: params.language,
    view: params.view,
    insights: params.insights,
    scale: showScale(params.width, params.height),
    params,
    lines: [],
    bands: [],
    teamName: (id) => params.view.teams[id]?.name ?? id,
    teamIndex: (id) => Math.max(0, ids.indexOf(id)),
  };
}

/** A chart's plot area inside a region, leaving room for the value axis and end labels. */
export function chartArea(ctx: ShowContext, rect: Rect, labelsRight: number): Rect {
  const left = 120 * ctx.scale;
  return {
    x: rect.x + left,
    y: rect.y + 10 * ctx.scale,
    w: rect.w - left - labelsRight,
    h: rect.h - 60 * ctx.scale,
  };
}

/** The decisions table's report of its header boxes, for the layout tests. */
export function reportHeaders(scene: Phaser.Scene): (boxes: HeaderBox[]) => void {
  return (boxes) => {
    const hooks = window.__elan;
    if (hooks) hooks.decisionsHeaders = { scene: scene.scene.key, boxes };
  };
}

/** Who plays in a team, said the same on the wide and the narrow projector (and in text). */
export function lobbyPlayers(team: LobbyTeam, translate: Translate): string {
  return teamPlayers(team, translate);
}
