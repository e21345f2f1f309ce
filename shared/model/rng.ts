/**
 * Seeded random streams (Alea, from seedrandom: pure double arithmetic, identical in Node and
 * browsers). One stream per purpose (and per team where the draws are a team's own), each
 * drawing a fixed number of values per quarter, so that a team's choices never shift anyone's
 * later draws: common random numbers make what-if branches and luck bands meaningful.
 *
 * A stream's state is four numbers, saved in the game state after every quarter, so a saved
 * game resumes with exactly the draws it would have had. Seeding costs microseconds while a draw
 * costs nanoseconds, which is why streams live for a whole game rather than one per quarter.
 */
import seedrandom from "seedrandom";

export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export type StreamPurpose = "moment" | "events" | "buzz" | "bot";

export interface Stream {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in (0, 1]: safe to divide by or take the square root of. Always `1 − next()`. */
  nextPositive(): number;
  /** `count` numbers of `next()` in a row, into `out[0, count)`: a quarter's draws in one call. */
  fill(out: Float64Array, count: number): void;
  state(): RngState;
}

export function streamKey(
  seed: string,
  purpose: StreamPurpose,
  ...parts: (string | number)[]
): string {
  // Concatenated rather than joined from an array: every fast-path game builds three keys.
  let key = `${seed}:${purpose}`;
  for (const part of parts) key += `:${part}`;
  return key;
}

type Alea = seedrandom.PRNG & { state?: () => seedrandom.State.Alea };

/** A live generator as a Stream. A class, so opening a stream builds no closures of its own. */
class AleaStream implements Stream {
  constructor(private readonly prng: Alea) {}

  next(): number {
    return this.prng();
  }

  nextPositive(): number {
    return 1 - this.prng();
  }

  fill(out: Float64Array, count: number): void {
    const prng = this.prng;
    for (let i = 0; i < count; i++) out[i] = prng();
  }

  state(): RngState {
    if (!this.prng.state) throw new Error("A stream opened only to draw has no state to save.");
    const s = this.prng.state();
    return { c: s.c, s0: s.s0, s1: s.s1, s2: s.s2 };
  }
}

export function openStream(key: string): Stream {
  return new AleaStream(seedrandom.alea(key, { state: true }));
}

/**
 * The streams a game opens together, to be drawn from and never saved (the fast path): the same
 * numbers as `openStream`'s, without the state accessor seedrandom builds for each saved one.
 */
export function openStreams(keys: readonly string[]): Stream[] {
  return keys.map((key) => new AleaStream(seedrandom.alea(key)));
}

export function resumeStream(state: RngState): Stream {
  return new AleaStream(seedrandom.alea("", { state: { ...state } }));
}
