import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { rowsOf, type Db } from './client.js';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** Arbitrary but fixed: every replica takes the same transaction-scoped advisory lock. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies drizzle-kit's migrations in one transaction under `pg_advisory_xact_lock`, so replicas
 * that start together wait for each other instead of colliding; the lock is transaction-scoped,
 * which keeps it safe behind PgBouncer in transaction mode.
 */
export async function migrate(db: Db, folder = MIGRATIONS_FOLDER): Promise<{ applied: number }> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create table if not exists schema_migrations (
      hash text primary key, created_at bigint not null, applied_at timestamptz not null default now())`);
    const done = new Set(
      rowsOf<{ hash: string }>(await tx.execute(sql`select hash from schema_migrations`)).map((r) => r.hash),
    );
    let applied = 0;
    for (const migration of migrations) {
      if (done.has(migration.hash)) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into schema_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      applied += 1;
    }
    return { applied };
  });
}

/** The hashes of the migrations in the folder, read from disk. */
export function migrationHashes(folder = MIGRATIONS_FOLDER): string[] {
  return readMigrationFiles({ migrationsFolder: folder }).map((m) => m.hash);
}

/** True when every expected migration has been applied (readiness). */
export async function migrationsApplied(db: Db, expected: readonly string[] = migrationHashes()): Promise<boolean> {
  const rows = rowsOf<{ hash: string }>(
    await db.execute(sql`select hash from schema_migrations`).catch(() => ({ rows: [] })),
  );
  const have = new Set(rows.map((r) => r.hash));
  return expected.every((hash) => have.has(hash));
}
