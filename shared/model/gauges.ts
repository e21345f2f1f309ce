/**
 * The three gauges players watch, defined once: their ids in board order (engagement, buzz,
 * trust), and engagement read from the stocks. The model, the server's reasons, the board and
 * the debrief all take them from here, so a fourth gauge or a new formula changes one file.
 */
import type { Stocks } from "./types";

/** Board order: every list of gauges (board, reasons, exports, debrief) follows it. */
export const GAUGE_IDS = ["engagement", "reach", "trust"] as const;
export type GaugeId = (typeof GAUGE_IDS)[number];

export function isGaugeId(value: unknown): value is GaugeId {
  return typeof value === "string" && (GAUGE_IDS as readonly string[]).includes(value);
}

/**
 * Engagement E = M·(a + X): the members' share of the population times the share of them who
 * take part (the active and the experts). It is linear in each of M, a and X, which is what lets
 * the explanations credit each step's change exactly (dynamics.ts).
 */
export function engagement(s: Pick<Stocks, "M" | "a" | "X">): number {
  return s.M * (s.a + s.X);
}
