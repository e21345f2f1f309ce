import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the sim command", () => {
  it("exits non-zero with a clear message for an unknown scenario", () => {
    const result = spawnSync("npx", ["tsx", "server/cli/sim.ts", "--scenario", "nope"], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull();
    expect(result.stderr).toContain('Unknown scenario "nope"');
    expect(result.stderr).toContain("Usage:");
    expect(result.stdout).toBe("");
  });
});
