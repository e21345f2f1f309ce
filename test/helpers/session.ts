/**
 * Drives session logic without sockets: a workshop config, a clock that only moves when the
 * test says so, and an `act` that applies an action and keeps the accepted ones as the log.
 */
import { createSession, workshopConfig } from "../../server/session/config";
import { apply } from "../../server/session/session";
import type {
  Actor,
  Envelope,
  Refusal,
  SessionAction,
  SessionConfig,
  SessionState,
} from "../../server/session/types";
import type { WorkshopCreateOptions } from "../../shared/index";

export const FACILITATOR: Actor = { kind: "facilitator" };
export const SYSTEM: Actor = { kind: "system" };
export const player = (playerId: string): Actor => ({ kind: "player", playerId });

export interface Harness {
  state: SessionState;
  config: SessionConfig;
  log: Envelope[];
  /** The harness clock, in epoch ms. */
  now: number;
  act(by: Actor, action: SessionAction): Refusal | null;
  advance(ms: number): void;
  join(playerId: string, name?: string): void;
}

export function workshopHarness(options: WorkshopCreateOptions = {}): Harness {
  const built = workshopConfig(
    { teams: 2, years: 1, decisionSeconds: 60, seed: "harness", ...options },
    { code: "TESTAB", now: 1_000_000, randomSeed: "unused" },
  );
  if (!built.ok) throw new Error(built.error.message);
  const state = createSession(built.config);
  const harness: Harness = {
    state,
    config: built.config,
    log: [],
    now: 1_000_000,
    act(by, action) {
      const envelope: Envelope = { at: harness.now, by, action };
      const refused = apply(state, envelope);
      if (!refused) harness.log.push(envelope);
      return refused;
    },
    advance(ms) {
      harness.now += ms;
    },
    join(playerId, name = playerId) {
      const refused = harness.act(SYSTEM, { type: "player.join", playerId, name, tokenHash: "h" });
      if (refused) throw new Error(`join refused: ${refused.code}`);
    },
  };
  return harness;
}
