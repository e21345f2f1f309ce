/**
 * Sound for the screens that have it (a board, the projector): off until this browser turns it
 * on for that screen (remembered), one toggle in the top bar while such a screen shows. The
 * cues follow the room's state (viewmodels/cues.ts decides when); this module only makes the
 * noise, and is silent — never an error — when muted or where Web Audio is missing.
 */
import type { ClientView } from "../net/normalize";
import { storage } from "../net/storage";
import { countdownCue, stateCues, type Cue, type CueState } from "../viewmodels/cues";
import { submissions } from "../viewmodels/facilitator";
import { playCue } from "./synth";

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | null {
  const w = window as Window & {
    AudioContext?: AudioContextClass;
    webkitAudioContext?: AudioContextClass;
  };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

/** A screen that plays sound: its preference is kept apart (a projector is not a board). */
export type SoundScreen = "projector" | "board";

export class RoomSound {
  private screen: SoundScreen | null = null;
  private enabled = false;
  private context: AudioContext | null = null;
  private last: CueState | null = null;
  private lastRemaining: number | null = null;
  private lastRoom: unknown = null;
  private ticker: number | undefined;

  constructor(private readonly onChange: (state: { shown: boolean; on: boolean }) => void) {}

  get on(): boolean {
    return this.enabled;
  }

  /**
   * A screen with sound shows: its toggle appears, with its remembered choice. `remaining` says
   * how long the running decision has left (null: no countdown running), read 5 times a second
   * so the last ten seconds tick on time even while the render loop sleeps.
   */
  attach(screen: SoundScreen, remaining: () => number | null): void {
    this.detach();
    this.screen = screen;
    this.ticker = window.setInterval(() => this.countdown(remaining()), 200);
    this.enabled = storage.soundOn(screen);
    this.last = null;
    this.lastRemaining = null;
    this.report();
    this.onChange({ shown: true, on: this.enabled });
  }

  detach(): void {
    window.clearInterval(this.ticker);
    this.ticker = undefined;
    this.screen = null;
    this.onChange({ shown: false, on: false });
  }

  /** The toggle: a user's gesture, so the audio context may start here. */
  toggle(): void {
    if (!this.screen) return;
    this.enabled = !this.enabled;
    storage.saveSound(this.screen, this.enabled);
    if (this.enabled) this.audio();
    this.report();
    this.onChange({ shown: true, on: this.enabled });
  }

  /** Every new room view: the cues it calls for. */
  follow(room: unknown, view: ClientView): void {
    if (!this.screen) return;
    if (room !== this.lastRoom) {
      this.lastRoom = room;
      this.last = null;
      this.lastRemaining = null;
    }
    const subs = submissions(view);
    const next: CueState = {
      phase: view.phase,
      turn: view.turn,
      submitted: subs.submitted,
      teams: subs.total,
    };
    for (const cue of stateCues(this.last, next)) this.play(cue);
    this.last = next;
  }

  private countdown(remainingMs: number | null): void {
    if (!this.screen) return;
    if (remainingMs === null) {
      this.lastRemaining = null;
      return;
    }
    const cue = countdownCue(this.lastRemaining, remainingMs);
    this.lastRemaining = remainingMs;
    if (cue) this.play(cue);
  }

  private audio(): AudioContext | null {
    if (!this.context) {
      const Context = audioContextClass();
      if (!Context) return null;
      try {
        this.context = new Context();
      } catch {
        return null;
      }
    }
    // Browsers start a context suspended until a gesture; resuming later is harmless.
    if (this.context.state === "suspended") void this.context.resume().catch(() => undefined);
    return this.context;
  }

  private play(cue: Cue): void {
    const hooks = window.__elan;
    const context = this.enabled ? this.audio() : null;
    if (context) {
      try {
        playCue(context, cue);
      } catch {
        // A browser refusing a node must not break the screen: the cue is only a cue.
      }
    }
    if (hooks?.sound) (context ? hooks.sound.played : hooks.sound.muted).push(cue);
  }

  private report(): void {
    const hooks = window.__elan;
    if (!hooks) return;
    hooks.sound = {
      enabled: this.enabled,
      played: hooks.sound?.played ?? [],
      muted: hooks.sound?.muted ?? [],
    };
  }
}
