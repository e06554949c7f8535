import { and, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { Executor } from '../client.js';
import { slackUsers } from '../schema.js';

export interface SlackUser {
  id: string;
  displayName: string | null;
  realName: string | null;
  tz: string | null;
  /** Slack's locale for the person (`ko-KR`, `en-US`); null when Slack gave none. */
  locale?: string | null;
}

/** The name a document shows for a user: the full name, else the display name; null when Slack gave neither. */
export function nameOf(user: Pick<SlackUser, 'displayName' | 'realName'>): string | null {
  const real = user.realName?.trim();
  if (real) return real;
  const display = user.displayName?.trim();
  return display ? display : null;
}

/** A cache of Slack's users.info answers, filled by outbox delivery and read by the postmortem renders. */
export class SlackUserRepository {
  async upsert(ex: Executor, user: SlackUser, now: DateTime): Promise<void> {
    const { id, displayName, realName, tz, locale } = user;
    const updatedAt = now.toJSDate();
    await ex
      .insert(slackUsers)
      .values({ id, displayName, realName, tz, locale, updatedAt })
      .onConflictDoUpdate({ target: slackUsers.id, set: { displayName, realName, tz, locale, updatedAt } });
  }

  /** Names of the cached users among `ids`; users not cached (or without any name) are left out. */
  async namesFor(ex: Executor, ids: readonly string[]): Promise<Record<string, string>> {
    if (ids.length === 0) return {};
    const rows = await ex
      .select({ id: slackUsers.id, displayName: slackUsers.displayName, realName: slackUsers.realName })
      .from(slackUsers)
      .where(inArray(slackUsers.id, [...new Set(ids)]));
    const names: Record<string, string> = {};
    for (const row of rows) {
      const name = nameOf(row);
      if (name) names[row.id] = name;
    }
    return names;
  }

  /**
   * The ids among `ids` not cached, cached before `freshSince`, or cached without a locale (rows
   * from before the bot asked for it), in the order given.
   */
  async staleOrMissing(ex: Executor, ids: readonly string[], freshSince: DateTime): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const fresh = await ex
      .select({ id: slackUsers.id })
      .from(slackUsers)
      .where(and(inArray(slackUsers.id, unique), gte(slackUsers.updatedAt, freshSince.toJSDate()), isNotNull(slackUsers.locale)));
    const known = new Set(fresh.map((r) => r.id));
    return unique.filter((id) => !known.has(id));
  }

  /** The person's IANA zone as Slack last told it (any age: people rarely move), or null. */
  async zoneOf(ex: Executor, id: string): Promise<string | null> {
    const [row] = await ex.select({ tz: slackUsers.tz }).from(slackUsers).where(eq(slackUsers.id, id));
    return row?.tz ?? null;
  }

  /** The person's Slack locale as last told (`ko-KR`), or null when not cached or Slack gave none. */
  async localeOf(ex: Executor, id: string): Promise<string | null> {
    const [row] = await ex.select({ locale: slackUsers.locale }).from(slackUsers).where(eq(slackUsers.id, id));
    return row?.locale ?? null;
  }
}
