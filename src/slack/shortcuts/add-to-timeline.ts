import type { App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { incidentRef } from '../../domain/incident.js';
import type { MessageInput, PinOutcome } from '../../services/conversation-service.js';
import { AlreadyApplied } from '../../services/incident-transaction.js';
import { timelineMessageModal } from '../blocks/timeline-message-modal.js';
import { MESSAGE_SHORTCUTS } from '../capabilities.js';
import type { SlackDeps } from '../deps.js';
import { messageContent, readSlackMessage } from '../message-content.js';
import { ephemeral, errorReply, safeRespond } from '../replies.js';
import { requestDeps } from '../request-deps.js';

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & { client: App['client'] };

/** What the person is told once the message is on the timeline (or was already). */
export function pinnedAnswer({ result, incident }: PinOutcome): string {
  return result === 'added'
    ? `Added to ${incidentRef(incident.id)}'s timeline, at the time it was posted.`
    : `That message is on ${incidentRef(incident.id)}'s timeline already.`;
}

/**
 * "Add to incident timeline" on any message. In an incident's channel the message goes on that
 * incident's timeline; elsewhere a modal asks which incident (only those the person may see).
 * Slack is acknowledged first; the outcome follows ephemerally.
 */
export function registerAddToTimelineShortcut(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(MESSAGE_SHORTCUTS.addToTimeline, async (args: ShortcutArgs) => {
    await args.ack();
    const { shortcut, client } = args;
    const logger = deps.logger.child({ shortcut: shortcut.callback_id, user: shortcut.user.id });
    const reply = safeRespond(args, logger);
    const slackMessage = readSlackMessage(shortcut.message);
    if (!slackMessage) return reply(ephemeral('That message cannot be read; nothing was added.'));
    const message: MessageInput = {
      channelId: shortcut.channel.id, messageTs: slackMessage.ts, authorId: slackMessage.user ?? null, content: messageContent(slackMessage),
    };
    const scoped = requestDeps(deps, `shortcut:${shortcut.user.id}:${shortcut.action_ts}`);
    try {
      const added = await scoped.conversation.addFromIncidentChannel(shortcut.user.id, message);
      if (added) return reply(ephemeral(pinnedAnswer(added)));
      const incidents = await deps.conversation.choicesFor(shortcut.user.id);
      await client.views.open({ trigger_id: shortcut.trigger_id, view: timelineMessageModal({ incidents, message: { ...message, content: message.content! } }) });
    } catch (err) {
      if (err instanceof AlreadyApplied) return;
      await reply(errorReply(err, logger));
    }
  });
}
