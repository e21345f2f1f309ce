/**
 * The solo coach: one hint per quarter, read from what the explanations said last quarter and
 * what the coming quarter announces. Rules are ordered: the most urgent lesson speaks first.
 */
import { allocationTotal } from "../../../shared/model/levers";
import type { Language } from "../../../shared/protocol/messages";
import { forcedTokens } from "../../../shared/protocol/forced";
import type { ReasonView, TurnResultView } from "../../../shared/protocol/view";
import { translate, translatePlural, type MessageKey, type PluralBase } from "../i18n/index";
import { formatForced } from "./reasons";

export interface Hint {
  /** Which lesson (a message key, or the base of a plural one). */
  key: MessageKey | PluralBase;
  text: string;
}

/**
 * Pressure worth a lesson of its own: a whole token or more. (Smaller amounts are still said in
 * the why-panel after the reveal, with the same number.)
 */
export const FORCED_LESSON_TOKENS = 1;

function reason(reasons: readonly ReasonView[], gauge: string, cause: string): number {
  return reasons
    .filter((r) => r.gauge === gauge && r.cause === cause)
    .reduce((sum, r) => sum + r.value, 0);
}

function lesson(
  last: TurnResultView | undefined,
  reasons: readonly ReasonView[],
  announced: readonly string[],
  budget: number,
): MessageKey | "forced" {
  if (announced.includes("newCfo")) return "hint.cfo";
  if (announced.includes("platformChange")) return "hint.platform";
  if (announced.includes("badBuzz")) return "hint.badBuzz";
  if (!last) return "hint.start";
  if (forcedTokens(last.forced) >= FORCED_LESSON_TOKENS) return "forced";
  if (reason(reasons, "trust", "backfire") < -0.005) return "hint.backfire";
  if (allocationTotal(last.allocation) < budget) return "hint.unspent";
  if (last.allocation.campaigns >= Math.ceil(budget / 2)) return "hint.buzzHeavy";
  if (reason(reasons, "engagement", "expertAttrition") < -0.002) return "hint.experts";
  if (reason(reasons, "engagement", "lapse") < -0.01) return "hint.lapse";
  if (reason(reasons, "engagement", "churn") < -0.01) return "hint.churn";
  return "hint.steady";
}

export function soloHint(
  language: Language,
  history: readonly TurnResultView[],
  /** The last quarter's reasons (the team's private part). */
  reasons: readonly ReasonView[],
  announced: readonly string[],
  budget: number,
): Hint {
  const last = history[history.length - 1];
  const key = lesson(last, reasons, announced, budget);
  if (key !== "forced") return { key, text: translate(language, key) };
  const forced = last?.forced ?? 0;
  return {
    key: "hint.forced",
    text: translatePlural(
      language,
      "hint.forced",
      forcedTokens(forced),
      { n: formatForced(language, forced) },
      1,
    ),
  };
}
