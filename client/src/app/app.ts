/**
 * The application shell: the current session, which scene shows, the DOM chrome (top bar,
 * toasts) and the few UI choices that outlive a scene. Scenes read from here and send intents
 * through the session; they never talk to each other.
 */
import type Phaser from "phaser";
import type { Language } from "../../../shared/protocol/messages";
import { SCENES, type SceneKey } from "../constants";
import { getLanguage, setLanguage, t, type MessageKey, type Params } from "../i18n/index";
import { findScenario } from "../scenarios";
import { facilitate, project, resumeSeat, resumeSolo } from "../net/connect";
import type { Session } from "../net/session";
import { storage } from "../net/storage";
import { confirmDialog } from "../ui/confirmDialog";
import { Toasts, type ToastKind } from "../ui/toasts";
import { TopBar } from "../ui/topbar";
import { readStartParams, type StartParams } from "../viewmodels/home";
import { routeFor } from "../viewmodels/route";
import { scenarioTitle } from "../viewmodels/scenarioTitle";
import type { BoardTab } from "../viewmodels/layout";
import { errorKey } from "../viewmodels/errors";
import { Emitter } from "./emitter";
import type { RenderGovernor } from "./governor";
import { DebriefStore } from "./insights";
import { RoomSound } from "../sound/sound";
import { LoadingNotice } from "../ui/loadingNotice";

/** A screen fetched when first shown (scenes/lazy.ts). */
export type SceneLoader = () => Promise<new () => Phaser.Scene>;

export interface UiState {
  wantsDebrief: boolean;
  preferBoard: boolean;
  tab: BoardTab;
}

type AppEvents = {
  view: [];
  language: [Language];
  session: [];
};

export class App {
  session: Session | null = null;
  readonly ui: UiState = { wantsDebrief: false, preferBoard: false, tab: "decide" };
  readonly events = new Emitter<AppEvents>();
  readonly toasts = new Toasts();
  /** The debrief's log and attribution, shared by the screens that show them. */
  readonly debrief = new DebriefStore();
  readonly topbar: TopBar;
  /** The room's sound cues (boards and projector only; off until chosen there). */
  readonly sound: RoomSound;
  readonly start: StartParams;
  game: Phaser.Game | null = null;
  governor: RenderGovernor | null = null;
  /** Screens not in the game until first shown (main.ts sets them). */
  lazyScenes: Partial<Record<SceneKey, SceneLoader>> = {};
  private current: SceneKey | null = null;
  /** No screen shows before the boot scene has loaded the icons and the resume has settled. */
  private isBooted = false;
  private resumed = false;
  /** The screen the route asks for: `current` once it has loaded. */
  private wanted: SceneKey | null = null;
  private readonly loading = new Map<SceneKey, Promise<void>>();
  /** Screens whose chunk could not be fetched: the browser keeps that failure for this page. */
  private readonly unavailable = new Set<SceneKey>();
  private readonly loadingNotice = new LoadingNotice();
  private offSession: (() => void)[] = [];

  constructor(readonly overlay: HTMLElement) {
    this.topbar = new TopBar(
      (language) => this.setLanguage(language),
      () => void this.leaveAsked(),
      () => this.sound.toggle(),
    );
    this.sound = new RoomSound(({ shown, on }) =>
      this.topbar.update({ sound: shown ? { on } : null }),
    );
    this.start = readStartParams(window.location.search, window.location.hash);
    // The private facilitator link carries a token: keep it, then wipe it from the address bar
    // so it never ends up on the projector or in a screenshot.
    if (this.start.code && this.start.facilitatorToken) {
      storage.saveFacilitatorToken(this.start.code, this.start.facilitatorToken);
      window.history.replaceState(null, "", `/?code=${encodeURIComponent(this.start.code)}`);
    }
  }

  /** Keeps the render loop awake while an animation plays; call the result when it ends. */
  hold(): () => void {
    return this.governor?.hold() ?? (() => undefined);
  }

  /** Asks for frames: the render loop sleeps when nothing changes. */
  wake(ms?: number): void {
    this.governor?.wake(ms);
  }

  get scene(): SceneKey | null {
    return this.current;
  }

  /** `remember`: an explicit choice, kept for next time and never overridden by a room. */
  setLanguage(language: Language, remember = true): void {
    if (remember) storage.saveLanguage(language);
    setLanguage(language);
    this.topbar.render();
    this.refreshChrome();
    this.events.emit("language", language);
  }

  notify(key: MessageKey, kind: ToastKind = "info", params?: Params): void {
    this.toasts.show(t(key, params), kind);
  }

  fail(error: unknown): void {
    this.notify(errorKey(error), "error");
  }

  /**
   * Resumes whatever this browser was doing (a seat, a console, a solo game). Called as the page
   * starts, so the connection is made while Phaser boots and loads the icons; the first screen
   * shows once both are done (`booted`).
   */
  async resume(): Promise<void> {
    try {
      await this.reconnect();
    } finally {
      this.resumed = true;
      this.route();
    }
  }

  /** The boot scene has loaded what every screen draws with: screens may show from now on. */
  booted(): void {
    this.isBooted = true;
    this.route();
  }

