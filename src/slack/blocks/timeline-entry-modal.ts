import type { ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { incidentRef, type Incident } from '../../domain/incident.js';
import { MILESTONES, type Milestone } from '../../domain/timeline.js';
import { LOCALES, type Texts } from '../../domain/texts/index.js';
import { CALLBACK_ID, TIMELINE_INPUT } from '../ids.js';
import { context, input, modalLabel, option, textInput } from './elements.js';
import { safe } from './mrkdwn.js';
import { formTexts, isIncidentId, selectedDateTime, selectedOption, type ParseResult, type SubmittedView, textValue } from './view-state.js';

export const ENTRY_TEXT_MAX = 3000;
const NO_MILESTONE = 'none';

/** An entry to edit, as it reads now. */
export interface EntryToEdit {
  id: number;
  at: DateTime;
  text: string;
  milestone: Milestone | null;
}

const milestoneOption = (m: Milestone | null, { forms: { timelineEntry: t } }: Texts): PlainTextOption =>
  m ? option(t.milestone[m].label, m, t.milestone[m].hint) : option(t.noMilestone, NO_MILESTONE);

/**
 * The timeline form in the reader's language: when something happened, what, and the milestone it
 * marks. Edits an entry when given one.
 */
export function timelineEntryModal(incident: Pick<Incident, 'id' | 'title'>, texts: Texts, entry?: EntryToEdit): ModalView {
  const t = texts.forms.timelineEntry;
  const metadata = JSON.stringify({ incidentId: incident.id, ...(entry ? { entryId: entry.id } : {}), locale: texts.locale });
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.timelineEntry,
    private_metadata: metadata,
    title: modalLabel(entry ? t.editTitle : t.title),
    submit: modalLabel(t.submit),
    close: modalLabel(texts.forms.cancel),
    blocks: [
      context(`*${incidentRef(incident.id)}* ${safe(incident.title, 150)}`),
      input(
        TIMELINE_INPUT.at,
        t.atLabel,
        { type: 'datetimepicker', action_id: TIMELINE_INPUT.at.action, ...(entry ? { initial_date_time: Math.floor(entry.at.toSeconds()) } : {}) },
        { hint: t.atHint },
      ),
      input(
        TIMELINE_INPUT.text,
        t.textLabel,
        textInput(TIMELINE_INPUT.text, { multiline: true, maxLength: ENTRY_TEXT_MAX, initial: entry?.text, placeholder: t.textPlaceholder }),
      ),
      input(
        TIMELINE_INPUT.milestone,
        t.milestoneLabel,
        {
          type: 'static_select',
          action_id: TIMELINE_INPUT.milestone.action,
          options: [milestoneOption(null, texts), ...MILESTONES.map((m) => milestoneOption(m, texts))],
          initial_option: milestoneOption(entry?.milestone ?? null, texts),
        },
        { optional: true, hint: t.milestoneHint },
      ),
    ],
  };
}

export interface TimelineEntrySubmission {
  incidentId: number;
  /** Set when the form edits an entry. */
  entryId?: number;
  at: DateTime;
  text: string;
  milestone: Milestone | null;
}

const metadataSchema = z.object({
  incidentId: z.number().refine(isIncidentId),
  entryId: z.number().int().positive().optional(),
  locale: z.enum(LOCALES).optional().catch(undefined),
});

function metadataOf(view: SubmittedView): z.infer<typeof metadataSchema> | undefined {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(view.private_metadata ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Parses the timeline form; errors keyed by block_id. Whether the time is in the past is the service's rule. */
export function parseTimelineEntryView(view: SubmittedView): ParseResult<TimelineEntrySubmission> {
  const texts = formTexts(view.private_metadata);
  const e = texts.forms.timelineEntry.errors;
  const v = view.state.values;
  const meta = metadataOf(view);
  if (!meta) return { ok: false, errors: { [TIMELINE_INPUT.text.block]: texts.forms.staleForm } };
  const errors: Record<string, string> = {};
  const seconds = selectedDateTime(v, TIMELINE_INPUT.at);
  if (seconds === undefined) errors[TIMELINE_INPUT.at.block] = e.atMissing;
  const text = textValue(v, TIMELINE_INPUT.text);
  if (!text) errors[TIMELINE_INPUT.text.block] = e.textMissing;
  else if (text.length > ENTRY_TEXT_MAX) errors[TIMELINE_INPUT.text.block] = e.textTooLong(ENTRY_TEXT_MAX);
  const chosen = selectedOption(v, TIMELINE_INPUT.milestone);
  const milestone = MILESTONES.find((m) => m === chosen) ?? null;
  if (chosen !== undefined && chosen !== NO_MILESTONE && milestone === null) errors[TIMELINE_INPUT.milestone.block] = e.milestoneUnknown;
  if (seconds === undefined || Object.keys(errors).length > 0) return { ok: false, errors };
  const { incidentId, entryId } = meta;
  return { ok: true, value: { incidentId, ...(entryId === undefined ? {} : { entryId }), at: DateTime.fromSeconds(seconds, { zone: 'utc' }), text, milestone } };
}
