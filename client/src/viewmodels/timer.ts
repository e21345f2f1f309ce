/** The decision timer as players see it: remaining time, paused or not, how urgent. */
import type { ClientView } from "../net/normalize";
import { clock } from "./format";

export interface TimerModel {
  active: boolean;
  paused: boolean;
  remainingMs: number;
  text: string;
  /** "calm" above a minute, "soon" under it, "urgent" under 15 s. */
  urgency: "calm" | "soon" | "urgent";
}

/**
 * `serverNow` is the server's current time (`Session.serverNow()`: the device's clock corrected
 * by the measured offset), never the device's own clock: a phone set two minutes fast must not
 * show 0:00 while the room still has two minutes.
 */
export function timerModel(view: ClientView, serverNow: number): TimerModel {
  const running = view.phase === "decision" && (view.deadline > 0 || view.paused);
  if (!running) return { active: false, paused: false, remainingMs: 0, text: "", urgency: "calm" };
  const remainingMs = view.paused ? view.remainingMs : Math.max(0, view.deadline - serverNow);
  if (view.deadline === 0 && view.paused && view.remainingMs === 0) {
    return { active: false, paused: true, remainingMs: 0, text: "", urgency: "calm" };
  }
  const urgency = remainingMs < 15_000 ? "urgent" : remainingMs < 60_000 ? "soon" : "calm";
  return { active: true, paused: view.paused, remainingMs, text: clock(remainingMs), urgency };
}
