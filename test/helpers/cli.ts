/**
 * The headless runner's `main` with its input and output in memory: what it printed, on which
 * stream, and its exit code. `files` stands in for the disk (a missing path fails like Node's).
 */
import { main } from "../../server/cli/run";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(argv: string[], files: Record<string, string> = {}): CliRun {
  let stdout = "";
  let stderr = "";
  const code = main(argv, {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
  });
  return { code, stdout, stderr };
}
