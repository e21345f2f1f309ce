/**
 * The scenarios that ship with Élan, validated when this module loads: a broken built-in file
 * fails at start-up (and in the tests), never in the middle of a workshop.
 */
import type { Scenario } from "../model/types";
import { parseScenario } from "./schema";
import defaultData from "./default.json";
import newCfoData from "./new-cfo.json";
import platformData from "./platform-migration.json";
import badBuzzData from "./bad-buzz.json";

function load(data: unknown): Scenario {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(`Built-in scenario is invalid: ${parsed.errors.join("; ")}`);
  return parsed.scenario;
}

export const SCENARIOS: readonly Scenario[] = [
  load(defaultData),
  load(newCfoData),
  load(platformData),
  load(badBuzzData),
];
export const SCENARIO_IDS = SCENARIOS.map((s) => s.id);
export { DEFAULT_SCENARIO_ID } from "../protocol/constants";

export function getScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
