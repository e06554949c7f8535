import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { messageContentSchema } from '../../domain/timeline.js';
import type { Locale, Texts } from '../../domain/texts/index.js';
import type { MessageInput } from '../../services/conversation-service.js';
import { CALLBACK_ID, TIMELINE_MESSAGE_INPUT } from '../ids.js';
import { context, input, modalLabel, section } from './elements.js';
import { quote } from './mrkdwn.js';
import { formTexts, isIncidentId, selectedOption, type ParseResult, type SubmittedView } from './view-state.js';

/** Slack keeps at most 3,000 characters of private_metadata; the message's text is cut to fit (the form's language beside it). */
const METADATA_LIMIT = 3000;

const metadataSchema = z.object({
  channelId: z.string(),
  messageTs: z.string(),
  authorId: z.string().nullable(),
  content: messageContentSchema,
});

function encodeMessage(message: MessageInput & { content: NonNullable<MessageInput['content']> }, locale: Locale): string {
  let text = message.content.text;
  let files = message.content.files;
  for (;;) {
    const encoded = JSON.stringify({ ...message, content: { ...message.content, text, files }, locale });
    if (encoded.length <= METADATA_LIMIT) return encoded;
    if (files.length > 0) files = files.slice(0, -1);
    else text = text.slice(0, Math.max(0, text.length - (encoded.length - METADATA_LIMIT) - 1));
  }
}

/** The message shortcut outside an incident channel, in the reader's language: which incident's timeline the message goes on. */
export function timelineMessageModal({ hasChoices, message }: {
  /** Whether the person may see any open incident; the picker searches them as they type. */
  hasChoices: boolean;
  message: MessageInput & { content: NonNullable<MessageInput['content']> };
}, texts: Texts): ModalView {
  const t = texts.forms.timelineMessage;
  const preview = message.content.text.trim() ? quote(message.content.text, 1000) : `_${t.noText}_`;
  const base = {
    type: 'modal' as const,
    callback_id: CALLBACK_ID.timelineMessage,
    private_metadata: encodeMessage(message, texts.locale),
    title: modalLabel(t.title),
    close: modalLabel(texts.forms.cancel),
  };
  if (!hasChoices) return { ...base, blocks: [section(preview), context(t.noIncident)] };
  return {
    ...base,
    submit: modalLabel(texts.forms.add),
    blocks: [
      section(preview),
      input(TIMELINE_MESSAGE_INPUT.incident, t.incidentLabel, {
        type: 'external_select',
        action_id: TIMELINE_MESSAGE_INPUT.incident.action,
        placeholder: { type: 'plain_text', text: t.incidentPlaceholder },
        // Opening the menu lists the most severe and most recent; typing narrows it.
        min_query_length: 0,
      }),
      context(t.explain),
    ],
  };
}

export interface TimelineMessageSubmission {
  incidentId: number;
  message: MessageInput;
}

export function parseTimelineMessageView(view: SubmittedView): ParseResult<TimelineMessageSubmission> {
  const texts = formTexts(view.private_metadata);
  const block = TIMELINE_MESSAGE_INPUT.incident.block;
  const incidentId = Number(selectedOption(view.state.values, TIMELINE_MESSAGE_INPUT.incident));
  if (!isIncidentId(incidentId)) return { ok: false, errors: { [block]: texts.forms.timelineMessage.incidentMissing } };
  let raw: unknown;
  try {
    raw = JSON.parse(view.private_metadata ?? '');
  } catch {
    return { ok: false, errors: { [block]: texts.forms.staleForm } };
  }
  const message = metadataSchema.safeParse(raw);
  if (!message.success) return { ok: false, errors: { [block]: texts.forms.staleForm } };
  return { ok: true, value: { incidentId, message: message.data } };
}
