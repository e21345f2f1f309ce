/**
 * Chance, as a whole room meets it: the shared moment and the scenario's events of each quarter,
 * and every team's buzz stream.
 *
 * Counterfactual analyses (attribution, best changes) replay one room hundreds of times under the
 * *same* draws. Every stream draws a fixed number of values per quarter whatever the choices
 * (MODEL.md determinism rules), so the draws can be recorded once, on the run as played, and read
 * back from a tape: reading a number costs nothing where re-seeding three streams per team costs
 * microseconds, and any quarter can be replayed on its own (a branch starts mid-game with no
 * stream to fast-forward). Tape values are the streams' raw outputs, so replays are bit-identical.
 */
import type { EventId } from "../model/events";
import { drawMoment as momentOf, eventsForTeam, scheduledEvents as eventsOf } from "../model/game";
import { openStreams, streamKey, type RngState, type Stream } from "../model/rng";
import type { InjectedEvent, Scenario } from "../model/types";

/**
 * What one quarter draws for the room. Index = the team's position in the room. A live source
 * hands out one object for the whole game (`events` refilled each quarter): read it before asking
 * for the next quarter, and copy what you keep.
 */
export interface QuarterDraws {
  moment: number;
  events: readonly (readonly EventId[])[];
  buzz: readonly Stream[];
}

/** Draws of quarter q (1-based). Live sources must be asked in order, each quarter once. */
export type DrawSource = (quarter: number) => QuarterDraws;

/**
 * Where a replay gets its draws: `resolved(q)` is told once quarter q has been resolved (so a
 * tape can check the quarter read what was recorded).
 */
export interface Chance {
  draws(quarter: number): QuarterDraws;
  resolved(quarter: number): void;
}

const NO_INJECTED: readonly InjectedEvent[] = [];

// Module-level copies of the helpers called every quarter: a transpiled import is re-read
// through a getter on every call (as in model/dynamics.ts).
const drawMoment = momentOf;
const scheduledEvents = eventsOf;

function teamEvents(
  scheduled: readonly EventId[],
  injected: readonly InjectedEvent[],
  teamId: string,
): readonly EventId[] {
  // Without injected events every team meets the scheduled list itself: no copy per team.
  return injected.length > 0 ? eventsForTeam(scheduled, injected, teamId) : scheduled;
}

/**
 * Fresh streams for one seed, as `createGame` opens them: the luck band plays each seed once.
 * `injected[q − 1]` are the facilitator's events of quarter q.
 */
export function liveDraws(
  scenario: Scenario,
  seed: string,
  teamIds: readonly string[],
  injected: readonly (readonly InjectedEvent[])[] = [],
): DrawSource {
  // Draw-only streams: the fast path and the tapes never save a generator's state.
  const streams = openStreams([
    streamKey(seed, "moment"),
    streamKey(seed, "events"),
    ...teamIds.map((id) => streamKey(seed, "buzz", id)),
  ]);
  const moment = streams[0] as Stream;
  const events = streams[1] as Stream;
  const buzz = streams.slice(2);
  const draws = { moment: 0, events: new Array<readonly EventId[]>(teamIds.length), buzz };
  return (quarter) => {
    draws.moment = drawMoment(moment);
    const scheduled = scheduledEvents(scenario, events, quarter);
    const inj = injected[quarter - 1] ?? NO_INJECTED;
    for (let t = 0; t < teamIds.length; t++) {
      draws.events[t] = teamEvents(scheduled, inj, teamIds[t] as string);
    }
    return draws;
  };
}

/** Reads one team's recorded buzz draws back, from a position set per quarter. */
class TapeStream implements Stream {
  cursor = 0;
  constructor(private readonly tape: number[]) {}
  next(): number {
    return this.tape[this.cursor++] as number;
  }
  nextPositive(): number {
    // The live stream's nextPositive is 1 − next(): the same arithmetic on the same raw number.
    return 1 - (this.tape[this.cursor++] as number);
  }
  fill(out: Float64Array, count: number): void {
    for (let i = 0; i < count; i++) out[i] = this.tape[this.cursor++] as number;
  }
  state(): RngState {
    throw new Error("A tape stream has no generator state to save.");
  }
}

