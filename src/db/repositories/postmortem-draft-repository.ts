import { and, asc, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { Locale, Variant } from '../../domain/postmortem/index.js';
import type { Executor } from '../client.js';
import { postmortemDrafts } from '../schema.js';
import { fromDate } from './incident-repository.js';

/** One shared version of a postmortem draft. */
export interface DraftVersion {
  incidentId: number;
  locale: Locale;
  variant: Variant;
  version: number;
  fileId: string;
  fileName: string;
  permalink: string | null;
  outboxId: number;
  writtenAt: DateTime;
}

export class PostmortemDraftRepository {
  /** The version an outbox row uploaded, if it got that far. */
  async forOutbox(ex: Executor, outboxId: number): Promise<DraftVersion | undefined> {
    const [row] = await ex.select().from(postmortemDrafts).where(eq(postmortemDrafts.outboxId, outboxId));
    return row ? toVersion(row) : undefined;
  }

  /** Every version of one draft, oldest first. */
  async list(ex: Executor, incidentId: number, locale: Locale, variant: Variant): Promise<DraftVersion[]> {
    const rows = await ex
      .select()
      .from(postmortemDrafts)
      .where(and(eq(postmortemDrafts.incidentId, incidentId), eq(postmortemDrafts.locale, locale), eq(postmortemDrafts.variant, variant)))
      .orderBy(asc(postmortemDrafts.version));
    return rows.map(toVersion);
  }

  async insert(ex: Executor, version: DraftVersion): Promise<void> {
    await ex.insert(postmortemDrafts).values({ ...version, writtenAt: version.writtenAt.toJSDate() });
  }
}

function toVersion(r: typeof postmortemDrafts.$inferSelect): DraftVersion {
  return { ...r, writtenAt: fromDate(r.writtenAt)! };
}
