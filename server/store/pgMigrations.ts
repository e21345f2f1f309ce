/**
 * The PostgreSQL schema as numbered steps, recorded in `schema_version`. Every process runs
 * them at start, inside one transaction under an advisory lock, so processes starting together
 * neither race nor see half a schema; a database written by a newer Élan is refused. Steps
 * only ever get appended.
 *
 * The log is a gap-free, single-writer sequence per workshop, guaranteed by the database
 * itself and not only by the process that writes: the primary key `(code, seq)` refuses a
 * repeated number, and the trigger of step 2 refuses any number but the next one (it bumps
 * `workshops.last_seq` under the row lock, so two writers racing for the same number
 * serialize and the second fails with a message naming the workshop and the number expected).
 */
import type { PoolClient } from "pg";

/** The two-key advisory lock space (`'Elan'`, 1): never the one-key space used per workshop. */
const MIGRATION_LOCK = "pg_advisory_xact_lock(1164730734, 1)";

export const PG_STEPS: readonly string[] = [
  // 1: workshops (record, status beside the log, quarantine) and their logs.
  `CREATE TABLE workshops (
     code TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     config TEXT NOT NULL,
     facilitator_hash TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     phase TEXT NOT NULL DEFAULT 'lobby',
     turn INTEGER NOT NULL DEFAULT 0,
     ended_at BIGINT NOT NULL DEFAULT 0,
     quarantine TEXT
   );
   CREATE INDEX workshops_by_facilitator ON workshops (facilitator_hash);
   CREATE TABLE actions (
     code TEXT NOT NULL REFERENCES workshops (code),
     seq INTEGER NOT NULL CHECK (seq > 0),
     at BIGINT NOT NULL,
     envelope TEXT NOT NULL,
     PRIMARY KEY (code, seq)
   );`,
  // 2: only the next number may be appended (the single-writer guard described above).
  `ALTER TABLE workshops ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
   UPDATE workshops w
     SET last_seq = COALESCE((SELECT MAX(seq) FROM actions a WHERE a.code = w.code), 0);
   CREATE FUNCTION elan_append_next() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE expected INTEGER;
   BEGIN
     UPDATE workshops SET last_seq = NEW.seq WHERE code = NEW.code AND last_seq = NEW.seq - 1;
     IF NOT FOUND THEN
       SELECT last_seq + 1 INTO expected FROM workshops WHERE code = NEW.code;
       IF expected IS NULL THEN
         RAISE EXCEPTION 'Workshop %: action % refused, no such workshop.', NEW.code, NEW.seq;
       END IF;
       RAISE EXCEPTION
         'Workshop %: action % refused, the log expects % next (another writer appended to it?).',
         NEW.code, NEW.seq, expected;
     END IF;
     RETURN NEW;
   END $$;
   CREATE TRIGGER actions_gap_free BEFORE INSERT ON actions
     FOR EACH ROW EXECUTE FUNCTION elan_append_next();`,
];

export const PG_SCHEMA_VERSION = PG_STEPS.length;

/** Brings the database to `upTo` (the latest by default; tests build older ones). */
export async function migratePostgres(
  client: PoolClient,
  upTo: number = PG_SCHEMA_VERSION,
): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(`SELECT ${MIGRATION_LOCK}`);
    await client.query("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    const rows = (await client.query<{ version: number }>("SELECT version FROM schema_version"))
      .rows;
    let version = rows[0]?.version ?? 0;
    if (rows.length === 0) await client.query("INSERT INTO schema_version VALUES (0)");
    if (version > PG_SCHEMA_VERSION) {
      throw new Error(
        `the database was written by a newer Élan (schema ${version}, this one knows ${PG_SCHEMA_VERSION})`,
      );
    }
    for (; version < upTo; version++) {
      await client.query(PG_STEPS[version] as string);
      await client.query("UPDATE schema_version SET version = $1", [version + 1]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
