import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { DeliveryService, SlackUser } from '../../services/delivery-service.js';
import { classifySlackError } from './slack-errors.js';

export interface SlackUserDirectoryDeps {
  users: Pick<DeliveryService, 'usersToLookUp' | 'rememberUser'>;
  clock: Clock;
  /** The delivery client (no retries, its own timeout): from outbox delivery, and for a person's zone while their request races the ack deadline. */
  client: WebClient;
  logger: Logger;
  /** How long a cached name is trusted; a day by default. */
  maxAgeHours?: number;
}

/**
 * Keeps `slack_users` filled: looks up with `users.info` the ids not cached yet (or cached too
 * long ago) and stores their names. Best effort: a user Slack does not answer for keeps being
 * shown by id, and after a timeout, 5xx or rate limit the remaining lookups wait for next time.
 */
export class SlackUserDirectory {
  constructor(private readonly deps: SlackUserDirectoryDeps) {}

  /** Refreshes what is missing or stale among `ids`; never throws for Slack's sake. */
  async refresh(ids: readonly string[]): Promise<void> {
    const { users, clock, logger } = this.deps;
    const freshSince = clock.now().minus({ hours: this.deps.maxAgeHours ?? 24 });
    const wanted = await users.usersToLookUp(ids, freshSince);
    for (const id of wanted) {
      let user: SlackUser;
      try {
        user = await this.lookUp(id);
      } catch (err) {
        const failure = classifySlackError(err);
        logger.warn({ userId: id, failure: failure.type, err: failure.message }, 'users.info failed; the draft shows the user id');
        if (failure.type === 'permanent') continue;
        return;
      }
      await users.rememberUser(user);
    }
  }

  private async lookUp(id: string): Promise<SlackUser> {
    const result = await this.deps.client.users.info({ user: id, include_locale: true });
    const user = result.user;
    const profile = user?.profile;
    return {
      id,
      displayName: profile?.display_name || null,
      realName: profile?.real_name || user?.real_name || null,
      tz: user?.tz || null,
      locale: user?.locale || null,
    };
  }
}
