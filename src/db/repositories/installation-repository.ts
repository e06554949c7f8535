import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { Executor } from '../client.js';
import { installation } from '../schema.js';

export class InstallationRepository {
  /** This database's installation id, made by whichever replica asks first. */
  async ensureId(ex: Executor, now: DateTime): Promise<string> {
    await ex.insert(installation).values({ id: randomUUID(), createdAt: now.toJSDate() }).onConflictDoNothing();
    const [row] = await ex.select({ id: installation.id }).from(installation);
    return row!.id;
  }
}
