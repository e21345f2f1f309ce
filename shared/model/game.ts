/**
 * The game reducer: createGame, step and replay. Pure functions of their arguments; the state
 * they return is new (inputs are never mutated), so the server can keep old states for undo-free
 * auditing and the client can branch freely.
 */
import { isEventId, type EventId } from "./events";
import { emptyAllocation, type Allocation } from "./levers";
import { openStream, resumeStream, streamKey, type RngState, type Stream } from "./rng";
import { PARAMS } from "./params";
import type { QuarterResult } from "./dynamics";
import { engagement } from "./gauges";
import { resolveRoomQuarter } from "./room";
import { legacyScores, withLegacy, type ContinuationDraws } from "./score";
import { validateAllocation, type Rejection, type Result } from "./validate";
import type {
  Explanation,
  GameRng,
  GameState,
  InjectedEvent,
  Scenario,
  TeamState,
  TurnRecord,
} from "./types";

export function initialTeamState(scenario: Scenario): TeamState {
  const s = scenario.start;
  const state: TeamState = {
    L: s.L,
    W: s.W,
    C: s.C,
    G: s.G,
    K: s.K,
    S: s.S,
    M: s.M,
    a: s.a,
    X: s.X,
    Z: s.Z,
    T: s.T,
    N: PARAMS.elan.start,
    P: s.P,
    cfoQuarters: 0,
    cfoMisses: 0,
    platformQuarters: 0,
    sponsorQuarters: 0,
    crisis: 0,
    migration: 0,
    gap: 0,
    budget: scenario.budget,
    reachWindow: [],
    lastOrdinary: 0,
    lastViral: 0,
    lastOrganic: 0,
    lastKpi: 0,
    lastForced: 0,
    lastActive: s.a,
    accumulated: 0,
    spent: emptyAllocation(),
  };
  // Read from the new state, not from `scenario.start` (the same M, a and X): `engagement` is
  // inlined into every quarter with what it has met, and a parsed scenario's object layout
  // beside the states' makes each quarter check which one it holds and box what it reads.
  state.lastKpi = engagement(state);
  return state;
}

export function createGame(
  scenario: Scenario,
  seed: string,
  teamIds: readonly string[],
): GameState {
  const teams: Record<string, TeamState> = {};
  const history: Record<string, TurnRecord[]> = {};
  const rng: GameRng = {
    moment: openStream(streamKey(seed, "moment")).state(),
    events: openStream(streamKey(seed, "events")).state(),
    buzz: {},
  };
  for (const id of teamIds) {
    teams[id] = initialTeamState(scenario);
    history[id] = [];
    rng.buzz[id] = openStream(streamKey(seed, "buzz", id)).state();
  }
  return {
    version: 1,
    scenario,
    seed,
    rng,
    turn: 0,
    turnsTotal: scenario.years * 4,
    teamIds: [...teamIds],
    teams,
    history,
    eventsByTurn: [],
    log: [],
  };
}

/** The shared "moment" of a quarter: one draw, the same for every team. */
export function drawMoment(stream: Stream): number {
  return PARAMS.buzz.momentMin + PARAMS.buzz.momentSpread * stream.next();
}

/**
 * Scenario events striking this quarter. Each timeline entry of the quarter consumes exactly one
 * draw of the events stream, in timeline order, whether or not it has a probability; the count
 * depends on the scenario alone, never on choices.
 */
export function scheduledEvents(scenario: Scenario, stream: Stream, quarter: number): EventId[] {
  const out: EventId[] = [];
  for (const entry of scenario.events) {
    if (entry.quarter !== quarter) continue;
    const u = stream.next();
    if (u < (entry.probability ?? 1)) out.push(entry.event);
  }
  return out;
}

export function eventsForTeam(
  scheduled: readonly EventId[],
  injected: readonly InjectedEvent[],
  teamId: string,
): EventId[] {
  const out = [...scheduled];
  for (const inj of injected) if (!inj.teams || inj.teams.includes(teamId)) out.push(inj.event);
  return out;
}

export type StepResult =
  | { ok: true; game: GameState; explain: Record<string, Explanation> }
  | { ok: false; error: Rejection };

