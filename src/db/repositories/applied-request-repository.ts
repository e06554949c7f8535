import { sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { rowsOf, type Executor } from '../client.js';
import { appliedRequests } from '../schema.js';

export class AppliedRequestRepository {
  /**
   * True the first time `key` is recorded. Inside the change's transaction: a concurrent replay
   * waits on the key until the first commits (then finds it) or rolls back (then applies itself).
   */
  async first(ex: Executor, key: string): Promise<boolean> {
    const rows = await ex.insert(appliedRequests).values({ key }).onConflictDoNothing().returning({ key: appliedRequests.key });
    return rows.length === 1;
  }

  async pruneBefore(ex: Executor, cutoff: DateTime, limit: number): Promise<number> {
    const result = await ex.execute(sql`
      delete from applied_requests where key in (
        select key from applied_requests where applied_at < ${cutoff.toUTC().toISO()}::timestamptz limit ${limit})
      returning 1 as gone`);
    return rowsOf(result).length;
  }
}
