/**
 * Starts a real Élan server for a test: a free port (port 0), a fresh temp dir for the SQLite
 * file, and a `close()` that stops everything it started.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, type AppOptions, type ElanApp } from "../../server/app";

export interface TestServer {
  app: ElanApp;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "elan-test-"));
}

export async function startTestServer(options: Partial<AppOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const app = await startApp({ port: 0, host: "127.0.0.1", ...options, dataDir });
  return {
    app,
    url: `http://127.0.0.1:${app.port}`,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
