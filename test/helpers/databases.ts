/**
 * PostgreSQL for a test file that needs one: a throwaway server started on first use and
 * stopped after the file, and a fresh, empty database for each call (one per cluster or test).
 */
import pg from "pg";
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

/** Runs SQL on a fresh connection of its own (looking at the database from outside); its rows. */
export async function sqlOn(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
