/**
 * The headless runner's command line, parsed into a typed request or a message saying what is
 * wrong. Pure (no I/O, no exit), so every good and bad input is a unit test.
 */
import { parseArgs } from "node:util";
import {
  DEFAULT_SCENARIO_ID,
  SCENARIO_IDS,
  STRATEGY_IDS,
  isStrategyId,
  type StrategyId,
} from "../../shared/index";
import type { Rivals } from "./lineup";

export const MAX_TEAMS = 8;
export const MAX_SEEDS = 100_000;
const DEFAULT_SEEDS = 200;

export const USAGE = `Usage:
  npm run sim -- [--scenario <id|file.json>] [--seed <seed>] [--strategy <name>[,<name>…]]
                 [--teams <n>] [--json]
  npm run sim -- --tournament [--seeds <n>] [--rivals <strategy>,<n>]
                 [--scenario <id|file.json>] [--seed <seed>] [--json]
  npm run sim -- --plans <file.json> [--seeds <n>] [--rivals <strategy>,<n>]
                 [--scenario <id|file.json>] [--seed <seed>] [--json]

Options:
  --scenario    a built-in id or the path of a .json scenario file (default: default);
                built-in: ${SCENARIO_IDS.join(", ")}
  --seed        seed of the game; with --tournament or --plans, the prefix of seeds
                <seed>:0 … <seed>:n-1
                (default: 1)
  --strategy    ${STRATEGY_IDS.join(", ")} (default: balanced).
                A comma-separated list gives team-1, team-2, … one strategy each, in order.
  --teams       number of teams, 1–8; with one strategy they all play it
                (default: one per listed strategy)
  --json        one JSON object instead of tables
  --tournament  every strategy as team-1 over many seeds: final-score statistics
  --plans       a JSON file of plans, each played as team-1 over many seeds: an array of
                { name, allocation } (the same split every quarter), { name, schedule }
                (one allocation per quarter) or { name, strategy }
  --seeds       games per strategy or plan, 1–100000 (default: 200)
  --rivals      <strategy>,<n>: n rival teams (1–${MAX_TEAMS - 1}) playing the strategy beside team-1,
                with --tournament or --plans (default: none)
  --help        this text`;

export type ScenarioRef = { kind: "id"; id: string } | { kind: "file"; path: string };

export interface GameRequest {
  mode: "game";
  scenario: ScenarioRef;
  seed: string;
  /** One per team, in order: team-1 plays strategies[0], … */
  strategies: StrategyId[];
  json: boolean;
}

export interface TournamentRequest {
  mode: "tournament";
  scenario: ScenarioRef;
  /** Seeds are `<seed>:0 … <seed>:<seeds − 1>`. */
  seed: string;
  seeds: number;
  rivals: Rivals | null;
  json: boolean;
}

export interface PlansRequest {
  mode: "plans";
  scenario: ScenarioRef;
  /** The plans file's path. */
  plans: string;
  seed: string;
  seeds: number;
  rivals: Rivals | null;
  json: boolean;
}

export type Request = GameRequest | TournamentRequest | PlansRequest | { mode: "help" };

export type ParsedArgs = { ok: true; request: Request } | { ok: false; error: string };

