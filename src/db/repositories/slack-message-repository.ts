import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { slackMessages } from '../schema.js';

export interface SlackMessageRef {
  channelId: string;
  ts: string;
}

/** Keys: `card`, `announcement`, `reminder`, … one row per long-lived message of an incident. */
export class SlackMessageRepository {
  async find(ex: Executor, incidentId: number, key: string): Promise<SlackMessageRef | undefined> {
    const [row] = await ex
      .select({ channelId: slackMessages.channelId, ts: slackMessages.ts })
      .from(slackMessages)
      .where(and(eq(slackMessages.incidentId, incidentId), eq(slackMessages.key, key)));
    return row;
  }

  async save(ex: Executor, incidentId: number, key: string, ref: SlackMessageRef): Promise<void> {
    await ex
      .insert(slackMessages)
      .values({ incidentId, key, ...ref })
      .onConflictDoUpdate({ target: [slackMessages.incidentId, slackMessages.key], set: ref });
  }
}
