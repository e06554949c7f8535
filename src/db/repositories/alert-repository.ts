import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import type { AlertBatch, AlertSource, Labels, RecordedAlert } from '../../domain/alerts/alert.js';

export type { RecordedAlert };
import { rowsOf, type Executor } from '../client.js';
import { alerts, incidents } from '../schema.js';
import { readOrThrow, storedCodec } from '../stored-json.js';
import { fromDate } from './incident-repository.js';

const labelsCodec = storedCodec(z.object({ labels: z.record(z.string(), z.string()) }));

export class AlertRepository {
  /**
   * Serialises notifications of one group for the rest of the transaction, across replicas
   * (Alertmanager in a cluster sends each notification from every peer).
   */
  async lockGroup(ex: Executor, source: AlertSource, groupKey: string): Promise<void> {
    await ex.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`alerts:${source}:${groupKey}`}, 0))`);
  }

  /**
   * Records the batch's alerts whose state is news: a fingerprint not seen in this group, a change
   * of status, or a new start (it fired again). A webhook alert fires once until it is resolved.
   */
  async recordNew(ex: Executor, batch: AlertBatch, receivedAt: DateTime): Promise<RecordedAlert[]> {
    const fresh: RecordedAlert[] = [];
    for (const alert of batch.alerts) {
      const last = await this.latest(ex, batch.source, batch.groupKey, alert.fingerprint);
      const sameStart = batch.source === 'webhook' || (last !== undefined && last.startsAt.equals(alert.startsAt));
      if (last && last.status === alert.status && sameStart) continue;
      if (!last && alert.status === 'resolved' && batch.source === 'webhook') continue;
      const [row] = await ex
        .insert(alerts)
        .values({
          source: batch.source,
          sourceName: batch.sourceName,
          groupKey: batch.groupKey,
          fingerprint: alert.fingerprint,
          status: alert.status,
          title: alert.title,
          labels: labelsCodec.write({ labels: { ...alert.labels } }),
          startsAt: alert.startsAt.toJSDate(),
          endsAt: alert.endsAt?.toJSDate() ?? null,
          detailsUrl: alert.detailsUrl,
          runbookUrl: alert.runbookUrl,
          incidentId: last?.incidentId ?? null,
          receivedAt: receivedAt.toJSDate(),
        })
        .returning();
      fresh.push(toAlert(row!));
    }
    return fresh;
  }

  /** The open incident that already tracks this group, if any. */
  async openIncidentFor(ex: Executor, source: AlertSource, groupKey: string): Promise<number | undefined> {
    const [row] = await ex
      .select({ id: incidents.id })
      .from(alerts)
      .innerJoin(incidents, eq(incidents.id, alerts.incidentId))
      .where(and(eq(alerts.source, source), eq(alerts.groupKey, groupKey), ne(incidents.status, 'resolved')))
      .orderBy(desc(alerts.id))
      .limit(1);
    return row?.id;
  }

  /** Ties the group's alerts that no incident holds yet to `incidentId`. */
  async attachGroup(ex: Executor, source: AlertSource, groupKey: string, incidentId: number): Promise<void> {
    await ex
      .update(alerts)
      .set({ incidentId })
      .where(and(eq(alerts.source, source), eq(alerts.groupKey, groupKey), isNull(alerts.incidentId)));
  }

  /** The group's alerts that no incident holds, oldest first. */
  async unattached(ex: Executor, source: AlertSource, groupKey: string): Promise<RecordedAlert[]> {
    const rows = await ex
      .select()
      .from(alerts)
      .where(and(eq(alerts.source, source), eq(alerts.groupKey, groupKey), isNull(alerts.incidentId)))
      .orderBy(asc(alerts.id));
    return rows.map(toAlert);
  }

  /** Whether the latest state of every alert the incident holds is resolved. */
  async allResolved(ex: Executor, incidentId: number): Promise<boolean> {
    const result = await ex.execute(sql`
      select count(*)::int as firing from (
        select distinct on (source, group_key, fingerprint) status
        from alerts where incident_id = ${incidentId}
        order by source, group_key, fingerprint, id desc
      ) latest where status = 'firing'`);
    return Number(rowsOf<{ firing: number }>(result)[0]?.firing ?? 0) === 0;
  }

  async find(ex: Executor, id: number): Promise<RecordedAlert | undefined> {
    const [row] = await ex.select().from(alerts).where(eq(alerts.id, id));
    return row ? toAlert(row) : undefined;
  }

  private async latest(ex: Executor, source: AlertSource, groupKey: string, fingerprint: string) {
    const [row] = await ex
      .select()
      .from(alerts)
      .where(and(eq(alerts.source, source), eq(alerts.groupKey, groupKey), eq(alerts.fingerprint, fingerprint)))
      .orderBy(desc(alerts.id))
      .limit(1);
    return row ? toAlert(row) : undefined;
  }
}

function toAlert(r: typeof alerts.$inferSelect): RecordedAlert {
  const labels: Labels = readOrThrow(labelsCodec, r.labels, `alert ${r.id}'s labels`).labels;
  return {
    id: r.id,
    source: r.source,
    sourceName: r.sourceName,
    groupKey: r.groupKey,
    fingerprint: r.fingerprint,
    status: r.status,
    title: r.title,
    labels,
    startsAt: fromDate(r.startsAt)!,
    endsAt: fromDate(r.endsAt),
    detailsUrl: r.detailsUrl,
    runbookUrl: r.runbookUrl,
    incidentId: r.incidentId,
  };
}
