/**
 * Where the garbage comes from: V8's sampling heap profiler over the measured window, keeping
 * the samples of objects the GC has already collected (which `--heap-prof` drops), so the
 * profile shows what is allocated, not what survives. The first stats request of a phase starts
 * it, the second writes `<dir>/allocations-<pid>-<n>.heapprofile` for heapSummary.ts.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";

export function allocationProfiler(dir: string | undefined): { mark(): void } | null {
  if (!dir) return null;
  const session = new Session();
  session.connect();
  let running = false;
  let written = 0;
  const start = () =>
    session.post("HeapProfiler.startSampling", {
      samplingInterval: 32768,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  const stop = async () => {
    const { profile } = await session.post("HeapProfiler.stopSampling");
    const file = join(dir, `allocations-${process.pid}-${++written}.heapprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.error(`allocation profile: ${file}`);
  };
  return {
    mark() {
      running = !running;
      (running ? start() : stop()).catch((error: unknown) =>
        console.error("allocation profiler:", error),
      );
    },
  };
}