/** Forwards a live stream and keeps every raw number it hands out. */
class RecordingStream implements Stream {
  constructor(
    private readonly live: Stream,
    readonly tape: number[],
  ) {}
  next(): number {
    const u = this.live.next();
    this.tape.push(u);
    return u;
  }
  nextPositive(): number {
    const u = this.live.next();
    this.tape.push(u);
    return 1 - u;
  }
  fill(out: Float64Array, count: number): void {
    this.live.fill(out, count);
    for (let i = 0; i < count; i++) this.tape.push(out[i] as number);
  }
  state(): RngState {
    return this.live.state();
  }
}

/**
 * A room's draws for one seed, recorded on a first run in quarter order and then replayable in
 * any order. As a `Chance`, quarters not yet recorded are drawn live and recorded.
 */
export class DrawTape implements Chance {
  private readonly moments: number[] = [];
  private readonly events: (readonly (readonly EventId[])[])[] = [];
  /** starts[team][q − 1] = where quarter q's buzz draws begin on that team's tape. */
  private readonly starts: number[][];
  private readonly tapes: number[][];
  private readonly readers: TapeStream[];
  private recorders: RecordingStream[] | null = null;
  private readonly live: DrawSource;

  constructor(
    scenario: Scenario,
    seed: string,
    readonly teamIds: readonly string[],
    injected: readonly (readonly InjectedEvent[])[] = [],
  ) {
    this.live = liveDraws(scenario, seed, teamIds, injected);
    this.tapes = teamIds.map(() => []);
    this.starts = teamIds.map(() => []);
    this.readers = this.tapes.map((tape) => new TapeStream(tape));
  }

  /** Quarters recorded so far. */
  get recorded(): number {
    return this.moments.length;
  }

  draws(quarter: number): QuarterDraws {
    if (quarter <= this.moments.length) return this.replay(quarter);
    if (quarter !== this.moments.length + 1) {
      throw new Error(`Quarter ${quarter} asked before quarter ${this.moments.length + 1}.`);
    }
    return this.record(quarter);
  }

  /**
   * After a replayed quarter: every team must have read exactly the draws the recording run
   * made (the fixed-count rule that makes a tape valid). A recorded quarter needs no check.
   */
  resolved(quarter: number): void {
    if (!this.replayed) return;
    this.readers.forEach((reader, t) => {
      const starts = this.starts[t] as number[];
      const end = starts[quarter] ?? (this.tapes[t] as number[]).length;
      if (reader.cursor !== end) {
        const start = starts[quarter - 1] as number;
        throw new Error(
          `Quarter ${quarter} read ${reader.cursor - start} buzz numbers for team ` +
            `"${this.teamIds[t]}" where the recorded run drew ${end - start}: ` +
            "the number of draws must not depend on choices.",
        );
      }
    });
  }

  /** Whether the last quarter handed out came from the tape (else it was being recorded). */
  private replayed = false;

  private replay(quarter: number): QuarterDraws {
    this.replayed = true;
    this.readers.forEach((reader, t) => {
      reader.cursor = (this.starts[t] as number[])[quarter - 1] as number;
    });
    return {
      moment: this.moments[quarter - 1] as number,
      events: this.events[quarter - 1] as readonly (readonly EventId[])[],
      buzz: this.readers,
    };
  }

  private record(quarter: number): QuarterDraws {
    this.replayed = false;
    const live = this.live(quarter);
    const recorders = (this.recorders ??= live.buzz.map(
      (stream, t) => new RecordingStream(stream, this.tapes[t] as number[]),
    ));
    this.tapes.forEach((tape, t) => (this.starts[t] as number[]).push(tape.length));
    // The live source refills its events list every quarter: the tape keeps its own copy.
    const events = [...live.events];
    this.moments.push(live.moment);
    this.events.push(events);
    return { moment: live.moment, events, buzz: recorders };
  }
}
