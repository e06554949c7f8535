import type { DateTime } from 'luxon';
import type { Executor } from '../client.js';
import { deleteOldRows } from '../delete-old-rows.js';
import { processedEvents } from '../schema.js';

export class ProcessedEventRepository {
  /** True the first time an event id is seen; false for Slack's retries of it. */
  async markFirstSeen(ex: Executor, eventId: string, now: DateTime): Promise<boolean> {
    const rows = await ex
      .insert(processedEvents)
      .values({ eventId, receivedAt: now.toJSDate() })
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    return rows.length === 1;
  }

  /** Forgets up to `limit` event ids received before `cutoff`; Slack retries within minutes, not days. */
  pruneBefore(ex: Executor, cutoff: DateTime, limit: number): Promise<number> {
    return deleteOldRows(ex, { table: 'processed_events', key: 'event_id', time: 'received_at' }, cutoff, limit);
  }

}
