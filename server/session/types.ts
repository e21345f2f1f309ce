/**
 * The data a workshop or solo session is made of. Plain JSON, no classes: the session is its
 * config plus the ordered log of accepted actions (`Envelope`s), and everything here can be
 * rebuilt by replaying that log through the same code (see session.ts).
 */
import type {
  Allocation,
  BucketId,
  DecisionSource,
  ErrorCode,
  DebriefScreen,
  EventId,
  GameState,
  InjectedEvent,
  Language,
  Pacing,
  Phase,
  StrategyId,
} from "../../shared/index";

export type SessionKind = "workshop" | "solo";

export interface SessionConfig {
  kind: SessionKind;
  /** The join code (workshop) or room id (solo). */
  code: string;
  scenarioId: string;
  /** Years as played (a workshop may shorten or lengthen the scenario). */
  years: number;
  teamIds: string[];
  /** Team names at creation, in `teamIds` order. */
  teamNames: string[];
  /** Strategy per team played by a bot from the start (solo rivals). */
  bots: Record<string, StrategyId>;
  /** 0 = no decision timer. */
  decisionSeconds: number;
  pacing: Pacing;
  language: Language;
  seed: string;
  maxPlayers: number;
  createdAt: number;
}

export interface TeamSeat {
  id: string;
  name: string;
  bot: StrategyId | null;
  /** The co-edited draft of the quarter being decided (hidden until reveal). */
  draft: Allocation | null;
  draftBy: string;
  /** The locked decision (hidden until reveal). */
  decision: Allocation | null;
  decisionSource: DecisionSource | null;
}

export interface PlayerSeat {
  id: string;
  name: string;
  teamId: string;
  /** SHA-256 of the seat token: the plain token is only ever held by the participant. */
  tokenHash: string;
}

export interface TimerState {
  /** Epoch ms when the decision runs out; 0 when there is no running timer. */
  deadline: number;
  paused: boolean;
  /** Remaining ms frozen while paused. */
  remainingMs: number;
}

export interface SessionState {
  config: SessionConfig;
  phase: Phase;
  /** Starts as `config.pacing`; the facilitator may change it live. */
  pacing: Pacing;
  game: GameState;
  /**
   * Maps, never plain objects: ids arrive in messages, and `__proto__`, `constructor` or
   * `toString` must find nothing rather than a prototype.
   */
  teams: Map<string, TeamSeat>;
  players: Map<string, PlayerSeat>;
  /** Join order, so balancing and views are stable. */
  playerOrder: string[];
  timer: TimerState;
  /** Events the facilitator injected for the next resolution. */
  pendingInjected: InjectedEvent[];
  /** How each team's decision was made, per resolved quarter. */
  sources: Record<string, DecisionSource>[];
  /** Accepted actions so far (the log length). */
  seq: number;
  endedAt: number;
  /**
   * The debrief's answers to "which lever mattered most for us?": one per team, the last member
   * to answer wins. Hidden from other teams until `revealed`, then frozen and public.
   */
  predictions: Map<string, BucketId>;
  revealed: boolean;
  /** What the projector shows during the debrief (null: its default, the final ranking). */
  show: DebriefShow | null;
}

/** The facilitator's pick for the projector; `team` "" = every team. */
export interface DebriefShow {
  view: DebriefScreen;
  team: string;
}

/** Who acts. Player ids never start with "@", so the tags cannot collide. */
export type Actor =
  { kind: "facilitator" } | { kind: "player"; playerId: string } | { kind: "system" };

/** Every state change, as logged. Client messages map onto these after boundary validation. */
export type SessionAction =
  | { type: "player.join"; playerId: string; name: string; tokenHash: string }
  | { type: "player.leave"; playerId: string }
  | { type: "team.join"; teamId: string }
  | { type: "allocation.set"; allocation: unknown }
  | { type: "allocation.submit"; allocation: unknown }
  | { type: "allocation.adjust"; bucket: BucketId; delta: number }
  | { type: "game.start" }
  | { type: "phase.next" }
  | { type: "timer.pause" }
  | { type: "timer.resume" }
  | { type: "timer.extend"; seconds: number }
  | { type: "timer.expire" }
  | { type: "event.inject"; eventId: EventId; teams?: string[] | undefined }
  | { type: "team.rename"; teamId: string; name: string }
  | { type: "player.move"; playerId: string; teamId: string }
  | { type: "team.bot"; teamId: string; strategy: StrategyId | null }
  | { type: "pacing.set"; pacing: Pacing }
  | { type: "game.end" }
  | { type: "debrief.predict"; lever: BucketId }
  | { type: "debrief.reveal" }
  | { type: "debrief.show"; view: DebriefScreen; team?: string | undefined };

export type ActionType = SessionAction["type"];

/** One log entry: the action, who did it and when (epoch ms, from the server clock). */
export interface Envelope {
  at: number;
  by: Actor;
  action: SessionAction;
}

export interface Refusal {
  code: ErrorCode;
  message: string;
}

/**
 * An accepted action is a commit: a closure that applies the already-validated change and
 * cannot fail. Planning and committing are split so the room can append the action to the
 * store *between* them (append before apply, apply before acknowledge).
 */
export type Plan = { ok: true; commit: () => void } | { ok: false; error: Refusal };
