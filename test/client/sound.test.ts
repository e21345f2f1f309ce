/**
 * The sound module: silent until a screen turns it on (remembered per screen), the cues the room
 * state calls for reach Web Audio only when on, and nothing breaks where Web Audio is missing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RoomSound } from "../../client/src/sound/sound";
import { CUE_NOTES } from "../../client/src/sound/synth";
import type { TestHooks } from "../../client/src/testHooks";
import { playedGame, viewFromGame } from "./fixtures";

class FakeStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** Records the oscillators a cue starts. */
class FakeAudioContext {
  static started: number[] = [];
  state = "running";
  currentTime = 0;
  destination = {};
  resume = async () => undefined;
  createOscillator() {
    const osc = {
      type: "",
      frequency: { value: 0 },
      connect: (node: unknown) => node,
      start: () => FakeAudioContext.started.push(osc.frequency.value),
      stop: () => undefined,
    };
    return osc;
  }
  createGain() {
    const ramp = () => undefined;
    return {
      gain: { setValueAtTime: ramp, exponentialRampToValueAtTime: ramp },
      connect: (node: unknown) => node,
    };
  }
}

let hooks: Partial<TestHooks>;
const decision = viewFromGame(playedGame(2), { phase: "decision" });
const results = viewFromGame(playedGame(3), { phase: "results" });

function stubWindow(withAudio: boolean): void {
  hooks = { sound: null };
  vi.stubGlobal("localStorage", new FakeStorage());
  vi.stubGlobal("window", {
    __elan: hooks,
    setInterval: () => 0,
    clearInterval: () => undefined,
    ...(withAudio ? { AudioContext: FakeAudioContext } : {}),
  });
}

beforeEach(() => {
  FakeAudioContext.started = [];
});
afterEach(() => vi.unstubAllGlobals());

describe("room sound", () => {
  it("is off until chosen: cues are only noted, no oscillator starts", () => {
    stubWindow(true);
    const shown: { shown: boolean; on: boolean }[] = [];
    const sound = new RoomSound((s) => shown.push(s));
    sound.attach("board", () => null);
    expect(shown.at(-1)).toEqual({ shown: true, on: false });
    sound.follow("room", decision);
    sound.follow("room", results);
    expect(FakeAudioContext.started).toEqual([]);
    expect(hooks.sound).toMatchObject({ enabled: false, played: [], muted: ["reveal"] });
  });

  it("plays the reveal's notes once turned on, and remembers the choice per screen", () => {
    stubWindow(true);
    const sound = new RoomSound(() => undefined);
    sound.attach("projector", () => null);
    sound.toggle();
    sound.follow("room", decision);
    sound.follow("room", results);
    expect(FakeAudioContext.started).toEqual(CUE_NOTES.reveal.map((n) => n.frequency));
    expect(hooks.sound?.played).toEqual(["reveal"]);
    const again = new RoomSound(() => undefined);
    again.attach("projector", () => null);
    expect(again.on).toBe(true);
    again.attach("board", () => null);
    expect(again.on).toBe(false);
    sound.detach();
    sound.follow("room", decision); // detached: nothing follows
    expect(hooks.sound?.played).toEqual(["reveal"]);
  });

  it("stays silent, without an error, where Web Audio is missing", () => {
    stubWindow(false);
    const sound = new RoomSound(() => undefined);
    sound.attach("projector", () => null);
    sound.toggle();
    expect(sound.on).toBe(true);
    expect(() => {
      sound.follow("room", decision);
      sound.follow("room", results);
    }).not.toThrow();
    expect(hooks.sound).toMatchObject({ played: [], muted: ["reveal"] });
  });

  it("starts each screen afresh: a first view after attaching is no news", () => {
    stubWindow(true);
    const sound = new RoomSound(() => undefined);
    sound.attach("projector", () => null);
    sound.toggle();
    sound.follow("room", results);
    sound.follow("other room", results);
    expect(hooks.sound?.played).toEqual([]);
  });
});
