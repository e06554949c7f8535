import { sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { rowsOf, type Executor } from '../client.js';
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
  async pruneBefore(ex: Executor, cutoff: DateTime, limit: number): Promise<number> {
    const result = await ex.execute(sql`
      delete from processed_events where event_id in (
        select event_id from processed_events where received_at < ${cutoff.toUTC().toISO()}::timestamptz limit ${limit})
      returning 1 as gone`);
    return rowsOf(result).length;
  }
}
