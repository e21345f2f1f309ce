/**
 * From validated create options to a session config, and from a config to a fresh session.
 * Everything random (code, seed when none is given) is drawn by the caller and passed in, so
 * this stays deterministic and the config alone rebuilds the starting state.
 */
import {
  createGame,
  DEFAULT_DECISION_SECONDS,
  DEFAULT_LANGUAGE,
  DEFAULT_PACING,
  DEFAULT_SCENARIO_ID,
  DEFAULT_SOLO_DECISION_SECONDS,
  DEFAULT_SOLO_RIVALS,
  DEFAULT_TEAM_COUNT,
  getScenario,
  MAX_PLAYERS_PER_ROOM,
  type Scenario,
  type SoloCreateOptions,
  type StrategyId,
  type WorkshopCreateOptions,
} from "../../shared/index";
import type { Refusal, SessionConfig, SessionState } from "./types";

/** Solo rivals, in the order they are seated: a spread of styles to compare against. */
export const SOLO_RIVAL_STRATEGIES: readonly StrategyId[] = [
  "balanced",
  "short-termist",
  "culture-first",
  "buzz",
  "adaptive",
];
export const SOLO_TEAM_ID = "you";

type ConfigResult = { ok: true; config: SessionConfig } | { ok: false; error: Refusal };

function scenarioOf(id: string | undefined): Scenario | Refusal {
  const scenario = getScenario(id ?? DEFAULT_SCENARIO_ID);
  return scenario ?? { code: "join.bad_options", message: `Unknown scenario "${String(id)}".` };
}

function teamName(language: "fr" | "en", n: number): string {
  return language === "fr" ? `Équipe ${n}` : `Team ${n}`;
}

export interface ConfigContext {
  code: string;
  now: number;
  /** Used when the options carry no seed. */
  randomSeed: string;
}

export function workshopConfig(options: WorkshopCreateOptions, ctx: ConfigContext): ConfigResult {
  const scenario = scenarioOf(options.scenario);
  if ("code" in scenario) return { ok: false, error: scenario };
  const language = options.language ?? DEFAULT_LANGUAGE;
  const count = options.teams ?? DEFAULT_TEAM_COUNT;
  const teamIds = Array.from({ length: count }, (_, i) => `t${i + 1}`);
  return {
    ok: true,
    config: {
      kind: "workshop",
      code: ctx.code,
      scenarioId: scenario.id,
      years: options.years ?? scenario.years,
      teamIds,
      teamNames: teamIds.map((_, i) => teamName(language, i + 1)),
      bots: {},
      decisionSeconds: options.decisionSeconds ?? DEFAULT_DECISION_SECONDS,
      pacing: options.pacing ?? DEFAULT_PACING,
      language,
      seed: options.seed === undefined ? ctx.randomSeed : String(options.seed),
      maxPlayers: MAX_PLAYERS_PER_ROOM,
      createdAt: ctx.now,
    },
  };
}

export function soloConfig(options: SoloCreateOptions, ctx: ConfigContext): ConfigResult {
  const scenario = scenarioOf(options.scenario);
  if ("code" in scenario) return { ok: false, error: scenario };
  const language = options.language ?? DEFAULT_LANGUAGE;
  const rivals = options.rivals ?? DEFAULT_SOLO_RIVALS;
  const teamIds = [SOLO_TEAM_ID];
  const teamNames = [language === "fr" ? "Vous" : "You"];
  const bots: Record<string, StrategyId> = {};
  for (let i = 0; i < rivals; i++) {
    const id = `r${i + 1}`;
    teamIds.push(id);
    teamNames.push(language === "fr" ? `Rival ${i + 1}` : `Rival ${i + 1}`);
    bots[id] = SOLO_RIVAL_STRATEGIES[i % SOLO_RIVAL_STRATEGIES.length] as StrategyId;
  }
  return {
    ok: true,
    config: {
      kind: "solo",
      code: ctx.code,
      scenarioId: scenario.id,
      years: options.years ?? scenario.years,
      teamIds,
      teamNames,
      bots,
      decisionSeconds: options.decisionSeconds ?? DEFAULT_SOLO_DECISION_SECONDS,
      pacing: "auto",
      language,
      seed: options.seed === undefined ? ctx.randomSeed : String(options.seed),
      maxPlayers: 1,
      createdAt: ctx.now,
    },
  };
}

/** The scenario as played: the workshop's years replace the scenario's. */
export function scenarioAsPlayed(config: SessionConfig): Scenario {
  const scenario = getScenario(config.scenarioId);
  if (!scenario) throw new Error(`Scenario "${config.scenarioId}" is no longer available.`);
  return { ...scenario, years: config.years };
}

export function createSession(config: SessionConfig): SessionState {
  const teams: SessionState["teams"] = new Map();
  config.teamIds.forEach((id, i) => {
    teams.set(id, {
      id,
      name: config.teamNames[i] ?? id,
      bot: config.bots[id] ?? null,
      draft: null,
      draftBy: "",
      decision: null,
      decisionSource: null,
    });
  });
  return {
    config,
    phase: "lobby",
    pacing: config.pacing,
    game: createGame(scenarioAsPlayed(config), config.seed, config.teamIds),
    teams,
    players: new Map(),
    playerOrder: [],
    timer: { deadline: 0, paused: false, remainingMs: 0 },
    pendingInjected: [],
    sources: [],
    seq: 0,
    endedAt: 0,
    predictions: new Map(),
    revealed: false,
    show: null,
  };
}
