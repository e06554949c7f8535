import { eq, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { Executor } from '../client.js';
import { homeTabs } from '../schema.js';
import { fromDate } from './incident-repository.js';

export interface HomeViewer {
  userId: string;
  publishedAt: DateTime | null;
}

export class HomeTabRepository {
  /** Serialises queuing publishes for the rest of the transaction, so concurrent changes queue one each at most. */
  async lock(ex: Executor): Promise<void> {
    await ex.execute(sql`select pg_advisory_xact_lock(hashtextextended('home_tabs', 0))`);
  }

  async opened(ex: Executor, userId: string, now: DateTime): Promise<HomeViewer> {
    const [row] = await ex
      .insert(homeTabs)
      .values({ userId, openedAt: now.toJSDate() })
      .onConflictDoUpdate({ target: homeTabs.userId, set: { openedAt: now.toJSDate() } })
      .returning();
    return { userId, publishedAt: fromDate(row!.publishedAt) };
  }

  async viewers(ex: Executor): Promise<HomeViewer[]> {
    const rows = await ex.select().from(homeTabs);
    return rows.map((r) => ({ userId: r.userId, publishedAt: fromDate(r.publishedAt) }));
  }

  async published(ex: Executor, userId: string, at: DateTime): Promise<void> {
    await ex.update(homeTabs).set({ publishedAt: at.toJSDate() }).where(eq(homeTabs.userId, userId));
  }
}
