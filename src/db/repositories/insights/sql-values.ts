import { sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';

/** Times go to Postgres as ISO text and come back as ISO text in UTC: the same on pg and PGlite. */
export const iso = (dt: DateTime): string => dt.toUTC().toISO() ?? '';
export const utc = (text: string): DateTime => DateTime.fromISO(text, { zone: 'utc' });
export const maybeUtc = (text: string | null): DateTime | null => (text === null ? null : utc(text));
export const asIso = (column: string): SQL => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Counts arrive as text (bigint) on pg, numbers elsewhere. */
export type Num = number | string | null;
export const num = (v: Num): number | null => (v === null ? null : Number(v));
