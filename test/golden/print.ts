// Prints the current golden hashes; with --write, pins them in cases.ts (see cases.ts for when).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { GOLDEN_CASES } from "./cases";
import { goldenTrajectory } from "./trajectory";

const casesFile = new URL("./cases.ts", import.meta.url);
let source = readFileSync(casesFile, "utf8");
for (const c of GOLDEN_CASES) {
  const sha = createHash("sha256").update(goldenTrajectory(c)).digest("hex");
  console.log(`${c.scenario} ${c.seed}: ${sha}`);
  source = source.replace(
    new RegExp(`(seed: "${c.seed}",[\\s\\S]*?sha256: ")[0-9a-f]*(")`),
    (_m, head: string, tail: string) => `${head}${sha}${tail}`,
  );
}
if (process.argv.includes("--write")) writeFileSync(casesFile, source);
