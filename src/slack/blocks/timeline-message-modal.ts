import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { messageContentSchema } from '../../domain/timeline.js';
import type { MessageInput } from '../../services/conversation-service.js';
import { CALLBACK_ID, TIMELINE_MESSAGE_INPUT } from '../ids.js';
import { context, input, modalLabel, section } from './elements.js';
import { quote } from './mrkdwn.js';
import { isIncidentId, selectedOption, STALE_FORM, type ParseResult, type SubmittedView } from './view-state.js';

/** Slack keeps at most 3,000 characters of private_metadata; the message's text is cut to fit. */
const METADATA_LIMIT = 3000;

const metadataSchema = z.object({
  channelId: z.string(),
  messageTs: z.string(),
  authorId: z.string().nullable(),
  content: messageContentSchema,
});

function encodeMessage(message: MessageInput & { content: NonNullable<MessageInput['content']> }): string {
  let text = message.content.text;
  let files = message.content.files;
  for (;;) {
    const encoded = JSON.stringify({ ...message, content: { ...message.content, text, files } });
    if (encoded.length <= METADATA_LIMIT) return encoded;
    if (files.length > 0) files = files.slice(0, -1);
    else text = text.slice(0, Math.max(0, text.length - (encoded.length - METADATA_LIMIT) - 1));
  }
}

/** The message shortcut outside an incident channel: which incident's timeline the message goes on. */
export function timelineMessageModal({ hasChoices, message }: {
  /** Whether the person may see any open incident; the picker searches them as they type. */
  hasChoices: boolean;
  message: MessageInput & { content: NonNullable<MessageInput['content']> };
}): ModalView {
  const preview = message.content.text.trim() ? quote(message.content.text, 1000) : '_A message without text._';
  const base = {
    type: 'modal' as const,
    callback_id: CALLBACK_ID.timelineMessage,
    private_metadata: encodeMessage(message),
    title: modalLabel('Add to timeline'),
    close: modalLabel('Cancel'),
  };
  if (!hasChoices) {
    return { ...base, blocks: [section(preview), context('There is no open incident you can see, so there is no timeline to add this to.')] };
  }
  return {
    ...base,
    submit: modalLabel('Add'),
    blocks: [
      section(preview),
      input(TIMELINE_MESSAGE_INPUT.incident, 'Incident', {
        type: 'external_select',
        action_id: TIMELINE_MESSAGE_INPUT.incident.action,
        placeholder: { type: 'plain_text', text: 'Type INC-number or words of the title' },
        // Opening the menu lists the most severe and most recent; typing narrows it.
        min_query_length: 0,
      }),
      context('The message goes on the incident timeline at the time it was posted, with a link to it.'),
    ],
  };
}

export interface TimelineMessageSubmission {
  incidentId: number;
  message: MessageInput;
}

export function parseTimelineMessageView(view: SubmittedView): ParseResult<TimelineMessageSubmission> {
  const block = TIMELINE_MESSAGE_INPUT.incident.block;
  const incidentId = Number(selectedOption(view.state.values, TIMELINE_MESSAGE_INPUT.incident));
  if (!isIncidentId(incidentId)) return { ok: false, errors: { [block]: 'Choose the incident.' } };
  let raw: unknown;
  try {
    raw = JSON.parse(view.private_metadata ?? '');
  } catch {
    return { ok: false, errors: { [block]: STALE_FORM } };
  }
  const message = metadataSchema.safeParse(raw);
  if (!message.success) return { ok: false, errors: { [block]: STALE_FORM } };
  return { ok: true, value: { incidentId, message: message.data } };
}
