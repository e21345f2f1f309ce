// Prints the current golden hashes and final tables; with --write, pins them in cases.ts (see
// cases.ts for when: after a deliberate model change, once the tables show only what was meant).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { GOLDEN_CASES } from "./cases";
import { goldenFinals, goldenTrajectory } from "./trajectory";

const casesFile = new URL("./cases.ts", import.meta.url);
const source = readFileSync(casesFile, "utf8");
const head = source.slice(0, source.indexOf("export const GOLDEN_CASES"));
const cases = GOLDEN_CASES.map((c) => {
  const sha256 = createHash("sha256").update(goldenTrajectory(c)).digest("hex");
  const finals = goldenFinals(c);
  console.log(`${c.scenario} ${c.seed}: ${sha256}`);
  for (const [id, f] of Object.entries(finals)) console.log(`  ${id} ${JSON.stringify(f)}`);
  return { scenario: c.scenario, seed: c.seed, teams: c.teams, sha256, finals };
});
const body = `export const GOLDEN_CASES: GoldenCase[] = ${JSON.stringify(cases, null, 2)};\n`;
if (process.argv.includes("--write")) writeFileSync(casesFile, head + body);
