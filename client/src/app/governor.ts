/**
 * The render governor: a board mostly waits for people, so the render loop sleeps when nothing
 * moves, which keeps phones cool and projector laptops quiet.
 *
 * Sleeping is decided by what was drawn, not by a time window alone. Every wake (input, a state
 * change, a clock tick) owes at least one rendered frame, and the loop may only sleep once a
 * frame has been rendered after the last wake. A browser produces no frames while the page is
 * hidden or occluded (a locked phone, a window behind another): a state change arriving then
 * (the timer running out, the reveal) used to be marked for redraw, the wake window ran out with
 * no frame drawn, the loop went to sleep, and the board showed the old phase until the next
 * mouse move. Now the debt survives until a frame is really drawn, and the page becoming visible
 * wakes the loop as well.
 */

/** What the governor needs of a Phaser.Game (kept structural so it is testable without one). */
export interface GovernedGame {
  readonly isRunning: boolean;
  readonly loop: { sleep(): void; wake(): void };
  readonly events: { on(event: "prestep" | "postrender", listener: () => void): unknown };
}

const INPUT_EVENTS = [
  "pointerdown",
  "pointermove",
  "pointerup",
  "keydown",
  "wheel",
  "touchstart",
  "resize",
  "focus",
  "pageshow",
] as const;

export class RenderGovernor {
  private awakeUntil = 0;
  private sleeping = false;
  /**
   * Steps begun and frames rendered so far. A wake is settled by a step that began after it (a
   * wake from inside a step, while the scene is drawing, needs the next one) and was rendered.
   */
  private begun = 0;
  private rendered = 0;
  private owed = 0;
  /** Animations playing (the reveal): the loop stays awake until each has let go. */
  private holds = 0;

  constructor(
    private readonly game: GovernedGame,
    private readonly idleMs = 400,
  ) {
    const wake = () => this.wake();
    for (const type of INPUT_EVENTS) {
      window.addEventListener(type, wake, { passive: true, capture: true });
    }
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState !== "hidden") this.wake();
    });
    game.events.on("prestep", () => {
      this.begun++;
    });
    game.events.on("postrender", () => {
      this.rendered = this.begun;
    });
    window.setInterval(() => this.check(), 200);
    this.wake();
  }

  /** Keeps the loop running for at least `ms` more, and until one more frame has been drawn. */
  wake(ms = this.idleMs): void {
    this.awakeUntil = Math.max(this.awakeUntil, performance.now() + ms);
    this.owed = this.begun + 1;
    if (this.sleeping) {
      this.sleeping = false;
      this.game.loop.wake();
    }
  }

  /**
   * Keeps the loop awake until the returned release is called (once; later calls do nothing).
   * An animation driven by tweens produces no input and no state change while it plays, so
   * without this the loop would fall asleep mid-sequence and freeze it.
   */
  hold(): () => void {
    this.holds++;
    this.wake();
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.holds--;
      // One more frame draws the animation's end state before the loop may sleep.
      this.wake();
    };
  }

  /** Whether the loop is asleep (tests and the bench read it). */
  get asleep(): boolean {
    return this.sleeping;
  }

  private check(): void {
    if (this.sleeping || !this.game.isRunning || this.holds > 0) return;
    if (performance.now() <= this.awakeUntil || this.rendered < this.owed) return;
    this.sleeping = true;
    this.game.loop.sleep();
  }
}
