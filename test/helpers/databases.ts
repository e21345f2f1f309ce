/**
 * PostgreSQL for a test file that needs one: a throwaway server started on first use and
 * stopped after the file, and a fresh, empty database for each call (one per cluster or test).
 */
import { afterAll } from "vitest";
import { startPostgres, type TestPostgres } from "../../server/cli/services/postgres";

export function throwawayDatabases(): () => Promise<string> {
  let postgres: TestPostgres | null = null;
  afterAll(() => postgres?.stop());
  return async () => {
    postgres ??= await startPostgres();
    return postgres.createDatabase();
  };
}
