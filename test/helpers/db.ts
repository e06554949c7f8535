import pino from 'pino';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface MigratedDatabase {
  database: Database;
  testDatabase: TestDatabase;
  close(): Promise<void>;
}

/** A fresh, migrated Postgres database with the app's own pool settings. */
export async function migratedDatabase(): Promise<MigratedDatabase> {
  const testDatabase = await createTestDatabase();
  const database = await openDatabase(
    { url: testDatabase.url, pgliteDir: '', poolSize: 10, statementTimeoutMs: 5000 },
    pino({ level: 'silent' }),
  );
  await migrate(database.db);
  return {
    database,
    testDatabase,
    close: async () => {
      await database.close();
      await testDatabase.drop();
    },
  };
}
