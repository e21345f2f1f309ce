/**
 * `npx tsx test/bench/heapSummary.ts <file.heapprofile>`: what a bench server allocated over
 * its measured window (`BENCH_HEAP_PROFILE=DIR`, see allocationProfiler.ts), by the category of
 * the allocating code (as profileSummary.ts: native frames take their caller's), then the
 * heaviest allocating functions. Sampled bytes, collected objects included: the GC's work.
 */
import { readFileSync } from "node:fs";
import { categoryOf, type CallFrame } from "./profileCategories";
import { line } from "./schedule";

interface HeapNode {
  id: number;
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

const file = process.argv[2];
if (!file) throw new Error("usage: heapSummary.ts <file.heapprofile>");
const { head } = JSON.parse(readFileSync(file, "utf8")) as { head: HeapNode };
const byCategory = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
function walk(node: HeapNode, inherited: string): void {
  const category = categoryOf(node.callFrame) ?? inherited;
  if (node.selfSize > 0) {
    total += node.selfSize;
    byCategory.set(category, (byCategory.get(category) ?? 0) + node.selfSize);
    const { functionName, url } = node.callFrame;
    const key = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "")}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, category);
}
walk(head, "native_unattributed");
line("allocated", total / 1e6, "MB (sampled, collected objects included)");
for (const [category, bytes] of [...byCategory].sort((a, b) => b[1] - a[1])) {
  line(`allocated_${category}`, (100 * bytes) / total, "% of bytes");
}
for (const [key, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`  ${((100 * bytes) / total).toFixed(1).padStart(5)} %  ${key}`);
}
