import { eq, inArray, sql } from 'drizzle-orm';
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

/** Where a claimed incident's cycle stands after a tick. */
export type ReminderProgress = Pick<ReminderRow, 'incidentId' | 'stage' | 'lastRemindedAt' | 'nextReminderAt'>;

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
   * (or an update being posted) holds, and reads their reminder state in the same statement.
   * Served by the partial index on next_reminder_at, so its cost follows the number due, not the
   * number open. Call inside a transaction.
   */
  async claimDue(ex: Executor, now: DateTime, limit: number): Promise<ReminderRow[]> {
    const result = await ex.execute(sql`
      select id, reminder_stage, reminder_cycle, next_reminder_at, last_reminded_at, snooze_count from incidents
      where status <> 'resolved' and next_reminder_at is not null
        and next_reminder_at <= ${now.toJSDate().toISOString()}::timestamptz
      order by next_reminder_at, id
      limit ${limit}
      for update skip locked`);
    return rowsOf<ClaimedRow>(result).map((r) => ({
      incidentId: Number(r.id),
      stage: Number(r.reminder_stage),
      cycle: Number(r.reminder_cycle),
      nextReminderAt: instant(r.next_reminder_at),
      lastRemindedAt: instant(r.last_reminded_at),
      snoozeCount: Number(r.snooze_count),
    }));
  }

  /** The earliest reminder due among open incidents (the partial index answers it in one step). */
  async earliestDue(ex: Executor): Promise<DateTime | undefined> {
    const result = await ex.execute(sql`
      select min(next_reminder_at) as at from incidents where status <> 'resolved' and next_reminder_at is not null`);
    return instant(rowsOf<{ at: Date | string | null }>(result)[0]?.at ?? null) ?? undefined;
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

  /** Sets the stage, last reminder and next due time of many incidents in one statement. */
  async updateMany(ex: Executor, rows: readonly ReminderProgress[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map((r) =>
      sql`(${r.incidentId}::int, ${r.stage}::int, ${iso(r.lastRemindedAt)}::timestamptz, ${iso(r.nextReminderAt)}::timestamptz)`);
    await ex.execute(sql`
      update incidents set reminder_stage = v.stage, last_reminded_at = v.last_reminded_at, next_reminder_at = v.next_reminder_at
      from (values ${sql.join(values, sql`, `)}) as v(id, stage, last_reminded_at, next_reminder_at)
      where incidents.id = v.id`);
  }

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

  /** Status updates posted so far, for each of the incidents (0 for one with none). */
  async updatesPostedMany(ex: Executor, incidentIds: readonly number[]): Promise<Map<number, number>> {
    const counts = new Map(incidentIds.map((id) => [id, 0]));
    if (incidentIds.length === 0) return counts;
    const rows = await ex
      .select({ incidentId: statusUpdates.incidentId, n: sql<number>`count(*)::int` })
      .from(statusUpdates)
      .where(inArray(statusUpdates.incidentId, [...incidentIds]))
      .groupBy(statusUpdates.incidentId);
    for (const r of rows) counts.set(r.incidentId, Number(r.n));
    return counts;
  }
}

interface ClaimedRow {
  id: number | string;
  reminder_stage: number;
  reminder_cycle: number;
  next_reminder_at: Date | string | null;
  last_reminded_at: Date | string | null;
  snooze_count: number;
}

/** Raw `execute` answers Date (node-postgres) or text (PGlite) for timestamptz. */
const instant = (at: Date | string | null): DateTime | null => (at === null ? null : DateTime.fromJSDate(new Date(at), { zone: 'utc' }));
const iso = (at: DateTime | null): string | null => (at ? at.toJSDate().toISOString() : null);
