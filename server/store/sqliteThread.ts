/**
 * The SQLite store's own thread (started by sqliteWorker.ts): it owns the file through the
 * synchronous `SqliteStore`, so a commit's fsync and every query block this thread, never the
 * event loop that runs the rooms. Messages are handled in the order they arrive: a read sees
 * every write sent before it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { SqliteStore } from "./sqlite";
import { CorruptRecordError, describeError } from "./store";
import type { FromThread, ThreadError, ToThread } from "./sqliteProtocol";

const port = parentPort;
if (!port) throw new Error("sqliteThread.ts runs as a worker thread only");

function errorOf(error: unknown): ThreadError {
  if (error instanceof CorruptRecordError) {
    return { name: error.name, message: error.message, workshop: error.code };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return { name: e.name, message: e.message, ...(typeof code === "string" ? { code } : {}) };
}

const send = (message: FromThread) => port.postMessage(message);

let store: SqliteStore;
try {
  store = new SqliteStore((workerData as { file: string }).file);
} catch (error) {
  send({ kind: "failed", error: errorOf(error) });
  process.exit(0);
}
store.observeCommits((ms, rows) => send({ kind: "commit", ms, rows }));
send({ kind: "ready" });

type Method = (...args: unknown[]) => Promise<unknown>;
const call = (method: string, args: unknown[]) =>
  (store as unknown as Record<string, Method>)[method]!.apply(store, args);

port.on("message", (message: ToThread) => {
  switch (message.kind) {
    case "writes": {
      // All queued in this one turn: SqliteStore commits them in one transaction.
      const settled = message.ops.map((op) =>
        call(op.method, op.args).then(
          () => ({ ok: true as const }),
          (error: unknown) => ({ ok: false as const, error: errorOf(error) }),
        ),
      );
      void Promise.all(settled).then((results) =>
        send({ kind: "written", id: message.id, results, health: store.health() }),
      );
      return;
    }
    case "read": {
      call(message.method, message.args).then(
        (value) =>
          send({ kind: "answer", id: message.id, ok: true, value, health: store.health() }),
        (error: unknown) =>
          send({
            kind: "answer",
            id: message.id,
            ok: false,
            error: errorOf(error),
            health: store.health(),
          }),
      );
      return;
    }
    case "close": {
      store.close().then(
        () => send({ kind: "closed" }),
        (error: unknown) => {
          console.error(`[store] closing the SQLite file failed: ${describeError(error)}`);
          send({ kind: "closed" });
        },
      );
      return;
    }
  }
});
