import { eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { rowsOf, type Executor } from '../client.js';
import type { ReminderView } from '../../domain/reminder-view.js';
import { incidents, statusUpdates } from '../schema.js';
import { readOrThrow } from '../stored-json.js';
import { fromDate, toDate } from './incident-repository.js';
import { timelineCodec } from './timeline-repository.js';

const SENT_KINDS = ['reminder_sent', 'reminder_escalated', 'update_overdue'] as const;
/** The three kinds share one shape: the reminder's view and how late it was. */
const SENT_CODEC = timelineCodec('reminder_sent');

export interface ReminderRow {
  incidentId: number;
  stage: number;
  cycle: number;
  nextReminderAt: DateTime | null;
  lastRemindedAt: DateTime | null;
  snoozeCount: number;
}

export type ReminderPatch = Partial<{
  stage: number;
  cycle: number;
  nextReminderAt: DateTime | null;
  lastRemindedAt: DateTime | null;
  snoozeCount: number;
}>;

/** The reminder columns of `incidents`. Callers hold the incident's row lock (FOR UPDATE). */
export class ReminderRepository {
  /**
   * Locks up to `limit` open incidents whose next reminder is due, skipping rows another replica
   * (or an update being posted) holds. Served by the partial index on next_reminder_at, so its
   * cost follows the number due, not the number open. Call inside a transaction.
   */
  async claimDue(ex: Executor, now: DateTime, limit: number): Promise<number[]> {
    const result = await ex.execute(sql`
      select id from incidents
      where status <> 'resolved' and next_reminder_at is not null
        and next_reminder_at <= ${now.toJSDate().toISOString()}::timestamptz
      order by next_reminder_at, id
      limit ${limit}
      for update skip locked`);
    return rowsOf<{ id: number }>(result).map((r) => Number(r.id));
  }

  /** The earliest reminder due among open incidents (the partial index answers it in one step). */
  async earliestDue(ex: Executor): Promise<DateTime | undefined> {
    const result = await ex.execute(sql`
      select min(next_reminder_at) as at from incidents where status <> 'resolved' and next_reminder_at is not null`);
    const at = rowsOf<{ at: Date | string | null }>(result)[0]?.at;
    return at ? DateTime.fromJSDate(new Date(at), { zone: 'utc' }) : undefined;
  }

  async find(ex: Executor, incidentId: number): Promise<ReminderRow | undefined> {
    const [row] = await ex
      .select({
        incidentId: incidents.id,
        stage: incidents.reminderStage,
        cycle: incidents.reminderCycle,
        nextReminderAt: incidents.nextReminderAt,
        lastRemindedAt: incidents.lastRemindedAt,
        snoozeCount: incidents.snoozeCount,
      })
      .from(incidents)
      .where(eq(incidents.id, incidentId));
    if (!row) return undefined;
    return { ...row, nextReminderAt: fromDate(row.nextReminderAt), lastRemindedAt: fromDate(row.lastRemindedAt) };
  }

  async update(ex: Executor, incidentId: number, patch: ReminderPatch): Promise<void> {
    const values: Partial<typeof incidents.$inferInsert> = {};
    if (patch.stage !== undefined) values.reminderStage = patch.stage;
    if (patch.cycle !== undefined) values.reminderCycle = patch.cycle;
    if (patch.nextReminderAt !== undefined) values.nextReminderAt = toDate(patch.nextReminderAt);
    if (patch.lastRemindedAt !== undefined) values.lastRemindedAt = toDate(patch.lastRemindedAt);
    if (patch.snoozeCount !== undefined) values.snoozeCount = patch.snoozeCount;
    if (Object.keys(values).length === 0) return;
    await ex.update(incidents).set(values).where(eq(incidents.id, incidentId));
  }

  /** The `data` of the reminders already sent in a cycle, oldest first (from the timeline). */
  /** The views of the reminders sent in one cadence cycle, as recorded on the timeline. */
  async sentInCycle(ex: Executor, incidentId: number, cycle: number): Promise<ReminderView[]> {
    const result = await ex.execute(sql`
      select id, data from timeline_events
      where incident_id = ${incidentId} and kind in (${sql.join(SENT_KINDS.map((k) => sql`${k}`), sql`, `)})
        and (data->>'cycle')::int = ${cycle}
      order by id`);
    return rowsOf<{ id: string | number; data: unknown }>(result).map((r) => {
      const { minutesLate: _late, ...view } = readOrThrow(SENT_CODEC, r.data, `timeline event ${r.id}`);
      return view;
    });
  }

  async updatesPosted(ex: Executor, incidentId: number): Promise<number> {
    const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(statusUpdates).where(eq(statusUpdates.incidentId, incidentId));
    return Number(row?.n ?? 0);
  }
}
