/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Phaser's published build without Matter physics (the board needs no physics engine at all):
// about 34 kB gzip less than the default entry, same API and types.
const phaserBuild = fileURLToPath(
  new URL("./node_modules/phaser/dist/phaser-arcade-physics.min.js", import.meta.url),
);

// One config for the client build (root: client/) and the test runner.
export default defineConfig({
  root: "client",
  publicDir: "public",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    // Phaser alone is ~1.3 MB minified: the budget is checked by `npm run bench:client` (gzip).
    chunkSizeWarningLimit: 2000,
    // Icons stay files: Phaser's SVG loader wants a URL it can fetch, and they cache well.
    assetsInlineLimit: (file) => (file.endsWith(".svg") ? false : undefined),
  },
  resolve: { alias: [{ find: /^phaser$/, replacement: phaserBuild }] },
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
