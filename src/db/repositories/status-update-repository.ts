import { asc, desc, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { Status } from '../../domain/incident.js';
import type { Severity } from '../../domain/severity.js';
import { updateFieldsSchema, type StatusUpdate } from '../../domain/timeline.js';
import type { Executor } from '../client.js';
import { statusUpdates } from '../schema.js';
import { readOrThrow, storedCodec } from '../stored-json.js';

const FIELDS = storedCodec(updateFieldsSchema);
import { fromDate } from './incident-repository.js';

export class StatusUpdateRepository {
  async insert(
    ex: Executor,
    update: { incidentId: number; authorId: string; status: Status; severity: Severity; fields: Record<string, string>; postedAt: DateTime },
  ): Promise<StatusUpdate> {
    const [row] = await ex
      .insert(statusUpdates)
      .values({ ...update, fields: FIELDS.write(update.fields), postedAt: update.postedAt.toJSDate() })
      .returning();
    return toUpdate(row!);
  }

  async findById(ex: Executor, id: number): Promise<StatusUpdate | undefined> {
    const [row] = await ex.select().from(statusUpdates).where(eq(statusUpdates.id, id));
    return row ? toUpdate(row) : undefined;
  }

  async latest(ex: Executor, incidentId: number): Promise<StatusUpdate | undefined> {
    const [row] = await ex
      .select()
      .from(statusUpdates)
      .where(eq(statusUpdates.incidentId, incidentId))
      .orderBy(desc(statusUpdates.postedAt), desc(statusUpdates.id))
      .limit(1);
    return row ? toUpdate(row) : undefined;
  }

  async listForIncident(ex: Executor, incidentId: number): Promise<StatusUpdate[]> {
    const rows = await ex
      .select()
      .from(statusUpdates)
      .where(eq(statusUpdates.incidentId, incidentId))
      .orderBy(asc(statusUpdates.postedAt), asc(statusUpdates.id));
    return rows.map(toUpdate);
  }
}

function toUpdate(r: typeof statusUpdates.$inferSelect): StatusUpdate {
  return {
    id: r.id,
    incidentId: r.incidentId,
    authorId: r.authorId,
    status: r.status,
    severity: r.severity,
    fields: readOrThrow(FIELDS, r.fields, `status update ${r.id}`),
    postedAt: fromDate(r.postedAt)!,
  };
}
