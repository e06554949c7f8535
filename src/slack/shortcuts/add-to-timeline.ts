import type { App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { incidentRef } from '../../domain/incident.js';
import type { Texts } from '../../domain/texts/index.js';
import type { MessageInput, PinOutcome } from '../../services/conversation-service.js';
import { AlreadyApplied } from '../../services/incident-transaction.js';
import { incidentOptions, SUGGESTED_OPTIONS } from '../blocks/incident-options.js';
import { timelineMessageModal } from '../blocks/timeline-message-modal.js';
import { MESSAGE_SHORTCUTS } from '../capabilities.js';
import { withinDeadline } from '../deadline.js';
import type { SlackDeps } from '../deps.js';
import { TIMELINE_MESSAGE_INPUT } from '../ids.js';
import { messageContent, readSlackMessage } from '../message-content.js';
import { ephemeral, errorReply, safeRespond } from '../replies.js';
import { requestDeps } from '../request-deps.js';

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & { client: App['client'] };

/** Read defensively: a signed request can carry anything, and a wrong shape must never crash. */
const payloadSchema = z.object({
  channel: z.object({ id: z.string() }).loose(),
  user: z.object({ id: z.string() }).loose(),
  trigger_id: z.string(),
  action_ts: z.string(),
  message: z.unknown(),
}).loose();

const suggestionSchema = z.object({ user: z.object({ id: z.string() }).loose(), value: z.string() }).loose();

/** Longer text than any title is cut: the search stays one cheap query. */
const QUERY_LIMIT = 200;

/** What the person is told once the message is on the timeline (or was already). */
export function pinnedAnswer({ result, incident }: PinOutcome, texts: Texts): string {
  const ref = incidentRef(incident.id);
  return result === 'added' ? texts.buttonReplies.pinned(ref) : texts.buttonReplies.pinnedAlready(ref);
}

/**
 * "Add to incident timeline" on any message. In an incident's channel the message goes on that
 * incident's timeline; elsewhere a modal asks which incident (only those the person may see).
 * Slack is acknowledged first; the outcome follows ephemerally. The modal's picker searches as the
 * person types: Slack asks with `block_suggestion` and the answer is the acknowledgement itself.
 */
export function registerAddToTimelineShortcut(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(MESSAGE_SHORTCUTS.addToTimeline, async (args: ShortcutArgs) => {
    await args.ack();
    const logger = deps.logger.child({ shortcut: MESSAGE_SHORTCUTS.addToTimeline });
    const reply = safeRespond(args, logger);
    const parsed = payloadSchema.safeParse(args.shortcut);
    const slackMessage = parsed.success ? readSlackMessage(parsed.data.message) : undefined;
    const texts = parsed.success ? await deps.languages.textsOf(parsed.data.user.id) : deps.languages.channel;
    if (!parsed.success || !slackMessage) return reply(ephemeral(texts.buttonReplies.messageUnreadable));
    const { channel, user, trigger_id: triggerId, action_ts: actionTs } = parsed.data;
    const content = messageContent(slackMessage);
    const message = { channelId: channel.id, messageTs: slackMessage.ts, authorId: slackMessage.user ?? null, content } satisfies MessageInput;
    const scoped = requestDeps(deps, `shortcut:${user.id}:${actionTs}`);
    try {
      const added = await scoped.conversation.addFromIncidentChannel(user.id, message);
      if (added) return reply(ephemeral(pinnedAnswer(added, texts)));
      const hasChoices = (await deps.conversation.choicesFor(user.id, 1)).length > 0;
      await args.client.views.open({ trigger_id: triggerId, view: timelineMessageModal({ hasChoices, message }, texts) });
    } catch (err) {
      if (err instanceof AlreadyApplied) return;
      await reply(errorReply(err, logger, '', texts));
    }
  });

  registerIncidentPicker(app, deps);
}

/**
 * The picker's options: up to 100 open incidents the person may see whose title contains what they
 * typed or whose number it is (`INC-12`, `12`), most severe and most recent first. Slack waits 3 s;
 * a search that fails or runs past the deadline answers no options, and is logged.
 */
function registerIncidentPicker(app: App, deps: SlackDeps): void {
  const logger = deps.logger.child({ options: TIMELINE_MESSAGE_INPUT.incident.action });
  app.options<'block_suggestion'>({ type: 'block_suggestion', action_id: TIMELINE_MESSAGE_INPUT.incident.action }, async ({ payload, ack }) => {
    const parsed = suggestionSchema.safeParse(payload);
    if (!parsed.success) return ack({ options: [] });
    const { user, value } = parsed.data;
    const raced = await withinDeadline(deps.conversation.choicesFor(user.id, SUGGESTED_OPTIONS, value.slice(0, QUERY_LIMIT)), deps.ackDeadlineMs);
    if (raced.state === 'done') return ack(incidentOptions(raced.value));
    if (raced.state === 'failed') logger.error({ err: raced.error }, 'the incident search failed; the picker shows no options');
    else logger.warn('the incident search ran past the acknowledgement deadline; the picker shows no options');
    await ack({ options: [] });
  });
}
