/**
 * The render governor with a fake game loop, a fake page and fake timers: the loop may sleep only
 * once a frame has been drawn after the last wake, whatever the browser's frame rate.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RenderGovernor } from "../../client/src/app/governor";

type Listener = () => void;

class FakeTarget {
  readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string): void {
    for (const l of this.listeners.get(type) ?? []) l();
  }
}

/** A Phaser-like loop: while awake and the page is visible, a frame every 33 ms. */
class FakeGame {
  readonly isRunning = true;
  running = true;
  visible = true;
  readonly hooks = new FakeTarget();
  readonly events = { on: (event: string, l: Listener) => this.hooks.addEventListener(event, l) };
  readonly loop = {
    sleep: () => {
      this.running = false;
    },
    wake: () => {
      this.running = true;
    },
  };
  frames = 0;
  /** Called by the test's frame clock. */
  frame(): void {
    if (!this.running || !this.visible) return;
    this.hooks.dispatch("prestep");
    this.frames++;
    this.hooks.dispatch("postrender");
  }
}

let page: FakeTarget;
let doc: FakeTarget & { visibilityState: string };
let game: FakeGame;

beforeEach(() => {
  vi.useFakeTimers();
  page = new FakeTarget();
  doc = Object.assign(new FakeTarget(), { visibilityState: "visible" });
  vi.stubGlobal("window", Object.assign(page, { setInterval }));
  vi.stubGlobal("document", doc);
  vi.stubGlobal("performance", { now: () => Date.now() });
  game = new FakeGame();
  setInterval(() => game.frame(), 33);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the render governor", () => {
  it("sleeps when idle and wakes on input", () => {
    const governor = new RenderGovernor(game);
    vi.advanceTimersByTime(1000);
    expect(game.running).toBe(false);
    expect(governor.asleep).toBe(true);
    page.dispatch("pointermove");
    expect(game.running).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(game.running).toBe(false);
  });

  it("keeps a wake asked while no frame can be drawn until one is (hidden page)", () => {
    const governor = new RenderGovernor(game);
    vi.advanceTimersByTime(1000);
    expect(game.running).toBe(false);
    // The page is hidden (phone locked, window covered) when the timer runs out on the server.
    game.visible = false;
    const before = game.frames;
    governor.wake();
    vi.advanceTimersByTime(5000);
    expect(game.frames).toBe(before);
    expect(game.running).toBe(true);
    // Back in view: the owed frame is drawn, then the loop may rest.
    game.visible = true;
    doc.dispatch("visibilitychange");
    vi.advanceTimersByTime(100);
    expect(game.frames).toBeGreaterThan(before);
    vi.advanceTimersByTime(1000);
    expect(game.running).toBe(false);
  });

  it("wakes when the page becomes visible again", () => {
    new RenderGovernor(game);
    vi.advanceTimersByTime(1000);
    expect(game.running).toBe(false);
    doc.visibilityState = "visible";
    doc.dispatch("visibilitychange");
    expect(game.running).toBe(true);
  });

  it("needs a frame begun after a wake made from inside a frame", () => {
    const governor = new RenderGovernor(game, 0);
    vi.advanceTimersByTime(1000);
    // A wake from inside a long step (a scene invalidating while it draws): that step's own
    // render does not settle it; the next one does.
    game.running = true;
    game.visible = false;
    game.hooks.dispatch("prestep");
    governor.wake(0);
    game.hooks.dispatch("postrender");
    vi.advanceTimersByTime(400);
    expect(governor.asleep).toBe(false);
    game.visible = true;
    vi.advanceTimersByTime(400);
    expect(governor.asleep).toBe(true);
  });

  it("stays awake for as long as an animation holds it, then may sleep", () => {
    const governor = new RenderGovernor(game);
    vi.advanceTimersByTime(1000);
    expect(governor.asleep).toBe(true);
    const release = governor.hold();
    const other = governor.hold();
    expect(game.running).toBe(true);
    const before = game.frames;
    vi.advanceTimersByTime(6000); // a whole reveal with no input and no state change
    expect(governor.asleep).toBe(false);
    expect(game.frames - before).toBeGreaterThan(150);
    release();
    release(); // a second call must not release the other hold
    vi.advanceTimersByTime(1000);
    expect(governor.asleep).toBe(false);
    other();
    vi.advanceTimersByTime(1000);
    expect(governor.asleep).toBe(true);
  });
});
