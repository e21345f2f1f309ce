/**
 * The production build, checked where it matters to a participant:
 * - the first load (the entry chunk and every chunk it imports statically, from Vite's manifest)
 *   carries none of what only the facilitator, the projector or the debrief use: each of those
 *   modules is in the build, in a chunk loaded on demand;
 * - every text file the server may send has brotli and gzip copies beside it that decode to it.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { Rollup } from "vite";
import { buildClient, ROOT } from "../helpers/build";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** What a participant's first load must not carry (paths from the repository root). */
const LATER = [
  // The facilitator's console and "Mes ateliers".
  /^client\/src\/scenes\/FacilitatorScene\.ts$/,
  /^client\/src\/ui\/(facilitatorPanel|consoleCards|runSheetCard|projectorPicker|qr)\.ts$/,
  /^client\/src\/viewmodels\/runSheet\.ts$/,
  /^client\/src\/scenes\/workshopsPage\.ts$/,
  /^client\/src\/ui\/workshopsPanel\.ts$/,
  /node_modules\/qrcode\//,
  // The projector.
  /^client\/src\/scenes\/ProjectorScene\.ts$/,
  /^client\/src\/scenes\/projector\//,
  // The debrief: charts, what-if, attribution, loops.
  /^client\/src\/scenes\/(DebriefScene|debriefView|debriefCredit)\.ts$/,
  /^client\/src\/ui\/(debriefPanel|debriefCard|debriefCredit)\.ts$/,
  /^client\/src\/viewmodels\/(debrief|credit|chartText|loops)\.ts$/,
  /^client\/src\/draw\/(chart|waterfall|loopDiagram)\.ts$/,
  /^client\/src\/app\/insightsCompute\.ts$/,
  /^shared\/analysis\/(insights|attribution|shapley|coalitions|bestChanges|loops)\.ts$/,
  // The printed debrief (its door, print/index.ts, is a few lines that import the rest).
  /^client\/src\/print\/(print|render|model|svg|source|roomSource)\.ts$/,
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

let outDir: string;
let manifest: Record<string, ManifestChunk>;
/** Per output file: the modules bundled in it. */
const modules = new Map<string, string[]>();

beforeAll(async () => {
  outDir = await buildClient([
    {
      name: "test-chunk-modules",
      generateBundle(_options, bundle: Rollup.OutputBundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== "chunk") continue;
          modules.set(
            chunk.fileName,
            chunk.moduleIds.map((id) => relative(ROOT, id.split("?")[0] ?? id)),
          );
        }
      },
    },
  ]);
  manifest = JSON.parse(readFileSync(join(outDir, ".vite/manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >;
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

/** The entry's chunk and every chunk it imports statically: what the page loads before running. */
function firstLoadFiles(): Set<string> {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  expect(entries.map(([key]) => key)).toEqual(["index.html"]);
  const keys = new Set<string>();
  const visit = (key: string) => {
    if (keys.has(key)) return;
    keys.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entries[0]![0]);
  return new Set([...keys].map((key) => manifest[key]!.file));
}

function isLater(id: string): boolean {
  return LATER.some((pattern) => pattern.test(id));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("a participant's first load", () => {
  it("carries nothing only the facilitator, the projector or the debrief use", () => {
    const first = firstLoadFiles();
    expect(first.size).toBeGreaterThan(0);
    const carried = [...first].flatMap((file) => {
      const ids = modules.get(file);
      expect(ids, `modules of ${file}`).toBeDefined();
      return ids!.filter(isLater).map((id) => `${id} (in ${file})`);
    });
    expect(carried).toEqual([]);
    // The board itself is there: the check looks at real chunks.
    const firstModules = [...first].flatMap((file) => modules.get(file) ?? []);
    expect(firstModules).toContain("client/src/scenes/BoardScene.ts");
    expect(firstModules).toContain("client/src/scenes/LobbyScene.ts");
  });

  it("finds each of those modules in the build, in a chunk loaded on demand", () => {
    const all = [...modules.values()].flat();
    for (const pattern of LATER) {
      expect(
        all.some((id) => pattern.test(id)),
        `no module matches ${String(pattern)}`,
      ).toBe(true);
    }
    // The screens themselves are entries of their own, imported on demand.
    const onDemand = new Set(Object.values(manifest).flatMap((c) => c.dynamicImports ?? []));
    for (const name of ["FacilitatorScene", "ProjectorScene", "DebriefScene", "workshopsPage"]) {
      expect(
        [...onDemand].some((key) => key.endsWith(`/${name}.ts`)),
        name,
      ).toBe(true);
    }
  });
});

describe("the build's compressed copies", () => {
  it("has a brotli and a gzip copy beside every text file, each decoding to it", () => {
    const text = filesUnder(outDir).filter((f) => /\.(html|js|css|svg|json)$/.test(f));
    expect(text.length).toBeGreaterThan(10);
    for (const file of text) {
      const data = readFileSync(file);
      for (const [suffix, decode] of [
        [".br", brotliDecompressSync],
        [".gz", gunzipSync],
      ] as const) {
        const copy = `${file}${suffix}`;
        expect(existsSync(copy), copy).toBe(true);
        const packed = readFileSync(copy);
        expect(packed.length, copy).toBeLessThan(data.length);
        expect(decode(packed).equals(data), copy).toBe(true);
      }
    }
    const js = text.filter((f) => f.endsWith(".js"));
    const raw = js.reduce((n, f) => n + statSync(f).size, 0);
    const br = js.reduce((n, f) => n + statSync(`${f}.br`).size, 0);
    expect(br).toBeLessThan(raw / 3);
  });
});
