import type { ModalView } from '@slack/types';
import type { DateTime } from 'luxon';
import type { NewActionItem } from '../../domain/action-item.js';
import { incidentRef, type Incident } from '../../domain/incident.js';
import type { Texts } from '../../domain/texts/index.js';
import { actionItemInput, CALLBACK_ID } from '../ids.js';
import { ACTION_ITEM_TITLE_MAX, actionItemRows, earliestDueDate, parseActionItemRows } from './action-item-inputs.js';
import { context, modalLabel } from './elements.js';
import { withEnteredValues } from './view-prefill.js';
import { safe } from './mrkdwn.js';
import { formTexts, incidentIdFromMetadata, type ParseResult, type SubmittedView } from './view-state.js';

export const FOLLOWUP_ROWS = 5;

export interface FollowupSubmission {
  incidentId: number;
  items: NewActionItem[];
}

/**
 * `/incident followup [title]`: more action items for the postmortem, open or resolved incident
 * alike; a title typed after the command fills the first row. In the reader's language, kept in
 * private_metadata for the field errors.
 */
export function followupModal({ incident, title }: { incident: Pick<Incident, 'id' | 'title'>; title?: string }, texts: Texts): ModalView {
  const t = texts.forms.followup;
  const rows = actionItemRows(FOLLOWUP_ROWS, texts, t.rowLabel);
  const first = actionItemInput(0, 'title');
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.followup,
    private_metadata: JSON.stringify({ incidentId: incident.id, locale: texts.locale }),
    title: modalLabel(t.title(incidentRef(incident.id))),
    submit: modalLabel(texts.forms.add),
    close: modalLabel(texts.forms.cancel),
    blocks: [
      context(`*${incidentRef(incident.id)}* ${safe(incident.title, 150)} · ${t.fillRows}`),
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
  const texts = formTexts(view.private_metadata);
  const first = actionItemInput(0, 'title').block;
  const incidentId = incidentIdFromMetadata(view.private_metadata);
  if (incidentId === undefined) return { ok: false, errors: { [first]: texts.forms.staleForm } };
  const { items, errors } = parseActionItemRows(view.state.values, FOLLOWUP_ROWS, texts, now ? earliestDueDate(now, zone) : undefined);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (items.length === 0) return { ok: false, errors: { [first]: texts.forms.followup.noneGiven } };
  return { ok: true, value: { incidentId, items } };
}
