/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

// Phaser built from its sources with only what the screens use (client/vendor/phaser.js): the
// published builds carry physics, tilemaps, particles and a sound manager the board never uses.
const phaserBuild = fileURLToPath(new URL("./client/vendor/phaser.js", import.meta.url));

/** Phaser's build-time switches, as its own build sets them (`typeof FLAG` is the test). */
const PHASER_FLAGS: Record<string, boolean> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_FBINSTANT: false,
};

function phaserFlags(): Plugin {
  return {
    name: "elan-phaser-flags",
    transform(code, id) {
      if (!id.includes("/node_modules/phaser/src/")) return null;
      return (
        code
          .replace(
            /typeof (CANVAS_RENDERER|WEBGL_RENDERER|WEBGL_DEBUG|FEATURE_SOUND|PLUGIN_FBINSTANT)\b/g,
            (_, flag: string) => String(PHASER_FLAGS[flag]),
          )
          // The entry publishes itself on `global` (webpack's name for the page's global object).
          .replace(/^global\.Phaser = Phaser;$/m, "globalThis.Phaser = Phaser;")
      );
    },
  };
}

// One config for the client build (root: client/) and the test runner.
export default defineConfig({
  root: "client",
  publicDir: "public",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    // Phaser alone is ~0.9 MB minified: the budget is checked by `npm run bench:client` (gzip).
    chunkSizeWarningLimit: 2000,
    // Icons stay files: Phaser's SVG loader wants a URL it can fetch, and they cache well.
    assetsInlineLimit: (file) => (file.endsWith(".svg") ? false : undefined),
  },
  resolve: { alias: [{ find: /^phaser$/, replacement: phaserBuild }] },
  plugins: [phaserFlags()],
  server: { port: 5173 },
  test: {
    root: ".",
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/helpers/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