  private async reconnect(): Promise<void> {
    const { code, projector } = this.start;
    try {
      if (code && projector) return this.adopt(await project(code));
      const token = code ? storage.facilitatorToken(code) : null;
      if (code && token) return this.adopt(await facilitate(code, token));
      const seat = code ? storage.seat(code) : null;
      if (seat) return this.adopt(await resumeSeat(seat));
    } catch (error) {
      this.fail(error);
    }
    // A reload in the middle of a solo game: this tab picks it up silently.
    const current = code ? null : storage.currentSolo();
    const solo = current ? storage.soloGame(current) : null;
    if (solo) {
      try {
        return this.adopt(await resumeSolo(solo));
      } catch {
        // The game has gone (or the server is away): the home screen lists what is left.
        storage.saveCurrentSolo(null);
      }
    }
  }

  adopt(session: Session): void {
    for (const off of this.offSession) off();
    this.session = session;
    this.ui.wantsDebrief = false;
    this.ui.preferBoard = false;
    this.ui.tab = "decide";
    // A workshop speaks its facilitator's language unless this browser chose one.
    const language = session.view?.language;
    if (language && !storage.language() && language !== getLanguage()) {
      this.setLanguage(language, false);
    }
    this.offSession = [
      session.on("change", () => {
        this.refreshChrome();
        this.route();
        if (session.view) this.sound.follow(session, session.view);
        this.events.emit("view");
      }),
      session.on("error", (key) => this.notify(key, "error")),
      session.on("status", (status, retryInMs, moving) => {
        this.topbar.update({ status, retryInMs, moving });
        window.__elan?.statusLog.push(status);
        if (status === "connected") this.notify("net.reconnected", "success");
      }),
    ];
    this.refreshChrome();
    this.topbar.update({ status: session.status, retryInMs: 0, moving: false });
    // The address bar says where we are, so a reload comes back to the same seat.
    const { role, code } = session.identity;
    if (role !== "solo") {
      const suffix = role === "projector" ? "&view=projector" : "";
      window.history.replaceState(null, "", `/?code=${encodeURIComponent(code)}${suffix}`);
    }
    this.route();
    this.events.emit("session");
    this.events.emit("view");
  }

  /**
   * The top bar's "leave": a solo game still running asks first (a stray click should not drop
   * the learner out of it; it stays resumable, and the question says so).
   */
  async leaveAsked(): Promise<void> {
    const view = this.session?.view;
    if (this.session?.identity.role === "solo" && view && view.phase !== "ended") {
      const go = await confirmDialog({
        title: t("solo.leave.title"),
        text: t("solo.leave.text"),
        confirm: t("solo.leave.confirm"),
        cancel: t("common.cancel"),
        testId: "confirm-leave",
      });
      if (!go) return;
    }
    await this.leave();
  }

  async leave(): Promise<void> {
    const session = this.session;
    for (const off of this.offSession) off();
    this.offSession = [];
    this.session = null;
    // Leaving a solo game on purpose: a reload shows the home screen (the game stays listed).
    storage.saveCurrentSolo(null);
    this.topbar.update({ code: null, subtitle: "", status: null });
    if (session) await session.leave();
    window.history.replaceState(null, "", "/");
    this.route();
  }

  private refreshChrome(): void {
    const view = this.session?.view;
    if (!view) return;
    const scenario = findScenario(view.scenarioId);
    const role = this.session?.identity.role;
    this.topbar.update({
      code: view.kind === "workshop" && role !== "projector" ? view.code : null,
      subtitle: scenario ? scenarioTitle(getLanguage(), scenario, view.turnsTotal) : "",
    });
  }

  route(): void {
    if (!this.isBooted || !this.resumed) return;
    const session = this.session;
    const key = routeFor({
      connected: session !== null && session.view !== null,
      role: session?.identity.role ?? null,
      phase: session?.view?.phase ?? null,
      preferBoard: this.ui.preferBoard,
      wantsDebrief: this.ui.wantsDebrief,
    });
    this.show(key);
  }

  show(key: SceneKey): void {
    const game = this.game;
    if (!game) return;
    this.wanted = key;
    if (key === this.current) {
      this.loadingNotice.hide();
      return;
    }
    if (game.scene.getScene(key)) {
      this.switchTo(game, key);
      return;
    }
    if (this.unavailable.has(key)) return;
    // Until its chunk arrives the current screen stays, with a notice if that takes a while.
    this.loadingNotice.show(t("loading.screen"));
    void this.load(game, key).then(
      () => {
        if (this.wanted === key) this.switchTo(game, key);
      },
      (error: unknown) => {
        console.error(`Loading the ${key} screen failed:`, error);
        // A failed module fetch stays failed in this page (the module map keeps it): say so
        // once, and leave the reload to the person.
        this.unavailable.add(key);
        if (this.wanted !== key) return;
        this.loadingNotice.hide();
        this.wanted = this.current;
        this.toasts.show(t("loading.failed"), "error", 15_000);
      },
    );
  }

  /** Fetches a lazy screen's chunk once and adds the scene to the game (not started). */
  private load(game: Phaser.Game, key: SceneKey): Promise<void> {
    let pending = this.loading.get(key);
    if (!pending) {
      const loader = this.lazyScenes[key];
      if (!loader) return Promise.reject(new Error(`No scene ${key}.`));
      pending = loader().then((scene) => {
        if (!game.scene.getScene(key)) game.scene.add(key, scene, false);
      });
      this.loading.set(key, pending);
    }
    return pending;
  }

  private switchTo(game: Phaser.Game, key: SceneKey): void {
    this.loadingNotice.hide();
    this.wake();
    game.scene.stop(this.current ?? SCENES.boot);
    this.current = key;
    document.body.dataset.scene = key;
    game.scene.start(key);
  }

  language(): Language {
    return getLanguage();
  }
}

export const APP_REGISTRY_KEY = "app";
export { SCENES };
