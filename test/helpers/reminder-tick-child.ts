/**
 * A replica that only ticks the reminders once, for the crash tests: `HANG_BEFORE_COMMIT=1` makes
 * it print CLAIMED and wait inside the open transaction, so the parent can `kill -9` it mid-tick.
 * Env: DATABASE_URL, NOW (ISO), HANG_BEFORE_COMMIT.
 */
import { SteppedClock } from '../../src/clock.js';
import { openDatabase } from '../../src/db/client.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { DEFAULT_CADENCE } from '../../src/domain/severity.js';
import { createLogger } from '../../src/logger.js';
import { ReminderService } from '../../src/services/reminder-service.js';

const logger = createLogger('silent');
const database = await openDatabase(
  { url: process.env.DATABASE_URL, pgliteDir: 'memory://', poolSize: 2, statementTimeoutMs: 60_000 },
  logger,
);
const hang = process.env.HANG_BEFORE_COMMIT === '1';
const service = new ReminderService({
  db: database.db,
  repos: createRepositories(),
  clock: new SteppedClock(process.env.NOW ?? new Date().toISOString()),
  cadence: DEFAULT_CADENCE,
  logger,
  batchSize: 1000,
  beforeCommit: async (claimed) => {
    if (!hang) return;
    process.stdout.write(`CLAIMED ${claimed.length}\n`);
    await new Promise(() => {});
  },
});
const sent = await service.tick();
process.stdout.write(`SENT ${sent}\n`);
await database.close();
