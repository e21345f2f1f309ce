/**
 * What every screen shares: access to the app, a DOM panel mounted over the canvas for the
 * scene's lifetime, subscriptions dropped at shutdown, and a redraw coalesced to one per frame
 * whatever triggered it (state patch, language switch, window resize).
 */
import Phaser from "phaser";
import { APP_REGISTRY_KEY, type App } from "../app/app";
import type { SceneKey } from "../constants";
import { COLORS } from "../theme";
import { getLanguage } from "../i18n/index";
import type { SoundScreen } from "../sound/sound";
import type { RevealPlayer } from "./revealPlayer";
import { RevealWatcher } from "./revealWatcher";

export abstract class BaseScene extends Phaser.Scene {
  protected app!: App;
  protected root!: Phaser.GameObjects.Container;
  protected panel: HTMLElement | null = null;
  private offs: (() => void)[] = [];
  private dirty = true;
  private clockTimer: number | undefined;
  private expired = false;

  constructor(key: SceneKey) {
    super({ key });
  }

  create(): void {
    this.app = this.registry.get(APP_REGISTRY_KEY) as App;
    this.cameras.main.setBackgroundColor(COLORS.background);
    this.root = this.add.container(0, 0);
    this.dirty = true;
    this.offs = [
      this.app.events.on("view", () => this.invalidate()),
      this.app.events.on("language", () => {
        this.onLanguage();
        this.invalidate();
      }),
    ];
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    // A running clock needs a frame now and then even when nobody touches anything, and the
    // countdown reaching zero redraws the screen (the reveal follows from the server).
    this.expired = false;
    this.clockTimer = window.setInterval(() => {
      if (this.needsClock()) this.app.wake(150);
      const expired = this.timerExpired();
      if (expired !== this.expired) {
        this.expired = expired;
        this.invalidate();
      }
    }, 500);
    this.setup();
  }

  /** Once per scene start: DOM panels, keyboard. */
  protected setup(): void {}
  /** Redraws the canvas part from the current state (the root container is emptied first). */
  protected abstract draw(width: number, height: number): void;
  /** Rebuild DOM text on a language switch. */
  protected onLanguage(): void {}
  /** Every frame, after any redraw: timers and animations. */
  protected tick(_time: number): void {}
  /** Whether a clock on screen must keep ticking while the render loop would sleep. */
  protected needsClock(): boolean {
    const view = this.app.session?.view;
    return !!view && view.phase === "decision" && view.deadline > 0 && !view.paused;
  }

  /**
   * The room's moments on a screen that shows them (a board, the projector): `reveal` plays a
   * quarter this screen saw resolve, `mine` is the team it speaks for and `scale` its type size;
   * the sound follows the countdown. Stopped with the scene.
   */
  protected playMoments(
    screen: SoundScreen,
    reveal: RevealPlayer,
    mine: () => string | null,
    scale: () => number,
  ): void {
    const watcher = new RevealWatcher(reveal);
    const watch = () => {
      const session = this.app.session;
      const view = session?.view;
      if (!session || !view) return;
      watcher.update(session, view, getLanguage(), mine(), () => ({
        width: this.scale.width,
        height: this.scale.height,
        scale: scale(),
      }));
    };
    this.keep(() => reveal.stop());
    this.app.sound.attach(screen, () => this.remainingMs());
    this.keep(() => this.app.sound.detach());
    this.keep(this.app.events.on("view", watch));
    watch();
  }

  /** What the decision's countdown has left (null when none runs): the sound's last ten seconds. */
  protected remainingMs(): number | null {
    const session = this.app.session;
    const view = session?.view;
    if (!session || !view || !this.needsClock()) return null;
    return view.deadline - session.serverNow();
  }

  /** Whether the decision timer has run out on the server's clock (and the phase not moved yet). */
  private timerExpired(): boolean {
    const session = this.app.session;
    const view = session?.view;
    if (!session || !view || !this.needsClock()) return false;
    return session.serverNow() >= view.deadline;
  }

  protected invalidate(): void {
    this.dirty = true;
    this.app.wake();
  }

  private onResize(): void {
    this.invalidate();
  }

  protected mountPanel(panel: HTMLElement): void {
    this.unmountPanel();
    this.panel = panel;
    this.app.overlay.appendChild(panel);
  }

  protected unmountPanel(): void {
    this.panel?.remove();
    this.panel = null;
  }

  /** Adds a subscription that ends with the scene. */
  protected keep(off: () => void): void {
    this.offs.push(off);
  }

  override update(time: number): void {
    if (this.dirty) {
      this.dirty = false;
      this.root.removeAll(true);
      this.draw(this.scale.width, this.scale.height);
      const hooks = window.__elan;
      if (hooks) {
        const phase = this.app.session?.view?.phase ?? "";
        hooks.drawn = { scene: this.scene.key, phase, at: performance.now() };
      }
    }
    this.tick(time);
  }

  private teardown(): void {
    window.clearInterval(this.clockTimer);
    for (const off of this.offs) off();
    this.offs = [];
    this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.root.removeAll(true);
    this.unmountPanel();
  }
}
