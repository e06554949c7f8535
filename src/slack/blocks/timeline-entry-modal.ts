import type { ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { incidentRef, type Incident } from '../../domain/incident.js';
import { MILESTONES, type Milestone } from '../../domain/timeline.js';
import { CALLBACK_ID, TIMELINE_INPUT } from '../ids.js';
import { context, input, modalLabel, option, textInput } from './elements.js';
import { safe } from './mrkdwn.js';
import { isIncidentId, selectedDateTime, STALE_FORM, selectedOption, type ParseResult, type SubmittedView, textValue } from './view-state.js';

export const ENTRY_TEXT_MAX = 3000;
const NO_MILESTONE = 'none';

export const MILESTONE_LABEL: Record<Milestone, string> = {
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  identified: 'Cause identified',
  mitigated: 'Mitigated',
  recovered: 'Recovered',
};

const MILESTONE_HINT: Record<Milestone, string> = {
  detected: 'Starts time to detect',
  acknowledged: 'A person took the alert',
  identified: 'Ends time to identify',
  mitigated: 'Ends time to mitigate',
  recovered: 'Service back to normal',
};

/** An entry to edit, as it reads now. */
export interface EntryToEdit {
  id: number;
  at: DateTime;
  text: string;
  milestone: Milestone | null;
}

const milestoneOption = (m: Milestone | null): PlainTextOption =>
  m ? option(MILESTONE_LABEL[m], m, MILESTONE_HINT[m]) : option('None', NO_MILESTONE);

/** The timeline form: when something happened, what, and the milestone it marks. Edits an entry when given one. */
export function timelineEntryModal(incident: Pick<Incident, 'id' | 'title'>, entry?: EntryToEdit): ModalView {
  const metadata = JSON.stringify({ incidentId: incident.id, ...(entry ? { entryId: entry.id } : {}) });
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.timelineEntry,
    private_metadata: metadata,
    title: modalLabel(entry ? 'Edit timeline entry' : 'Timeline entry'),
    submit: modalLabel('Save'),
    close: modalLabel('Cancel'),
    blocks: [
      context(`*${incidentRef(incident.id)}* ${safe(incident.title, 150)}`),
      input(
        TIMELINE_INPUT.at,
        'When it happened',
        { type: 'datetimepicker', action_id: TIMELINE_INPUT.at.action, ...(entry ? { initial_date_time: Math.floor(entry.at.toSeconds()) } : {}) },
        { hint: 'In your own time zone. Not later than now.' },
      ),
      input(
        TIMELINE_INPUT.text,
        'What happened',
        textInput(TIMELINE_INPUT.text, { multiline: true, maxLength: ENTRY_TEXT_MAX, initial: entry?.text, placeholder: 'Automated alert: connection pool exhausted' }),
      ),
      input(
        TIMELINE_INPUT.milestone,
        'Milestone',
        {
          type: 'static_select',
          action_id: TIMELINE_INPUT.milestone.action,
          options: [milestoneOption(null), ...MILESTONES.map(milestoneOption)],
          initial_option: milestoneOption(entry?.milestone ?? null),
        },
        { optional: true, hint: 'The postmortem measures time to detect, acknowledge, identify and mitigate from these.' },
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

const metadataSchema = z.object({ incidentId: z.number().refine(isIncidentId), entryId: z.number().int().positive().optional() });

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
  const v = view.state.values;
  const meta = metadataOf(view);
  if (!meta) return { ok: false, errors: { [TIMELINE_INPUT.text.block]: STALE_FORM } };
  const errors: Record<string, string> = {};
  const seconds = selectedDateTime(v, TIMELINE_INPUT.at);
  if (seconds === undefined) errors[TIMELINE_INPUT.at.block] = 'Pick when it happened.';
  const text = textValue(v, TIMELINE_INPUT.text);
  if (!text) errors[TIMELINE_INPUT.text.block] = 'Write what happened.';
  else if (text.length > ENTRY_TEXT_MAX) errors[TIMELINE_INPUT.text.block] = `Keep it to ${ENTRY_TEXT_MAX} characters or fewer.`;
  const chosen = selectedOption(v, TIMELINE_INPUT.milestone);
  const milestone = MILESTONES.find((m) => m === chosen) ?? null;
  if (chosen !== undefined && chosen !== NO_MILESTONE && milestone === null) errors[TIMELINE_INPUT.milestone.block] = 'Choose a milestone from the list.';
  if (seconds === undefined || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { ...meta, at: DateTime.fromSeconds(seconds, { zone: 'utc' }), text, milestone } };
}
