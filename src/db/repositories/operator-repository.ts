import { sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { rowsOf, type Executor } from '../client.js';

/** What an operator watches, read in two cheap queries (partial indexes on open incidents and pending outbox rows). */
export class OperatorRepository {
  async openBySeverity(ex: Executor): Promise<Record<string, number>> {
    const result = await ex.execute(sql`select severity, count(*)::int as n from incidents where status <> 'resolved' group by severity`);
    return Object.fromEntries(rowsOf<{ severity: string; n: number }>(result).map((r) => [r.severity, Number(r.n)]));
  }

  async outboxBacklog(ex: Executor, now: DateTime): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const result = await ex.execute(sql`
      select count(*)::int as pending,
             coalesce(extract(epoch from (${now.toJSDate().toISOString()}::timestamptz - min(created_at))), 0)::float8 as age
      from outbox where status = 'pending'`);
    const row = rowsOf<{ pending: number; age: number }>(result)[0];
    return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: Math.max(0, Number(row?.age ?? 0)) };
  }
}
