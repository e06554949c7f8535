import { and, asc, eq, inArray } from 'drizzle-orm';
import { messageRefOf } from '../../domain/conversation.js';
import type { DateTime } from 'luxon';
import { TIMELINE_DATA, type TimelineData, type TimelineEvent, type TimelineKind } from '../../domain/timeline.js';
import type { Executor } from '../client.js';
import { timelineEvents } from '../schema.js';
import { readOrThrow, storedCodec, StoredDataError, type StoredCodec } from '../stored-json.js';
import { fromDate } from './incident-repository.js';

export interface NewTimelineEvent<K extends TimelineKind = TimelineKind> {
  incidentId: number;
  kind: K;
  actorId: string | null;
  occurredAt: DateTime;
  /** When it was written down, if later than `occurredAt` (a backdated note). */
  recordedAt?: DateTime;
  data: TimelineData[K];
}

/** One codec per kind; version 1 for all of them today. */
const CODECS = Object.fromEntries(
  Object.entries(TIMELINE_DATA).map(([kind, schema]) => [kind, storedCodec(schema)]),
) as { [K in TimelineKind]: StoredCodec<TimelineData[K]> };

/** How one kind's data is stored: for repositories that read timeline rows themselves. */
export function timelineCodec<K extends TimelineKind>(kind: K): StoredCodec<TimelineData[K]> {
  return CODECS[kind];
}

function isTimelineKind(kind: string): kind is TimelineKind {
  return Object.hasOwn(TIMELINE_DATA, kind);
}

export class TimelineRepository {
  async append<K extends TimelineKind>(ex: Executor, event: NewTimelineEvent<K>): Promise<number> {
    const [id] = await this.appendMany(ex, [event]);
    return id!;
  }

  /** Several events in one statement; their ids in the order given. */
  async appendMany(ex: Executor, events: readonly NewTimelineEvent[]): Promise<number[]> {
    if (events.length === 0) return [];
    const rows = await ex.insert(timelineEvents).values(events.map(toRow)).returning({ id: timelineEvents.id });
    return rows.map((r) => r.id);
  }

  async listForIncident(ex: Executor, incidentId: number): Promise<TimelineEvent[]> {
    const rows = await ex
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.incidentId, incidentId))
      .orderBy(asc(timelineEvents.occurredAt), asc(timelineEvents.id));
    return rows.map((r) => toEvent(r));
  }

  /** The incident's events about one Slack message, in the order recorded. */
  async listForMessage(ex: Executor, incidentId: number, channelId: string, messageTs: string): Promise<TimelineEvent[]> {
    const rows = await ex
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.incidentId, incidentId), eq(timelineEvents.messageChannelId, channelId), eq(timelineEvents.messageTs, messageTs)))
      .orderBy(asc(timelineEvents.id));
    return rows.map((r) => toEvent(r));
  }

  /** Incidents whose timeline has this message on it (or had), lowest id first. */
  async incidentsWithMessage(ex: Executor, channelId: string, messageTs: string): Promise<number[]> {
    const rows = await ex
      .selectDistinct({ incidentId: timelineEvents.incidentId })
      .from(timelineEvents)
      .where(and(eq(timelineEvents.messageChannelId, channelId), eq(timelineEvents.messageTs, messageTs), eq(timelineEvents.kind, 'message_pinned')))
      .orderBy(asc(timelineEvents.incidentId));
    return rows.map((r) => r.incidentId);
  }

  /** Only the events of these kinds, in the same order: for a reader that needs a few among thousands. */
  async listKinds(ex: Executor, incidentId: number, kinds: readonly TimelineKind[]): Promise<TimelineEvent[]> {
    const rows = await ex
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.incidentId, incidentId), inArray(timelineEvents.kind, [...kinds])))
      .orderBy(asc(timelineEvents.occurredAt), asc(timelineEvents.id));
    return rows.map((r) => toEvent(r));
  }
}

function toEvent(r: typeof timelineEvents.$inferSelect): TimelineEvent {
  const what = `timeline event ${r.id}`;
  if (!isTimelineKind(r.kind)) throw new StoredDataError(what, `unknown kind ${r.kind}`);
  const recordedAt = fromDate(r.recordedAt);
  const common = { id: r.id, incidentId: r.incidentId, actorId: r.actorId, occurredAt: fromDate(r.occurredAt)!, ...(recordedAt ? { recordedAt } : {}) };
  return withData(r.kind, common, r.data, what);
}

function withData<K extends TimelineKind>(
  kind: K,
  common: Omit<TimelineEvent, 'kind' | 'data'>,
  raw: unknown,
  what: string,
): TimelineEvent {
  const data: TimelineData[K] = readOrThrow(CODECS[kind], raw, what);
  return { ...common, kind, data } as TimelineEvent;
}

function toRow<K extends TimelineKind>(event: NewTimelineEvent<K>): typeof timelineEvents.$inferInsert {
  const codec: StoredCodec<TimelineData[K]> = CODECS[event.kind];
  const message = messageRefOf(event.kind, event.data);
  return {
    incidentId: event.incidentId,
    kind: event.kind,
    actorId: event.actorId,
    occurredAt: event.occurredAt.toJSDate(),
    recordedAt: event.recordedAt && !event.recordedAt.equals(event.occurredAt) ? event.recordedAt.toJSDate() : null,
    data: codec.write(event.data),
    messageChannelId: message?.channelId ?? null,
    messageTs: message?.messageTs ?? null,
  };
}
