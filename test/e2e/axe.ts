/**
 * axe-core inside the page, from node_modules (never a CDN). The source goes in through the
 * DevTools protocol, which the app's Content-Security-Policy does not govern, so the page is
 * checked under its real policy.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the whole page; returns its serious and critical violations, readable. */
export async function axeSerious(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? "",
        help: v.help,
        targets: v.nodes.map(
          (n) =>
            `${n.target.join(" ")} — ${(n.failureSummary ?? "").split("\n").slice(0, 2).join(" ")}`,
        ),
      }));
  });
}

/** The findings as a list a person can act on (printed when a check fails). */
export function describeFindings(screen: string, findings: readonly AxeFinding[]): string {
  return findings
    .map((f) => `${screen}: [${f.impact}] ${f.id} (${f.help})\n  ${f.targets.join("\n  ")}`)
    .join("\n");
}
