/**
 * `npx tsx test/bench/profileSummary.ts <file.cpuprofile>`: where a bench server's main thread
 * went, from a V8 CPU profile (`BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=DIR"`). Each
 * sample is charged to the category of its leaf frame's code; native frames (SQLite, socket
 * writes) take their caller's category, so a commit counts as store, a write as sockets.
 * Printed as `profile_<category>: share %` of the busy (non-idle) samples, then the heaviest
 * functions by self time. `--from`/`--to` (µs, the `cpu-profile mark:` lines the bench server
 * prints under --cpu-prof) keep one measured window.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { categoryOf } from "./profileCategories";
import { line } from "./schedule";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: "string" }, to: { type: "string" } },
});
const file = positionals[0];
if (!file) throw new Error("usage: profileSummary.ts <file.cpuprofile> [--from µs] [--to µs]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
// The window between two `cpu-profile mark:` lines of the bench server (its measured phase).
const from = Number(values.from ?? -Infinity);
const to = Number(values.to ?? Infinity);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const category = new Map<number, string>();
function resolve(id: number): string {
  const known = category.get(id);
  if (known) return known;
  const node = byId.get(id)!;
  const own = categoryOf(node.callFrame);
  const up = parent.get(id);
  const result = own ?? (up === undefined ? "native_unattributed" : resolve(up));
  category.set(id, result);
  return result;
}

const time = new Map<string, number>();
const self = new Map<string, number>();
let busy = 0;
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  at += dt;
  if (at < from || at > to) return;
  const cat = resolve(id);
  time.set(cat, (time.get(cat) ?? 0) + dt);
  if (cat === "idle") return;
  busy += dt;
  const { functionName, url } = byId.get(id)!.callFrame;
  const key = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "")}`;
  self.set(key, (self.get(key) ?? 0) + dt);
});
line("profile_busy", busy / 1e6, "s (main thread, non-idle)");
for (const [cat, us] of [...time].sort((a, b) => b[1] - a[1])) {
  if (cat !== "idle") line(`profile_${cat}`, (100 * us) / busy, "% of busy");
}
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${key}`);
}
