/** `npm run sim -- …`: the headless runner (see docs/sim.md). */
import { readFileSync } from "node:fs";
import { main } from "./run";

process.exitCode = main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, "utf8"),
});
