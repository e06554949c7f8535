import type { ModalView } from '@slack/types';
import type { DateTime } from 'luxon';
import type { NewActionItem } from '../../domain/action-item.js';
import { incidentRef, type Incident } from '../../domain/incident.js';
import { actionItemInput, CALLBACK_ID } from '../ids.js';
import { ACTION_ITEM_TITLE_MAX, actionItemRows, earliestDueDate, parseActionItemRows } from './action-item-inputs.js';
import { context, modalLabel } from './elements.js';
import { withEnteredValues } from './view-prefill.js';
import { safe } from './mrkdwn.js';
import { incidentIdFromMetadata, type ParseResult, STALE_FORM, type SubmittedView } from './view-state.js';

export const FOLLOWUP_ROWS = 5;

export interface FollowupSubmission {
  incidentId: number;
  items: NewActionItem[];
}

/**
 * `/incident followup [title]`: more action items for the postmortem, open or resolved incident
 * alike; a title typed after the command fills the first row.
 */
export function followupModal({ incident, title }: { incident: Pick<Incident, 'id' | 'title'>; title?: string }): ModalView {
  const rows = actionItemRows(FOLLOWUP_ROWS, 'Follow-up');
  const first = actionItemInput(0, 'title');
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.followup,
    private_metadata: JSON.stringify({ incidentId: incident.id }),
    title: modalLabel(`Follow-ups ${incidentRef(incident.id)}`),
    submit: modalLabel('Add'),
    close: modalLabel('Cancel'),
    blocks: [
      context(`*${incidentRef(incident.id)}* ${safe(incident.title, 150)} · fill in as many rows as you need.`),
      ...(title ? withEnteredValues(rows, { [first.block]: { [first.action]: { type: 'plain_text_input', value: title } } }) : rows),
    ],
  };
}

/** A title typed after `/incident followup` fits the form's first row. */
export function fitsFollowupTitle(title: string): boolean {
  return title.length <= ACTION_ITEM_TITLE_MAX;
}

/** `zone`: the submitter's, when known, for which due dates have passed (see earliestDueDate). */
export function parseFollowupView(view: SubmittedView, now?: DateTime, zone?: string): ParseResult<FollowupSubmission> {
  const first = actionItemInput(0, 'title').block;
  const incidentId = incidentIdFromMetadata(view.private_metadata);
  if (incidentId === undefined) return { ok: false, errors: { [first]: STALE_FORM } };
  const { items, errors } = parseActionItemRows(view.state.values, FOLLOWUP_ROWS, now ? earliestDueDate(now, zone) : undefined);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (items.length === 0) return { ok: false, errors: { [first]: 'Give at least one follow-up a title.' } };
  return { ok: true, value: { incidentId, items } };
}
