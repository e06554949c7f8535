import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { EventOutcome } from '../../services/conversation-service.js';
import type { SlackDeps } from '../deps.js';
import { messageContent, slackMessageSchema } from '../message-content.js';

const envelope = z.object({ event_id: z.string() }).loose();
const reactionEvent = z.object({
  user: z.string(),
  reaction: z.string(),
  item_user: z.string().optional(),
  item: z.object({ type: z.literal('message'), channel: z.string(), ts: z.string() }).loose(),
}).loose();
const messageChanged = z.object({ subtype: z.literal('message_changed'), channel: z.string(), message: slackMessageSchema }).loose();
const messageDeleted = z.object({ subtype: z.literal('message_deleted'), channel: z.string(), deleted_ts: z.string() }).loose();

/**
 * The incident channel's conversation: the timeline emoji added or taken away, messages edited or
 * deleted. Each is written before Slack is answered, and applied once per event id.
 */
export function registerConversationEvents(app: App, deps: SlackDeps): void {
  const logger = deps.logger.child({ listener: 'conversation' });
  // A failure is thrown: the event stays unacknowledged and Slack sends it again (events-before-ack.ts).
  const run = async (what: string, body: unknown, apply: (eventId: string) => Promise<EventOutcome>): Promise<void> => {
    const parsed = envelope.safeParse(body);
    if (!parsed.success) return;
    const outcome = await apply(parsed.data.event_id);
    if (outcome !== 'ignored') logger.debug({ eventId: parsed.data.event_id, outcome }, what);
  };

  app.event('reaction_added', async ({ event, body }) => {
    const reaction = reactionEvent.safeParse(event);
    if (!reaction.success || reaction.data.reaction !== deps.timelineEmoji) return;
    const { user, item, item_user: authorId } = reaction.data;
    await run('a pin', body, (eventId) =>
      deps.conversation.reactionAdded(eventId, user, { channelId: item.channel, messageTs: item.ts, authorId: authorId ?? null, content: null }),
    );
  });

  app.event('reaction_removed', async ({ event, body }) => {
    const reaction = reactionEvent.safeParse(event);
    if (!reaction.success || reaction.data.reaction !== deps.timelineEmoji) return;
    const { user, item } = reaction.data;
    await run('an unpin', body, (eventId) => deps.conversation.reactionRemoved(eventId, user, { channelId: item.channel, messageTs: item.ts }));
  });

  app.event('message', async ({ event, body }) => {
    const changed = messageChanged.safeParse(event);
    if (changed.success) {
      const { channel, message } = changed.data;
      await run('an edit', body, (eventId) =>
        deps.conversation.messageEdited(eventId, message.user ?? null, { channelId: channel, messageTs: message.ts }, messageContent(message)),
      );
      return;
    }
    const deleted = messageDeleted.safeParse(event);
    if (deleted.success) {
      const { channel, deleted_ts: messageTs } = deleted.data;
      await run('a deletion', body, (eventId) => deps.conversation.messageDeleted(eventId, { channelId: channel, messageTs }));
    }
  });
}
