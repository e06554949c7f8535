import type { DateTime } from 'luxon';
import type { Executor } from '../client.js';
import { deleteOldRows } from '../delete-old-rows.js';
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

  pruneBefore(ex: Executor, cutoff: DateTime, limit: number): Promise<number> {
    return deleteOldRows(ex, { table: 'applied_requests', key: 'key', time: 'applied_at' }, cutoff, limit);
  }

}
