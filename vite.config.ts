/// <reference types="vitest/config" />
import { defineConfig } from "vite";

// One config for the client build (root: client/) and the test runner.
export default defineConfig({
  root: "client",
  publicDir: "public",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
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
