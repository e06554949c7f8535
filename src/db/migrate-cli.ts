/** `npm run db:migrate`: applies drizzle/ to DATABASE_URL (or the PGlite folder), as start-up does. */
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openDatabase } from './client.js';
import { migrate } from './migrate.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.database, logger);
  try {
    const { applied } = await migrate(database.db);
    process.stdout.write(`${applied} migration(s) applied to the ${database.kind} database.\n`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `migration failed: ${(err as Error).message}`}\n`);
  process.exit(1);
});
