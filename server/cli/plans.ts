/**
 * `--plans FILE`: hand-written plans played as team-1 over many seeds, to measure a split, a
 * quarter-by-quarter schedule or a strategy against the same draws (and the same rivals).
 *
 * The file is a JSON array of `{ name, allocation }` (the same split every quarter),
 * `{ name, schedule: [allocation per quarter] }` or `{ name, strategy }`. An allocation lists
 * whole tokens per bucket (a bucket left out gets 0); one over the budget of its quarter is
 * trimmed by `fitToBudget`, the default rule for any replayed decision.
 */
import { z } from "zod";
import {
  BUCKET_IDS,
  STRATEGY_IDS,
  emptyAllocation,
  type Allocation,
  type Scenario,
  type StrategyId,
} from "../../shared/index";
import { playerScores, type Rivals } from "./lineup";
import { summarize, type ScoreStats } from "./tournament";

export type PlanPlay =
  | { kind: "allocation"; allocation: Allocation }
  | { kind: "schedule"; schedule: Allocation[] }
  | { kind: "strategy"; strategy: StrategyId };

export type Plan = { name: string } & PlanPlay;

const whole = "expected a whole number of tokens";
const tokens = z
  .number({ error: whole })
  .int({ error: whole })
  .min(0, { error: "cannot be negative" })
  .max(1000, { error: "at most 1000 tokens" });
const allocationSchema = z.strictObject(
  Object.fromEntries(BUCKET_IDS.map((id) => [id, tokens.optional()])) as Record<
    (typeof BUCKET_IDS)[number],
    z.ZodOptional<typeof tokens>
  >,
);
const name = z.string().trim().min(1).max(64);
const KINDS = ["allocation", "schedule", "strategy"] as const;
const entrySchemas = {
  allocation: z.strictObject({ name, allocation: allocationSchema }),
  schedule: z.strictObject({ name, schedule: z.array(allocationSchema).min(1) }),
  strategy: z.strictObject({ name, strategy: z.enum(STRATEGY_IDS) }),
} as const;

function complete(partial: Partial<Allocation>): Allocation {
  return { ...emptyAllocation(), ...partial };
}

/** `schedule.3.culture` → `schedule[3].culture`. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : `${i > 0 ? "." : ""}${String(part)}`,
    )
    .join("");
}

function issues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${fieldPath(issue.path) || "(entry)"}: ${issue.message}`);
}

/** One entry of the given kind, or its errors (without the entry's label). */
function checkEntry(
  kind: (typeof KINDS)[number],
  raw: unknown,
  quarters: number,
  scenarioId: string,
): Plan | string[] {
  switch (kind) {
    case "allocation": {
      const parsed = entrySchemas.allocation.safeParse(raw);
      if (!parsed.success) return issues(parsed.error);
      return { name: parsed.data.name, kind, allocation: complete(parsed.data.allocation) };
    }
    case "schedule": {
      const parsed = entrySchemas.schedule.safeParse(raw);
      if (!parsed.success) return issues(parsed.error);
      const { name, schedule } = parsed.data;
      if (schedule.length !== quarters) {
        return [
          `schedule: ${schedule.length} allocations, but scenario ${scenarioId} has ` +
            `${quarters} quarters`,
        ];
      }
      return { name, kind, schedule: schedule.map(complete) };
    }
    case "strategy": {
      const parsed = entrySchemas.strategy.safeParse(raw);
      if (!parsed.success) return issues(parsed.error);
      return { name: parsed.data.name, kind, strategy: parsed.data.strategy };
    }
  }
}

export type PlansParseResult = { ok: true; plans: Plan[] } | { ok: false; errors: string[] };

/**
 * Validates parsed JSON as a list of plans for `scenario` (a schedule must give one allocation
 * per quarter). Each error names its entry and field, e.g. `plans[1] ("late"): schedule[3].culture: …`.
 */
export function parsePlans(data: unknown, scenario: Scenario): PlansParseResult {
  if (!Array.isArray(data)) return { ok: false, errors: ["plans: expected a JSON array of plans"] };
  if (data.length === 0) return { ok: false, errors: ["plans: the list is empty"] };
  const errors: string[] = [];
  const plans: Plan[] = [];
  const seen = new Set<string>();
  const quarters = scenario.years * 4;
  data.forEach((entry: unknown, i) => {
    const raw = entry as Record<string, unknown> | null;
    const label =
      typeof raw?.name === "string"
        ? `plans[${i}] (${JSON.stringify(raw.name.slice(0, 64))})`
        : `plans[${i}]`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      errors.push(`${label}: expected an object { name, allocation | schedule | strategy }`);
      return;
    }
    const kinds = KINDS.filter((kind) => kind in raw);
    if (kinds.length !== 1) {
      errors.push(`${label}: give exactly one of allocation, schedule or strategy`);
      return;
    }
    const checked = checkEntry(kinds[0] as (typeof KINDS)[number], raw, quarters, scenario.id);
    if (Array.isArray(checked)) {
      for (const error of checked) errors.push(`${label}: ${error}`);
      return;
    }
    if (seen.has(checked.name)) {
      errors.push(`${label}: name: "${checked.name}" is used by an earlier plan`);
      return;
    }
    seen.add(checked.name);
    plans.push(checked);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, plans };
}

export interface PlansReport {
  scenario: string;
  /** Games per plan, on seeds `<seedPrefix>:0` … `<seedPrefix>:<seeds − 1>`. */
  seeds: number;
  seedPrefix: string;
  /** The bots beside team-1 in every game, or null when it plays alone. */
  rivals: Rivals | null;
  /** Final-score statistics of team-1 per plan, in the file's order. */
  plans: Record<string, ScoreStats>;
}

export function runPlans(
  scenario: Scenario,
  seedPrefix: string,
  seeds: number,
  plans: readonly Plan[],
  rivals: Rivals | null,
): PlansReport {
  // No prototype: a plan may be called "__proto__" and must still be a plain key.
  const stats = Object.create(null) as Record<string, ScoreStats>;
  for (const plan of plans) {
    stats[plan.name] = summarize(playerScores(scenario, seedPrefix, seeds, plan, rivals));
  }
  return { scenario: scenario.id, seeds, seedPrefix, rivals, plans: stats };
}