export function validateInjected(
  game: GameState,
  injected: readonly unknown[],
): Result<InjectedEvent[]> {
  const out: InjectedEvent[] = [];
  for (const raw of injected) {
    const inj = raw as Partial<InjectedEvent> | null;
    if (!inj || !isEventId(inj.event)) {
      return { ok: false, error: { code: "event.unknown", message: "Unknown event." } };
    }
    if (inj.teams !== undefined) {
      if (!Array.isArray(inj.teams)) {
        return {
          ok: false,
          error: { code: "event.unknown_team", message: "Event teams must be a list." },
        };
      }
      for (const t of inj.teams) {
        if (!game.teamIds.includes(t)) {
          return {
            ok: false,
            error: {
              code: "event.unknown_team",
              message: `Unknown team "${String(t).slice(0, 40)}".`,
              field: String(t).slice(0, 40),
            },
          };
        }
      }
      out.push({ event: inj.event, teams: [...inj.teams] });
    } else out.push({ event: inj.event });
  }
  return { ok: true, value: out };
}

/**
 * Resolves one quarter for every team, together (`resolveRoomQuarter`, with explanations). Every
 * team must have a decision within its budget; facilitator events are validated here.
 */
export function step(
  game: GameState,
  decisions: Readonly<Record<string, unknown>>,
  injected: readonly unknown[] = [],
): StepResult {
  if (game.turn >= game.turnsTotal) {
    return { ok: false, error: { code: "game.over", message: "The game has already ended." } };
  }
  for (const id of Object.keys(decisions)) {
    if (!game.teamIds.includes(id)) {
      return {
        ok: false,
        error: {
          code: "decision.unknown_team",
          message: `Unknown team "${id.slice(0, 40)}".`,
          field: id.slice(0, 40),
        },
      };
    }
  }
  const valid: Record<string, Allocation> = {};
  for (const id of game.teamIds) {
    if (!(id in decisions)) {
      return {
        ok: false,
        error: {
          code: "decision.missing_team",
          message: `No decision for team "${id}".`,
          field: id,
        },
      };
    }
    const team = game.teams[id] as TeamState;
    const checked = validateAllocation(decisions[id], team.budget);
    if (!checked.ok)
      return {
        ok: false,
        error: { ...checked.error, field: `${id}.${checked.error.field ?? ""}` },
      };
    valid[id] = checked.value;
  }
  const inj = validateInjected(game, injected);
  if (!inj.ok) return inj;

  const quarter = game.turn + 1;
  const momentStream = resumeStream(game.rng.moment);
  const eventsStream = resumeStream(game.rng.events);
  const moment = drawMoment(momentStream);
  const scheduled = scheduledEvents(game.scenario, eventsStream, quarter);
  const ids = game.teamIds;
  const buzz = ids.map((id) => resumeStream(game.rng.buzz[id] as RngState));
  const events = ids.map((id) => eventsForTeam(scheduled, inj.value, id));
  const results = resolveRoomQuarter(
    ids.map((id) => game.teams[id] as TeamState),
    ids.map((id) => valid[id] as Allocation),
    { quarter, moment, events, buzz, baseBudget: game.scenario.budget, explain: true },
  );
  const rng: GameRng = { moment: momentStream.state(), events: eventsStream.state(), buzz: {} };
  // After the last quarter, the score takes in what each team leaves behind (score.ts), drawn
  // from copies of the streams as they now stand: the saved states stay those of the game.
  const legacy =
    quarter === game.turnsTotal
      ? legacyScores(
          results.map((r) => r.state),
          quarter,
          continuation(
            momentStream.state(),
            buzz.map((b) => b.state()),
          ),
          game.scenario.budget,
        )
      : null;
  const teams: Record<string, TeamState> = {};
  const history: Record<string, TurnRecord[]> = {};
  const explain: Record<string, Explanation> = {};
  const struck = new Set<EventId>(scheduled);
  ids.forEach((id, t) => {
    for (const e of events[t] as EventId[]) struck.add(e);
    const result = results[t] as QuarterResult;
    rng.buzz[id] = (buzz[t] as Stream).state();
    const played = result.record as TurnRecord;
    const record = legacy
      ? { ...played, outputs: withLegacy(played.outputs, legacy[t] as number) }
      : played;
    teams[id] = result.state;
    history[id] = [...(game.history[id] ?? []), record];
    explain[id] = record.explain;
  });
  return {
    ok: true,
    game: {
      ...game,
      turn: quarter,
      rng,
      teams,
      history,
      eventsByTurn: [...game.eventsByTurn, [...struck]],
      log: [...game.log, { decisions: valid, injected: inj.value }],
    },
    explain,
  };
}

/** Draws past the game from copies of the moment and buzz streams (no events happen then). */
function continuation(moment: RngState, buzz: readonly RngState[]): ContinuationDraws {
  const momentStream = resumeStream(moment);
  const buzzStreams = buzz.map((state) => resumeStream(state));
  return () => ({ moment: drawMoment(momentStream), buzz: buzzStreams });
}

export function isFinished(game: GameState): boolean {
  return game.turn >= game.turnsTotal;
}
