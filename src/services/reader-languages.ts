import type { Db } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import { localeOf, textsFor, type Locale, type Texts } from '../domain/texts/index.js';
import type { UserLookup } from './user-zones.js';

export interface ReaderLanguagesDeps {
  db: Db;
  repos: Repositories;
  /** BOT_LOCALE: channel messages, and a person whose Slack language is unknown or neither en nor ko. */
  botLocale: Locale;
  /** users.info, caching into slack_users (beside the zone); absent only in tests. */
  lookUp?: UserLookup;
  /**
   * How long a request waits for Slack to tell a language not cached yet: short, because it comes
   * out of the command's 3 s (the subcommand's own work races ACK_DEADLINE_MS after it).
   */
  lookUpWithinMs?: number;
}

/**
 * Who reads in which language. What one person sees alone (an ephemeral reply, a modal, App Home,
 * a direct message) is in their Slack language, cached in slack_users like their zone and asked
 * of Slack (users.info with include_locale) when not cached; everything else in BOT_LOCALE.
 */
export class ReaderLanguages {
  constructor(private readonly deps: ReaderLanguagesDeps) {}

  /** The texts of channel messages (BOT_LOCALE). */
  get channel(): Texts {
    return textsFor(this.deps.botLocale);
  }

  /** The language of `userId`'s own views; never throws, and waits for Slack only briefly. */
  async of(userId: string): Promise<Locale> {
    return this.find(userId).catch(() => this.deps.botLocale);
  }

  private async find(userId: string): Promise<Locale> {
    const cached = await this.cachedLocale(userId);
    if (cached) return cached;
    const { lookUp } = this.deps;
    if (!lookUp) return this.deps.botLocale;
    const asked = lookUp.refresh([userId]).catch(() => undefined);
    const waited = await Promise.race([asked.then(() => true), delay(this.deps.lookUpWithinMs ?? 300).then(() => false)]);
    return (waited ? await this.cachedLocale(userId) : undefined) ?? this.deps.botLocale;
  }

  /** The texts of `userId`'s own views. */
  async textsOf(userId: string): Promise<Texts> {
    return textsFor(await this.of(userId));
  }

  private async cachedLocale(userId: string): Promise<Locale | undefined> {
    return localeOf(await this.deps.repos.slackUsers.localeOf(this.deps.db, userId));
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
