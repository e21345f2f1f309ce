/**
 * What part of the server a profiled frame belongs to, by its script's URL: shared by the CPU
 * profile summary (profileSummary.ts) and the allocation profile summary (heapSummary.ts).
 */
export interface CallFrame {
  functionName: string;
  url: string;
}

type Category = string | null;

/** The category of a frame's own code, or null when it is native/anonymous (inherit). */
export function categoryOf({ functionName: fn, url }: CallFrame): Category {
  if (fn === "(garbage collector)") return "gc";
  if (fn === "(idle)") return "idle";
  if (fn === "(program)") return "program";
  if (url.includes("/zod/")) return "validation_zod";
  if (url.includes("/server/store/") || url.includes("better-sqlite3")) return "store";
  if (url.includes("/@colyseus/schema/")) {
    return /view|visible/i.test(fn) ? "stateview_filtering" : "schema_encoding";
  }
  if (url.includes("msgpackr")) return "msgpack";
  if (url.includes("/ws/lib/") || url.includes("node:net") || url.includes("stream_base")) {
    return "socket_writes";
  }
  if (url.includes("/@colyseus/core/")) return "colyseus_core";
  if (url.includes("/server/rooms/")) return "elan_rooms";
  if (url.includes("/server/session/")) return "elan_session";
  if (url.includes("/shared/")) return "elan_shared";
  if (url.includes("/server/")) return "elan_other";
  if (url.includes("/test/bench/")) return "bench_rooms";
  if (url.startsWith("node:")) return "node_internals";
  if (url.includes("node_modules")) return "other_packages";
  return null;
}
