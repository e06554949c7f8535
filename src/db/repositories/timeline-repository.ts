import { asc, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { TimelineEvent, TimelineKind } from '../../domain/timeline.js';
import type { Executor } from '../client.js';
import { timelineEvents } from '../schema.js';
import { fromDate } from './incident-repository.js';

export interface NewTimelineEvent {
  incidentId: number;
  kind: TimelineKind;
  actorId: string | null;
  occurredAt: DateTime;
  data?: Record<string, unknown>;
}

export class TimelineRepository {
  async append(ex: Executor, event: NewTimelineEvent): Promise<number> {
    const [row] = await ex
      .insert(timelineEvents)
      .values({
        incidentId: event.incidentId,
        kind: event.kind,
        actorId: event.actorId,
        occurredAt: event.occurredAt.toJSDate(),
        data: event.data ?? {},
      })
      .returning({ id: timelineEvents.id });
    return row!.id;
  }

  async listForIncident(ex: Executor, incidentId: number): Promise<TimelineEvent[]> {
    const rows = await ex
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.incidentId, incidentId))
      .orderBy(asc(timelineEvents.occurredAt), asc(timelineEvents.id));
    return rows.map((r) => ({
      id: r.id,
      incidentId: r.incidentId,
      kind: r.kind as TimelineKind,
      actorId: r.actorId,
      occurredAt: fromDate(r.occurredAt)!,
      data: r.data,
    }));
  }
}
