import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Logger } from '../logger.js';

/** The channel the `incidents` triggers notify when a reminder's due time changes (migration 0010). */
export const DUE_CHANNEL = 'incident_bot_due';

/**
 * LISTENs for due-time changes and proves it works: a NOTIFY sent through the pool must come back
 * on the listening connection within `probeMs`. Behind PgBouncer in transaction mode it does not
 * (LISTEN is accepted, nothing arrives): then the bot says so once and relies on the tick.
 */
export async function listenForDueTimes(database: Database, onChange: () => void, logger: Logger, probeMs = 2000) {
  const probe = `probe-${randomBytes(6).toString('hex')}`;
  let heard!: () => void;
  const probed = new Promise<boolean>((resolve) => (heard = () => resolve(true)));
  let listener: { close(): Promise<void> };
  try {
    listener = await database.listen(DUE_CHANNEL, (payload) => (payload === probe ? heard() : onChange()));
  } catch (err) {
    logger.warn({ err }, 'LISTEN is unavailable: reminders go out on the TICK_SECONDS tick');
    return undefined;
  }
  await database.db.execute(sql`select pg_notify(${DUE_CHANNEL}, ${probe})`);
  const works = await Promise.race([probed, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), probeMs).unref())]);
  if (!works) {
    await listener.close().catch(() => undefined);
    logger.warn(
      'LISTEN/NOTIFY does not reach this replica (PgBouncer in transaction mode?): set DATABASE_LISTEN_URL to a direct connection. Until then reminders go out on the TICK_SECONDS tick.',
    );
    return undefined;
  }
  return listener;
}
