import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import type { ActorDirectory } from '../../services/access.js';

const MEMBERS_TTL_MS = 30_000;
const USERS_TTL_MS = 10 * 60_000;

interface Cached<T> {
  value: T;
  at: number;
}

/**
 * Facts about a person from Slack's Web API, cached briefly so a burst of commands costs a few
 * calls: channel membership (conversations.members), admin or owner (users.info), and the
 * responders (listed user ids, or user groups through usergroups.users.list). When Slack cannot
 * be asked, the fact is false: the person is told who can act instead of being let through.
 */
export class SlackActorDirectory implements ActorDirectory {
  private readonly members = new Map<string, Cached<Set<string>>>();
  private readonly admins = new Map<string, Cached<boolean>>();
  private readonly groups = new Map<string, Cached<Set<string>>>();

  constructor(
    private readonly client: WebClient,
    private readonly responders: readonly string[],
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async isChannelMember(channelId: string, userId: string): Promise<boolean> {
    const members = await this.cached(this.members, channelId, MEMBERS_TTL_MS, async () => {
      const all = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await this.client.conversations.members({ channel: channelId, limit: 1000, cursor });
        for (const id of page.members ?? []) all.add(id);
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return all;
    });
    return members?.has(userId) ?? false;
  }

  async isAdmin(userId: string): Promise<boolean> {
    const admin = await this.cached(this.admins, userId, USERS_TTL_MS, async () => {
      const { user } = await this.client.users.info({ user: userId });
      return user?.is_admin === true || user?.is_owner === true;
    });
    return admin ?? false;
  }

  async isResponder(userId: string): Promise<boolean> {
    if (this.responders.includes(userId)) return true;
    for (const group of this.responders.filter((id) => id.startsWith('S'))) {
      const users = await this.cached(this.groups, group, USERS_TTL_MS, async () => {
        const result = await this.client.usergroups.users.list({ usergroup: group });
        return new Set(result.users ?? []);
      });
      if (users?.has(userId)) return true;
    }
    return false;
  }

  private async cached<T>(cache: Map<string, Cached<T>>, key: string, ttl: number, load: () => Promise<T>): Promise<T | undefined> {
    const hit = cache.get(key);
    if (hit && this.now() - hit.at < ttl) return hit.value;
    try {
      const value = await load();
      cache.set(key, { value, at: this.now() });
      return value;
    } catch (err) {
      this.logger.warn({ err, key }, 'Slack could not tell who may act; treating the fact as false');
      return undefined;
    }
  }
}
