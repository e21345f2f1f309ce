/**
 * The scenario's name as played. The default scenario's title states its length ("Quatre ans
 * pour…"): a workshop of another length must not promise four years, so the length is said
 * from the game's own quarters; the other titles get the length beside them when it differs.
 */
import type { Scenario } from "../../../shared/model/types";
import type { Language } from "../../../shared/protocol/messages";
import { translatePlural } from "../i18n/index";

export function scenarioTitle(language: Language, scenario: Scenario, turnsTotal: number): string {
  const years = Math.max(1, Math.round(turnsTotal / 4));
  if (years === scenario.years) return scenario.title[language];
  if (scenario.id === "default") {
    return translatePlural(language, "scenario.lengthTitle", years, { n: years });
  }
  const length = translatePlural(language, "scenario.length", years, { n: years });
  return `${scenario.title[language]} · ${length}`;
}
