/**
 * A read-only window into the app for the browser tests (which screen shows, the room view,
 * who we are) plus the shared simulation, so a test can check the browser computes the same
 * trajectories as Node. Nothing here can change the game.
 */
import Phaser from "phaser";
import type { App } from "./app/app";
import { replay } from "../../shared/analysis/replay";
import { canonicalTrajectory } from "../../shared/model/canonical";
import { getLanguage } from "./i18n/index";
import { printExport } from "./print/index";

export interface TestHooks {
  scene(): string | null;
  view(): unknown;
  identity(): unknown;
  status(): string | null;
  /** Every connection state the player was shown, in order. */
  statusLog: string[];
  /** Cuts the connection like a network failure; the app must reconnect by itself. */
  drop(): void;
  /** Frames rendered so far (the benchmark counts them). */
  frames(): number;
  /** Changes the frame cap (0 = none): the benchmark measures the board's headroom with it. */
  setFpsLimit(limit: number): void;
  /** "webgl" or "canvas": software-rendered WebGL falls back to canvas (app/renderer.ts). */
  renderer(): string;
  sim: { replay: typeof replay; canonicalTrajectory: typeof canonicalTrajectory };
  /** Set by scenes: ms timestamp when the board first became interactive. */
  boardReadyAt: number;
  debriefBandMs: number;
  /** Set when the debrief's attribution arrives: compute ms, where it ran, ms the page waited. */
  debriefInsights: { ms: number; where: string; waitMs: number } | null;
  /** Set by the debrief after drawing "what mattered" / "loops": the tab and how many bars / diagrams. */
  debriefChart: { tab: string; items: number } | null;
  /** Set by the projector during the debrief: the lines of its question / verdict card. */
  projectorVerdict: string[] | null;
  /** Times the same attribution on the main thread (what the worker spares the page). */
  insightsOnMainThread(): Promise<number>;
  /** Set by scenes after each canvas redraw: which screen and which phase it drew. */
  drawn: { scene: string; phase: string; at: number } | null;
  /** Set by the board: the allocation it shows (the server's draft and pending edits). */
  shownDraft: Record<string, number> | null;
  /** The printed debrief's entry for an export JSON (as "Mes ateliers" calls it): room or a team. */
  printExport(json: unknown, teamId: string | null): Promise<void>;
  /** Every canvas text on screen, in page (CSS) pixels: the layout audit checks their bounds. */
  texts(): CanvasText[];
  /** The text of every canvas text on screen (what the canvas says). */
  canvasTexts(): string[];
  // The room's moments (reveal, podium, decisions table, projector debrief, sound).
  /** The revealed decisions table's header boxes, as last drawn (screen coordinates). */
  decisionsHeaders: {
    scene: string;
    boxes: { label: string; x: number; y: number; w: number; h: number }[];
  } | null;
  /** The last reveal sequence: its quarter, where it is, and how it ended. */
  reveal: {
    scene: string;
    turn: number;
    final: boolean;
    step: string;
    /** "played" (ran to its end), "skipped", "instant" (reduced motion), or "" while it plays. */
    ended: string;
    /** Why a skipped sequence ended: a tap, a key, a resize, or the scene stopping it. */
    cause?: string;
    totalMs: number;
  } | null;
  /** The podium as last drawn: team names, first place first. */
  podium: { scene: string; names: string[] } | null;
  /** What the projector shows during the debrief, and the lines it wrote. */
  projectorShow: {
    view: string;
    team: string;
    lines: string[];
    /** Each luck band drawn: its thinnest drawn height (px). */
    bands: { team: string; thinnest: number }[];
  } | null;
  /** Whether sound is on, and every cue played (or that would have played, when off). */
  sound: { enabled: boolean; played: string[]; muted: string[] } | null;
}

export interface CanvasText {
  scene: string;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Shown: visible all the way up its containers, not transparent, not empty. */
function shown(object: Phaser.GameObjects.GameObject): boolean {
  let node: Phaser.GameObjects.GameObject | null = object;
  while (node) {
    const o = node as Phaser.GameObjects.GameObject & { visible?: boolean; alpha?: number };
    if (o.visible === false || o.alpha === 0) return false;
    node = node.parentContainer;
  }
  return true;
}

function canvasTexts(game: Phaser.Game): CanvasText[] {
  const rect = game.canvas.getBoundingClientRect();
  const k = rect.width / game.scale.width;
  const out: CanvasText[] = [];
  const visit = (scene: string, objects: Phaser.GameObjects.GameObject[]) => {
    for (const object of objects) {
      if (object instanceof Phaser.GameObjects.Container) visit(scene, object.list);
      else if (object instanceof Phaser.GameObjects.Text && object.text.trim() && shown(object)) {
        const b = object.getBounds();
        out.push({
          scene,
          text: object.text,
          x: rect.left + b.x * k,
          y: rect.top + b.y * k,
          w: b.width * k,
          h: b.height * k,
        });
      }
    }
  };
  for (const scene of game.scene.getScenes(true)) visit(scene.scene.key, scene.children.list);
  return out;
}

declare global {
  interface Window {
    __elan?: TestHooks;
  }
}

export function exposeTestHooks(app: App): void {
  // Rendered frames, not loop ticks: with an fps limit the loop ticks more often than it renders.
  let rendered = 0;
  app.game?.events.on("postrender", () => rendered++);
  window.__elan = {
    scene: () => app.scene,
    view: () => app.session?.view ?? null,
    identity: () => app.session?.identity ?? null,
    status: () => app.session?.status ?? null,
    statusLog: [],
    drop: () => app.session?.simulateDrop(),
    frames: () => rendered,
    setFpsLimit: (limit) => app.game?.loop.setFPSLimit(limit),
    renderer: () => (app.game?.config.renderType === 2 ? "webgl" : "canvas"),
    sim: { replay, canonicalTrajectory },
    boardReadyAt: 0,
    debriefBandMs: 0,
    debriefInsights: null,
    debriefChart: null,
    projectorVerdict: null,
    insightsOnMainThread: async () =>
      app.session
        ? app.debrief.timeOnMainThread(app.session)
        : Promise.reject(new Error("no room")),
    drawn: null,
    shownDraft: null,
    texts: () => (app.game ? canvasTexts(app.game) : []),
    printExport: (json, teamId) =>
      printExport(json, teamId ? { kind: "team", teamId } : { kind: "room" }, getLanguage()),
    canvasTexts: () => (app.game ? canvasTexts(app.game).map((t) => t.text) : []),
    decisionsHeaders: null,
    reveal: null,
    podium: null,
    projectorShow: null,
    sound: null,
  };
}
