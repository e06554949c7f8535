import { sql, type SQL } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { rowsOf, type Executor } from './client.js';

/**
 * Deletes up to `limit` rows of `table` whose `time` column is before `cutoff` (and that match
 * `also`), found by `key`: one bounded statement, so retention never holds locks for long.
 */
export async function deleteOldRows(
  ex: Executor,
  rows: { table: string; key: string; time: string; also?: SQL },
  cutoff: DateTime,
  limit: number,
): Promise<number> {
  const table = sql.identifier(rows.table);
  const key = sql.identifier(rows.key);
  const also = rows.also ? sql` and ${rows.also}` : sql``;
  const result = await ex.execute(sql`
    delete from ${table} where ${key} in (
      select ${key} from ${table} where ${sql.identifier(rows.time)} < ${cutoff.toUTC().toISO()}::timestamptz${also} limit ${limit})
    returning 1 as gone`);
  return rowsOf(result).length;
}
