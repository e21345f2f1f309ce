/// <reference types="vitest/config" />
import { readdir, readFile, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
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

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What compresses: text. Images other than SVG and fonts are compressed already. */
const TEXT_EXTENSIONS = new Set([
  ".html",
  ".js",
  ".mjs",
  ".css",
  ".svg",
  ".json",
  ".map",
  ".txt",
  ".xml",
  ".webmanifest",
]);

async function filesUnder(dir: string): Promise<string[]> {
  // Dot folders (Vite's .vite/manifest.json) are never served.
  const entries = (await readdir(dir, { withFileTypes: true })).filter(
    (e) => !e.name.startsWith("."),
  );
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat();
}

/** Writes `file.br` and `file.gz` beside every text file under `dir`. */
async function precompressDir(dir: string): Promise<void> {
  const files = (await filesUnder(dir)).filter((f) => TEXT_EXTENSIONS.has(extname(f)));
  await Promise.all(
    files.map(async (file) => {
      const data = await readFile(file);
      const [br, gzipped] = await Promise.all([
        brotli(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
        gz(data, { level: 9 }),
      ]);
      if (br.length < data.length) await writeFile(`${file}.br`, br);
      if (gzipped.length < data.length) await writeFile(`${file}.gz`, gzipped);
    }),
  );
}

/**
 * Once the build is written, every text file of the output gets a brotli (`.br`, quality 11) and
 * a gzip (`.gz`, level 9) copy beside it, which the server's static middleware
 * (server/http/static.ts, sirv) sends to browsers that accept them. Compressing at build time
 * lets the slowest, smallest settings cost nothing per request. A copy that would not be smaller
 * than the file is not written (sirv then sends the file as it is).
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "elan-precompress",
    apply: "build",
    writeBundle(options) {
      outDir = options.dir ?? outDir;
    },
    // After every output is written, public/ files included.
    async closeBundle() {
      if (outDir) await precompressDir(outDir);
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
    // .vite/manifest.json: which chunks each entry loads, statically or on demand (the
    // first-load test reads it; the server never serves dot folders).
    manifest: true,
    rolldownOptions: {
      output: {
        // Phaser, and the Colyseus SDK with its codecs, in chunks of their own: their names
        // (hashes) change only when they do, so a returning phone keeps them cached (immutable)
        // across releases of the app.
        codeSplitting: {
          groups: [
            {
              name: "phaser",
              test: /client\/vendor\/phaser\.js|node_modules\/(phaser|eventemitter3)\//,
            },
            { name: "colyseus", test: /node_modules\/(@colyseus|msgpackr|ws)\// },
          ],
        },
      },
    },
    // Phaser alone is ~0.8 MB minified: the budget is bytes over the wire (`npm run bench:client`).
    chunkSizeWarningLimit: 2000,
    // Icons stay files: Phaser's SVG loader wants a URL it can fetch, and they cache well.
    assetsInlineLimit: (file) => (file.endsWith(".svg") ? false : undefined),
  },
  resolve: { alias: [{ find: /^phaser$/, replacement: phaserBuild }] },
  plugins: [phaserFlags(), precompress()],
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
