/**
 * The SQLite schema as numbered steps, recorded in `PRAGMA user_version`. A file written by an
 * older Élan opens and is brought forward at start; a file written by a newer one is refused
 * (its schema may mean things this version does not know). Steps only ever get appended.
 */
import type Database from "better-sqlite3";

const STEPS: readonly string[] = [
  // 1: the first schema (files from before versioning have these tables at user_version 0).
  `CREATE TABLE IF NOT EXISTS workshops (
     code TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     config TEXT NOT NULL,
     facilitator_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     phase TEXT NOT NULL DEFAULT 'lobby',
     turn INTEGER NOT NULL DEFAULT 0,
     ended_at INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX IF NOT EXISTS workshops_by_facilitator ON workshops (facilitator_hash);
   CREATE TABLE IF NOT EXISTS actions (
     code TEXT NOT NULL,
     seq INTEGER NOT NULL,
     at INTEGER NOT NULL,
     envelope TEXT NOT NULL,
     PRIMARY KEY (code, seq)
   ) WITHOUT ROWID;`,
  // 2: workshops set aside because their record or log cannot be replayed.
  `ALTER TABLE workshops ADD COLUMN quarantine TEXT;`,
];

export const SCHEMA_VERSION = STEPS.length;

export function migrate(db: Database.Database, file: string): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `${file} was written by a newer Élan (schema ${version}, this one knows ${SCHEMA_VERSION})`,
    );
  }
  for (let step = version; step < SCHEMA_VERSION; step++) {
    db.transaction(() => {
      db.exec(STEPS[step] as string);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}
