/**
 * The scenes are split by region around one context per canvas (scenes/board/, scenes/projector/):
 * no import cycle may come back among the scenes, and a region imports only its context.
 * Type-only imports count: a cycle of types still ties two files together.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const SCENES = join(ROOT, "client/src/scenes");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** The files under `within` that `file` imports (relative specifiers, with or without ".ts"). */
function localImports(file: string, within: Set<string>): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles
    .map((ref) => ref.fileName)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => resolve(dirname(file), spec))
    .flatMap((base) => [base, `${base}.ts`, join(base, "index.ts")])
    .filter((candidate) => within.has(candidate));
}

/** Every cycle found by a depth-first walk, each as the files along it. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

function importGraph(dir: string): Map<string, string[]> {
  const files = sourceFiles(dir);
  const within = new Set(files);
  return new Map(files.map((file) => [file, localImports(file, within)]));
}

const name = (file: string) => relative(SCENES, file);

describe("imports among the scenes", () => {
  it("finds a cycle when there is one (the walker itself)", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(findCycles(graph)).toEqual([["a", "b", "c", "a"]]);
    expect(
      findCycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("reads type-only and extensionless imports", () => {
    const graph = importGraph(SCENES);
    const board = graph.get(join(SCENES, "board/decide.ts")) ?? [];
    expect(board.map(name)).toContain("board/context.ts");
  });

  it("has no import cycle", () => {
    const cycles = findCycles(importGraph(SCENES)).map((cycle) => cycle.map(name).join(" → "));
    expect(cycles).toEqual([]);
  });

  it("lets a region import only its context among its siblings", () => {
    const graph = importGraph(SCENES);
    for (const folder of ["board", "projector"]) {
      for (const [file, imports] of graph) {
        const here = name(file);
        if (!here.startsWith(`${folder}/`) || here === `${folder}/index.ts`) continue;
        const siblings = imports.map(name).filter((dep) => dep.startsWith(`${folder}/`));
        expect({ file: here, siblings }).toEqual({
          file: here,
          siblings: siblings.filter((dep) => dep === `${folder}/context.ts`),
        });
      }
    }
  });
});
