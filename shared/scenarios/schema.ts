/**
 * Scenarios are data. This schema is the one gate they pass through, whether they ship with the
 * game or come from a trainer's file; an error names the offending field.
 */
import { z } from "zod";
import { BUCKET_IDS, type Allocation } from "../model/levers";
import { EVENT_IDS } from "../model/events";
import type { Scenario } from "../model/types";

const unit = z.number().min(0).max(1);
const localized = z
  .object({ fr: z.string().min(1).max(600), en: z.string().min(1).max(600) })
  .strict();
const tokens = z.number().int().min(0).max(1000);
const allocationShape = Object.fromEntries(BUCKET_IDS.map((id) => [id, tokens])) as Record<
  keyof Allocation,
  typeof tokens
>;

export const scenarioSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and dashes, at most 40"),
    title: localized,
    description: localized,
    years: z.number().int().min(1).max(10),
    budget: z.number().int().min(1).max(100),
    start: z
      .object({
        L: unit,
        W: unit,
        C: unit,
        G: unit,
        K: unit,
        S: unit,
        M: unit,
        a: unit,
        X: unit,
        T: unit,
        Z: z.number().min(0).max(100),
        P: unit,
      })
      .strict(),
    defaultAllocation: z.object(allocationShape).strict(),
    events: z
      .array(
        z
          .object({
            quarter: z.number().int().min(1),
            event: z.enum(EVENT_IDS),
            probability: z.number().gt(0).max(1).optional(),
          })
          .strict(),
      )
      .max(200),
  })
  .strict()
  .superRefine((s, ctx) => {
    const total = BUCKET_IDS.reduce((sum, id) => sum + s.defaultAllocation[id], 0);
    if (total > s.budget) {
      ctx.addIssue({
        code: "custom",
        path: ["defaultAllocation"],
        message: `allocates ${total} tokens, over the budget of ${s.budget}`,
      });
    }
    s.events.forEach((e, i) => {
      if (e.quarter > s.years * 4) {
        ctx.addIssue({
          code: "custom",
          path: ["events", i, "quarter"],
          message: `quarter ${e.quarter} is after the last quarter (${s.years * 4})`,
        });
      }
    });
  });

export type ScenarioParseResult =
  { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Validates unknown data as a scenario; each error names its field, e.g. `start.T: …`. */
export function parseScenario(data: unknown): ScenarioParseResult {
  const parsed = scenarioSchema.safeParse(data);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join(".") || "(scenario)";
      return `${path}: ${issue.message}`;
    }),
  };
}
