/**
 * The server's clock, seen from this device. Deadlines are epoch ms on the server; a phone whose
 * clock is two minutes off would otherwise count down to a different moment than everyone else.
 *
 * One sample is a `clock` request: sent at local `sentAt`, answered with the server's `serverNow`,
 * received at local `receivedAt`. The server read its clock somewhere inside that round trip, so
 * the offset (server − local) is serverNow − the round trip's local midpoint, give or take half
 * the round trip. The sample with the smallest round trip is the most precise and is kept, unless
 * a newer one proves the device clock has jumped (their error bars do not overlap) or the kept one
 * has grown old (clocks drift).
 */

export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverNow: number;
}

export interface ClockEstimate {
  /** Server time − local time, in ms. */
  offset: number;
  /** The sample's round trip: the offset is right to within half of it. */
  roundTrip: number;
  /** Local time the sample was received. */
  at: number;
}

/** A kept sample older than this gives way to any newer one. */
export const CLOCK_SAMPLE_MAX_AGE_MS = 10 * 60_000;

export function estimate(sample: ClockSample): ClockEstimate | null {
  const roundTrip = sample.receivedAt - sample.sentAt;
  if (!Number.isFinite(roundTrip) || roundTrip < 0 || !Number.isFinite(sample.serverNow))
    return null;
  return {
    offset: sample.serverNow - (sample.sentAt + roundTrip / 2),
    roundTrip,
    at: sample.receivedAt,
  };
}

/** Which of the kept estimate and a new one to trust from now on. */
export function better(kept: ClockEstimate | null, next: ClockEstimate): ClockEstimate {
  if (!kept) return next;
  if (next.at - kept.at > CLOCK_SAMPLE_MAX_AGE_MS) return next;
  const apart = Math.abs(next.offset - kept.offset);
  if (apart > (next.roundTrip + kept.roundTrip) / 2) return next;
  return next.roundTrip < kept.roundTrip ? next : kept;
}

export class ServerClock {
  private kept: ClockEstimate | null = null;

  add(sample: ClockSample): void {
    const next = estimate(sample);
    if (next) this.kept = better(this.kept, next);
  }

  /** Server time − local time (0 until a sample arrived). */
  get offset(): number {
    return this.kept?.offset ?? 0;
  }

  /** The server's current time, read on this device's clock. */
  now(local = Date.now()): number {
    return local + this.offset;
  }
}
