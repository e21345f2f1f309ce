/**
 * The solo coach: one hint per quarter, read from what the explanations said last quarter and
 * what the coming quarter announces. Rules are ordered: the most urgent lesson speaks first.
 */
import { allocationTotal } from "../../../shared/model/levers";
import type { TurnResultView } from "../../../shared/protocol/view";
import type { MessageKey, Params } from "../i18n/index";

export interface Hint {
  key: MessageKey;
  params?: Params;
}

function reason(last: TurnResultView, gauge: string, cause: string): number {
  return last.reasons
    .filter((r) => r.gauge === gauge && r.cause === cause)
    .reduce((sum, r) => sum + r.value, 0);
}

export function soloHint(
  history: readonly TurnResultView[],
  announced: readonly string[],
  budget: number,
): Hint {
  if (announced.includes("newCfo")) return { key: "hint.cfo" };
  if (announced.includes("platformChange")) return { key: "hint.platform" };
  if (announced.includes("badBuzz")) return { key: "hint.badBuzz" };
  const last = history[history.length - 1];
  if (!last) return { key: "hint.start" };
  if (last.forced >= 1) return { key: "hint.forced", params: { n: Math.round(last.forced) } };
  if (reason(last, "trust", "backfire") < -0.005) return { key: "hint.backfire" };
  if (allocationTotal(last.allocation) < budget) return { key: "hint.unspent" };
  if (last.allocation.campaigns >= Math.ceil(budget / 2)) return { key: "hint.buzzHeavy" };
  if (reason(last, "engagement", "expertAttrition") < -0.002) return { key: "hint.experts" };
  if (reason(last, "engagement", "lapse") < -0.01) return { key: "hint.lapse" };
  if (reason(last, "engagement", "churn") < -0.01) return { key: "hint.churn" };
  return { key: "hint.steady" };
}
