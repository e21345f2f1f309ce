/**
 * The headless runner's body: arguments in, text out, an exit code back. All I/O goes through
 * `io`, so tests run it in-process and read what it printed.
 */
import {
  getScenario,
  parseScenario,
  playBotGame,
  type Scenario,
  type StrategyId,
} from "../../shared/index";
import { USAGE, parseSimArgs, type ScenarioRef } from "./args";
import { parsePlans, runPlans, type Plan } from "./plans";
import { gameReport, teamIds } from "./report";
import { formatGameTable, formatPlansTable, formatTournamentTable } from "./table";
import { runTournament } from "./tournament";

export interface SimIO {
  /** Writes a chunk of standard output (newlines included). */
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
}

export const EXIT_OK = 0;
/** The scenario file could not be read or is not a valid scenario. */
export const EXIT_BAD_SCENARIO = 1;
/** The plans file could not be read or is not a valid list of plans (same code: a bad file). */
export const EXIT_BAD_PLANS = 1;
export const EXIT_USAGE = 2;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The scenario, or the lines explaining why there is none. */
export function loadScenario(ref: ScenarioRef, io: SimIO): Scenario | string[] {
  if (ref.kind === "id") return getScenario(ref.id) ?? [`Unknown scenario "${ref.id}".`];
  let data: unknown;
  try {
    data = JSON.parse(io.readFile(ref.path));
  } catch (error) {
    return [`Cannot load scenario file ${ref.path}: ${message(error)}`];
  }
  const parsed = parseScenario(data);
  if (parsed.ok) return parsed.scenario;
  return [`Scenario file ${ref.path} is invalid:`, ...parsed.errors.map((e) => `  ${e}`)];
}

/** The plans of a `--plans` file for `scenario`, or the lines explaining why there are none. */
export function loadPlans(
  path: string,
  scenario: Scenario,
  io: SimIO,
): { ok: true; plans: Plan[] } | { ok: false; lines: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(io.readFile(path));
  } catch (error) {
    return { ok: false, lines: [`Cannot load plans file ${path}: ${message(error)}`] };
  }
  const parsed = parsePlans(data, scenario);
  if (parsed.ok) return parsed;
  const lines = [`Plans file ${path} is invalid:`, ...parsed.errors.map((e) => `  ${e}`)];
  return { ok: false, lines };
}

export function main(argv: readonly string[], io: SimIO): number {
  const parsed = parseSimArgs(argv);
  if (!parsed.ok) {
    io.err(`${parsed.error}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const request = parsed.request;
  if (request.mode === "help") {
    io.out(`${USAGE}\n`);
    return EXIT_OK;
  }
  const scenario = loadScenario(request.scenario, io);
  if (Array.isArray(scenario)) {
    io.err(`${scenario.join("\n")}\n`);
    return EXIT_BAD_SCENARIO;
  }

  if (request.mode === "tournament") {
    const report = runTournament(scenario, request.seed, request.seeds, request.rivals);
    io.out(`${request.json ? JSON.stringify(report) : formatTournamentTable(report)}\n`);
    return EXIT_OK;
  }
  if (request.mode === "plans") {
    const loaded = loadPlans(request.plans, scenario, io);
    if (!loaded.ok) {
      io.err(`${loaded.lines.join("\n")}\n`);
      return EXIT_BAD_PLANS;
    }
    const report = runPlans(scenario, request.seed, request.seeds, loaded.plans, request.rivals);
    io.out(`${request.json ? JSON.stringify(report) : formatPlansTable(report)}\n`);
    return EXIT_OK;
  }
  const ids = teamIds(request.strategies.length);
  const lineup: Record<string, StrategyId> = {};
  ids.forEach((id, i) => (lineup[id] = request.strategies[i] as StrategyId));
  const report = gameReport(playBotGame(scenario, request.seed, lineup), lineup);
  io.out(`${request.json ? JSON.stringify(report) : formatGameTable(report)}\n`);
  return EXIT_OK;
}
