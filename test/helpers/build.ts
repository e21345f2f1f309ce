/**
 * The production client built with Vite's JS API into a fresh temp dir (the browser tests serve
 * it; the first-load test reads its manifest), optionally with extra plugins that watch the
 * bundle.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build, type PluginOption } from "vite";

export const ROOT = resolve(import.meta.dirname, "../..");

export async function buildClient(plugins: PluginOption[] = []): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "elan-client-"));
  // vitest sets NODE_ENV=test, which would make Vite produce a development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: join(ROOT, "vite.config.ts"),
      mode: "production",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
      plugins,
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
