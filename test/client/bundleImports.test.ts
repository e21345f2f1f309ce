/**
 * The client bundle carries no zod: validation is the server's job, and the values the client
 * needs (limits, phases, defaults) come from zod-free shared/protocol/constants.ts. This walks
 * every import the browser bundle can reach from its entry (static, dynamic and the worker),
 * skipping type-only imports, which the build erases.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const ENTRY = join(ROOT, "client/src/main.ts");

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return (
    !clause.name &&
    named !== undefined &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((e) => e.isTypeOnly)
  );
}

/** The module specifiers a file loads at run time. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !isTypeOnlyImport(node)) {
      out.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) {
      out.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push(node.arguments[0].text);
    } else if (
      // new Worker(new URL("./x.worker.ts", import.meta.url))
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "URL" &&
      node.arguments?.[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every local file and every package the bundle reaches from its entry. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith(".ts")) continue; // JSON, CSS, SVG: no imports of their own
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith(".")) {
        const target = resolveLocal(file, specifier.replace(/\?.*$/, ""));
        if (target) queue.push(target);
        else throw new Error(`${relative(ROOT, file)}: cannot resolve ${specifier}`);
      } else {
        const parts = specifier.split("/");
        packages.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!);
      }
    }
  }
  return { files, packages };
}

describe("the client bundle", () => {
  const { files, packages } = reach(ENTRY);
  const local = [...files].map((f) => relative(ROOT, f));

  it("reaches the app, its libraries and the shared constants (the walk works)", () => {
    expect(packages).toContain("@colyseus/sdk");
    expect(packages).toContain("phaser");
    expect(local).toContain("client/src/net/wire.ts");
    expect(local).toContain("client/src/app/insights.worker.ts");
    expect(local).toContain("shared/protocol/constants.ts");
  });

  it("never loads zod, nor the protocol's validators", () => {
    expect(packages).not.toContain("zod");
    const validators = ["shared/protocol/messages.ts", "shared/protocol/options.ts"];
    expect(local.filter((f) => validators.includes(f))).toEqual([]);
    // The files that do import zod, so that a new one is not missed by the list above.
    const withZod = local.filter(
      (f) => f.endsWith(".ts") && runtimeImports(join(ROOT, f)).includes("zod"),
    );
    expect(withZod).toEqual([]);
  });
});