const OPTIONS = {
  scenario: { type: "string" },
  seed: { type: "string" },
  strategy: { type: "string" },
  teams: { type: "string" },
  seeds: { type: "string" },
  plans: { type: "string" },
  rivals: { type: "string" },
  json: { type: "boolean" },
  tournament: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function fail(error: string): ParsedArgs {
  return { ok: false, error };
}

/** A whole decimal number in [min, max], or null: parseInt accepts "3x", Number accepts "1e1". */
function integerIn(text: string, min: number, max: number): number | null {
  if (!/^\d{1,9}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

function scenarioRef(text: string): ScenarioRef | string {
  if (text.toLowerCase().endsWith(".json")) return { kind: "file", path: text };
  if (SCENARIO_IDS.includes(text)) return { kind: "id", id: text };
  return `Unknown scenario "${text}": use one of ${SCENARIO_IDS.join(", ")} or a .json file.`;
}

/** `STRATEGY,N`: N rival bots playing STRATEGY. */
function parseRivals(text: string): Rivals | string {
  const bad =
    `Bad --rivals "${text}": <strategy>,<n> with a strategy among ${STRATEGY_IDS.join(", ")} ` +
    `and n from 1 to ${MAX_TEAMS - 1}.`;
  const parts = text.split(",").map((part) => part.trim());
  if (parts.length !== 2) return bad;
  const [strategy, countText] = parts as [string, string];
  if (!isStrategyId(strategy)) {
    return `Unknown rival strategy "${strategy}": use one of ${STRATEGY_IDS.join(", ")}.`;
  }
  const count = integerIn(countText, 1, MAX_TEAMS - 1);
  return count === null ? bad : { strategy, count };
}

export function parseSimArgs(argv: readonly string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { ok: true, request: { mode: "help" } };

  const scenario = scenarioRef(values.scenario ?? DEFAULT_SCENARIO_ID);
  if (typeof scenario === "string") return fail(scenario);
  const seed = values.seed ?? "1";
  if (!/^[\w.:-]{1,64}$/.test(seed)) {
    return fail(`Bad --seed "${seed}": 1–64 letters, digits or . _ : -`);
  }
  const json = values.json ?? false;

  const many = values.tournament ? "--tournament" : values.plans !== undefined ? "--plans" : null;
  if (values.tournament && values.plans !== undefined) {
    return fail("--tournament and --plans are separate runs: give one of them.");
  }
  if (many !== null) {
    if (values.strategy !== undefined || values.teams !== undefined) {
      return fail(`${many} plays team-1 against --rivals: drop --strategy and --teams.`);
    }
    const seeds = integerIn(values.seeds ?? String(DEFAULT_SEEDS), 1, MAX_SEEDS);
    if (seeds === null)
      return fail(`Bad --seeds "${values.seeds}": a whole number, 1–${MAX_SEEDS}.`);
    const rivals = values.rivals === undefined ? null : parseRivals(values.rivals);
    if (typeof rivals === "string") return fail(rivals);
    if (values.plans !== undefined) {
      if (values.plans.trim() === "") return fail("--plans needs the path of a JSON file.");
      const request: PlansRequest = {
        mode: "plans",
        scenario,
        plans: values.plans,
        seed,
        seeds,
        rivals,
        json,
      };
      return { ok: true, request };
    }
    return { ok: true, request: { mode: "tournament", scenario, seed, seeds, rivals, json } };
  }
  if (values.seeds !== undefined) return fail("--seeds only applies to --tournament and --plans.");
  if (values.rivals !== undefined) {
    return fail(
      "--rivals only applies to --tournament and --plans (list the teams with --strategy).",
    );
  }

  const names = (values.strategy ?? "balanced").split(",").map((name) => name.trim());
  const unknown = names.find((name) => !isStrategyId(name));
  if (unknown !== undefined) {
    return fail(`Unknown strategy "${unknown}": use one of ${STRATEGY_IDS.join(", ")}.`);
  }
  const listed = names as StrategyId[];
  let strategies = listed;
  if (values.teams !== undefined) {
    const teams = integerIn(values.teams, 1, MAX_TEAMS);
    if (teams === null)
      return fail(`Bad --teams "${values.teams}": a whole number, 1–${MAX_TEAMS}.`);
    if (listed.length === 1)
      strategies = Array.from({ length: teams }, () => listed[0] as StrategyId);
    else if (listed.length !== teams) {
      return fail(`--teams ${teams} but ${listed.length} strategies listed: give one or ${teams}.`);
    }
  }
  if (strategies.length > MAX_TEAMS) return fail(`At most ${MAX_TEAMS} teams.`);
  return { ok: true, request: { mode: "game", scenario, seed, strategies, json } };
}
