import { sql, type SQL } from 'drizzle-orm';
import { RESPONDER_KINDS } from '../domain/insights/phases.js';

/**
 * The conditions of the timeline's partial indexes, shared by src/db/schema.ts and the queries
 * that rely on them: Postgres uses a partial index only when the query repeats its condition.
 * `alias` qualifies the columns in a query ('e' → e.kind); none in the index definition.
 */

const quoted = (values: Iterable<string>): string => [...values].map((v) => `'${v}'`).join(', ');
const column = (alias: string, name: string): string => (alias ? `${alias}.${name}` : name);

/**
 * The few entries an incident's milestones, peak severity, roles, follow-ups and pinned messages
 * come from; most of a timeline (notes, message history, reminders) is none of these.
 */
export const SPARSE_KINDS = [
  'declared', 'status_changed', 'severity_changed', 'alert_fired', 'resolved', 'reopened',
  'entry_edited', 'entry_removed', 'role_assigned', 'action_item_done', 'message_pinned',
] as const;

/** A sparse kind, or a note that marks a milestone. */
export const SPARSE_EVENT = (alias = ''): SQL =>
  sql.raw(`(${column(alias, 'kind')} in (${quoted(SPARSE_KINDS)}) or (${column(alias, 'kind')} = 'note_added' and (${column(alias, 'data')} ->> 'milestone') is not null))`);

/** A person acting on the incident (the bot's own entries have no actor). */
export const RESPONDER_EVENT = (alias = ''): SQL =>
  sql.raw(`(${column(alias, 'kind')} in (${quoted(RESPONDER_KINDS)}) and ${column(alias, 'actor_id')} <> '')`);
