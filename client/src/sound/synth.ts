/**
 * The room's cues, synthesised with the Web Audio API: a few oscillators under short envelopes,
 * nothing fetched. Quiet by design (a projector's speakers are loud in a small room).
 */
import type { Cue } from "../viewmodels/cues";

interface Note {
  /** Hz. */
  frequency: number;
  /** Seconds after the cue starts. */
  at: number;
  /** Seconds the note rings (its exponential decay). */
  length: number;
  type: OscillatorType;
  gain: number;
}

/** The notes of each cue: a rising arpeggio, a two-tone bell, a short tick. */
export const CUE_NOTES: Record<Cue, readonly Note[]> = {
  // C5, E5, G5, C6: the results are in.
  reveal: [523.25, 659.25, 783.99, 1046.5].map((frequency, i) => ({
    frequency,
    at: i * 0.09,
    length: i === 3 ? 0.6 : 0.3,
    type: "triangle" as const,
    gain: 0.16,
  })),
  // A bell's fundamental and a fifth above: every team has decided.
  allSubmitted: [
    { frequency: 880, at: 0, length: 0.9, type: "sine", gain: 0.14 },
    { frequency: 1318.5, at: 0, length: 0.6, type: "sine", gain: 0.07 },
    { frequency: 1760, at: 0.12, length: 0.7, type: "sine", gain: 0.06 },
  ],
  tick: [{ frequency: 1200, at: 0, length: 0.05, type: "square", gain: 0.05 }],
};

/** Schedules `cue` on `context` from now. */
export function playCue(context: AudioContext, cue: Cue): void {
  const start = context.currentTime + 0.01;
  for (const note of CUE_NOTES[cue]) {
    const osc = context.createOscillator();
    const env = context.createGain();
    osc.type = note.type;
    osc.frequency.value = note.frequency;
    const t0 = start + note.at;
    // A 5 ms attack avoids the click of a note starting at full volume.
    env.gain.setValueAtTime(0.0001, t0);
    env.gain.exponentialRampToValueAtTime(note.gain, t0 + 0.005);
    env.gain.exponentialRampToValueAtTime(0.0001, t0 + note.length);
    osc.connect(env).connect(context.destination);
    osc.start(t0);
    osc.stop(t0 + note.length + 0.02);
  }
}
