import type { ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { incidentRef, type Incident } from '../../domain/incident.js';
import { messageContentSchema } from '../../domain/timeline.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { MessageInput } from '../../services/conversation-service.js';
import { CALLBACK_ID, TIMELINE_MESSAGE_INPUT } from '../ids.js';
import { context, input, modalLabel, option, section } from './elements.js';
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

const incidentOption = (incident: Incident): PlainTextOption =>
  option(`${incidentRef(incident.id)} · ${SEVERITY_INFO[incident.severity].label} · ${incident.title}`, String(incident.id));

/** A static select holds at most 100 options. */
export const PICKER_SHOWN = 100;

/** The message shortcut outside an incident channel: which incident's timeline the message goes on. */
export function timelineMessageModal({ incidents, total = incidents.length, message }: {
  /** The first open incidents the person may see, most severe and most recent first. */
  incidents: Incident[];
  /** How many they may see in all. */
  total?: number;
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
  if (incidents.length === 0) {
    return { ...base, blocks: [section(preview), context('There is no open incident you can see, so there is no timeline to add this to.')] };
  }
  return {
    ...base,
    submit: modalLabel('Add'),
    blocks: [
      section(preview),
      input(TIMELINE_MESSAGE_INPUT.incident, 'Incident', {
        type: 'static_select',
        action_id: TIMELINE_MESSAGE_INPUT.incident.action,
        placeholder: { type: 'plain_text', text: 'Choose the incident' },
        options: incidents.slice(0, PICKER_SHOWN).map(incidentOption),
      }),
      context('The message goes on the incident timeline at the time it was posted, with a link to it.'),
      ...(total > Math.min(incidents.length, PICKER_SHOWN)
        ? [context(`These are the ${Math.min(incidents.length, PICKER_SHOWN)} most severe and most recent of ${total} open incidents; for another, use the shortcut in its channel.`)]
        : []),
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
