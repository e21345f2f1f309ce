// Entry of the SQLite store's thread (sqliteWorker.ts starts it): the thread runs the server's
// TypeScript through tsx's loader, registered here because a worker does not inherit the
// transform of whatever started the process (tsx for `npm start`, Vitest for the tests).
import { register } from "tsx/esm/api";

register();
await import("./sqliteThread.ts");
