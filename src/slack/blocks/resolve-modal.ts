import type { ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import type { Incident } from '../../domain/incident.js';
import { incidentRef } from '../../domain/incident.js';
import type { Resolution } from '../../domain/timeline.js';
import { ACTION_ID, CALLBACK_ID, MESSAGE_BLOCK_ID, RESOLVE_INPUT } from '../ids.js';
import type { NewActionItem } from '../../domain/action-item.js';
import { actionItemRows, earliestDueDate, parseActionItemRows } from './action-item-inputs.js';
import { actions, button, context, input, modalLabel, option, textInput } from './elements.js';
import { safe } from './mrkdwn.js';
import { withEnteredValues } from './view-prefill.js';
import {
  type FieldErrors,
  incidentIdFromMetadata,
  optionalText,
  type ViewStateValues,
  type ParseResult,
  selectedDateTime,
  selectedOption,
  STALE_FORM,
  type SubmittedView,
  textValue,
} from './view-state.js';

export const RESOLVE_TEXT_MAX = 3000;
const CONFIRMED = 'confirmed';
const SUSPECTED = 'suspected';

export interface ResolveModalInput {
  incident: Pick<Incident, 'id' | 'title' | 'isDrill'>;
  /** Action-item rows (RESOLVE_ACTION_ITEM_ROWS to start, up to RESOLVE_MAX_ACTION_ITEM_ROWS). */
  rows?: number;
  /** What was entered so far, kept when the form is rebuilt with another row. */
  entered?: ViewStateValues;
  /** Checklist items still open: said, never blocking. */
  openChecklistItems?: number;
}

/** `Resolution` plus the incident it is for; `recoveredAt` is a UTC DateTime or null. */
export interface ResolveSubmission extends Resolution {
  incidentId: number;
  /** The action-item rows that were filled in. */
  actionItems: NewActionItem[];
}

/** Action-item rows the resolve modal starts with; [Add another action item] adds more, up to the most. */
export const RESOLVE_ACTION_ITEM_ROWS = 4;
export const RESOLVE_MAX_ACTION_ITEM_ROWS = 10;

interface ResolveMetadata {
  incidentId: number;
  rows: number;
}

/** The form's incident and row count; a form from before rows were counted has the first count. */
export function readResolveMetadata(raw: string | undefined): ResolveMetadata | undefined {
  const incidentId = incidentIdFromMetadata(raw);
  if (incidentId === undefined) return undefined;
  const parsed: unknown = JSON.parse(raw ?? '{}');
  const rows = typeof parsed === 'object' && parsed !== null && 'rows' in parsed ? parsed.rows : undefined;
  const valid = typeof rows === 'number' && Number.isInteger(rows) && rows >= 1 && rows <= RESOLVE_MAX_ACTION_ITEM_ROWS;
  return { incidentId, rows: valid ? rows : RESOLVE_ACTION_ITEM_ROWS };
}

const certaintyOptions: Record<string, PlainTextOption> = {
  [CONFIRMED]: option('Confirmed — verified', CONFIRMED),
  [SUSPECTED]: option('Suspected — best current explanation', SUSPECTED),
};

const long = (id: (typeof RESOLVE_INPUT)[keyof typeof RESOLVE_INPUT], placeholder?: string) =>
  textInput(id, { multiline: true, maxLength: RESOLVE_TEXT_MAX, ...(placeholder ? { placeholder } : {}) });

/** The resolve modal: what the postmortem needs to know about the ending. */
export function resolveModal({ incident, rows = RESOLVE_ACTION_ITEM_ROWS, entered, openChecklistItems = 0 }: ResolveModalInput): ModalView {
  const drill = incident.isDrill ? ':construction: *DRILL* · ' : '';
  const count = Math.min(Math.max(rows, 1), RESOLVE_MAX_ACTION_ITEM_ROWS);
  const metadata: ResolveMetadata = { incidentId: incident.id, rows: count };
  const more = count < RESOLVE_MAX_ACTION_ITEM_ROWS
    ? [actions([button('Add another action item', ACTION_ID.addActionItemRow, String(count))], MESSAGE_BLOCK_ID.addActionItemRow)]
    : [context(`That is the most rows the form takes (${RESOLVE_MAX_ACTION_ITEM_ROWS}); add more later with \`/incident followup\`.`)];
  const blocks = [
    context(`${drill}*${incidentRef(incident.id)}* ${safe(incident.title, 150)}`),
    ...(openChecklistItems > 0
      ? [context(`:ballot_box_with_check: ${openChecklistItems} checklist item${openChecklistItems === 1 ? ' is' : 's are'} still open. You can resolve anyway; the postmortem draft lists ${openChecklistItems === 1 ? 'it' : 'them'} as left open.`)]
      : []),
    input(RESOLVE_INPUT.summary, 'Resolution summary', long(RESOLVE_INPUT.summary), {
      hint: 'What was done to end the incident.',
    }),
    input(RESOLVE_INPUT.rootCause, 'Root cause', long(RESOLVE_INPUT.rootCause)),
    input(RESOLVE_INPUT.rootCauseCertainty, 'Is the root cause confirmed?', {
      type: 'radio_buttons',
      action_id: RESOLVE_INPUT.rootCauseCertainty.action,
      options: [certaintyOptions[CONFIRMED]!, certaintyOptions[SUSPECTED]!],
    }),
    input(
      RESOLVE_INPUT.contributingFactors,
      'Contributing factors',
      long(RESOLVE_INPUT.contributingFactors, 'One per line'),
      { optional: true, hint: 'One per line; they are numbered in the postmortem.' },
    ),
    input(
      RESOLVE_INPUT.recoverySignal,
      'Recovery signal',
      textInput(RESOLVE_INPUT.recoverySignal, {
        maxLength: RESOLVE_TEXT_MAX,
        placeholder: '5xx ratio back under 0.1%, /health/ready green',
      }),
      { optional: true, hint: 'Which signal showed recovery.' },
    ),
    input(
      RESOLVE_INPUT.recoveredAt,
      'Recovered at',
      { type: 'datetimepicker', action_id: RESOLVE_INPUT.recoveredAt.action },
      { optional: true, hint: 'When that signal showed recovery, in your time zone.' },
    ),
    input(
      RESOLVE_INPUT.customerImpact,
      'Customer-facing impact',
      long(RESOLVE_INPUT.customerImpact, 'Some customers could not pay by card for about an hour.'),
      { optional: true, hint: 'In plain words for customers: who was affected and how. The customer-facing draft says this, not the internal impact.' },
    ),
    input(
      RESOLVE_INPUT.businessImpact,
      'Business impact',
      long(RESOLVE_INPUT.businessImpact, 'Orders delayed or failed, revenue estimate'),
      { optional: true },
    ),
    context('*Action items* — optional; add more later with `/incident followup`.'),
    ...actionItemRows(count),
    ...more,
  ];
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.resolve,
    private_metadata: JSON.stringify(metadata),
    title: modalLabel(`Resolve ${incidentRef(incident.id)}`),
    submit: modalLabel('Resolve'),
    close: modalLabel('Cancel'),
    blocks: entered ? withEnteredValues(blocks, entered) : blocks,
  };
}

/** Lines of a list, with bullets (`-`, `*`, `•`) and numbering (`1.`, `2)`) stripped. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s*/u, '').trim())
    .filter((l) => l.length > 0);
}

/**
 * Parses the resolve modal. `now`, when given, rejects a recovery time in the future (with a
 * minute of clock skew allowed). `zone`: the submitter's, when known, for which due dates have
 * passed (see earliestDueDate).
 */
export function parseResolveView(view: SubmittedView, now?: DateTime, zone?: string): ParseResult<ResolveSubmission> {
  const metadata = readResolveMetadata(view.private_metadata);
  if (!metadata) return { ok: false, errors: { [RESOLVE_INPUT.summary.block]: STALE_FORM } };
  const { incidentId, rows } = metadata;
  const v = view.state.values;
  const errors: FieldErrors = {};
  const tooLong = `Keep this to ${RESOLVE_TEXT_MAX} characters or fewer.`;

  const summary = textValue(v, RESOLVE_INPUT.summary);
  if (!summary) errors[RESOLVE_INPUT.summary.block] = 'Summarise how the incident was resolved.';
  const rootCause = textValue(v, RESOLVE_INPUT.rootCause);
  if (!rootCause) {
    errors[RESOLVE_INPUT.rootCause.block] = 'Give the root cause, or the best suspicion and mark it suspected.';
  }
  const certainty = selectedOption(v, RESOLVE_INPUT.rootCauseCertainty);
  if (certainty !== CONFIRMED && certainty !== SUSPECTED) {
    errors[RESOLVE_INPUT.rootCauseCertainty.block] = 'Say whether the root cause is confirmed or suspected.';
  }

  const optional = {
    contributingFactors: textValue(v, RESOLVE_INPUT.contributingFactors),
    recoverySignal: optionalText(v, RESOLVE_INPUT.recoverySignal),
    customerImpact: optionalText(v, RESOLVE_INPUT.customerImpact),
    businessImpact: optionalText(v, RESOLVE_INPUT.businessImpact),
  };
  const lengths: [string, string | null][] = [
    [RESOLVE_INPUT.summary.block, summary],
    [RESOLVE_INPUT.rootCause.block, rootCause],
    [RESOLVE_INPUT.contributingFactors.block, optional.contributingFactors],
    [RESOLVE_INPUT.recoverySignal.block, optional.recoverySignal],
    [RESOLVE_INPUT.customerImpact.block, optional.customerImpact],
    [RESOLVE_INPUT.businessImpact.block, optional.businessImpact],
  ];
  for (const [block, text] of lengths) {
    if (text && text.length > RESOLVE_TEXT_MAX) errors[block] = tooLong;
  }

  const unix = selectedDateTime(v, RESOLVE_INPUT.recoveredAt);
  const recoveredAt = unix === undefined ? null : DateTime.fromSeconds(unix, { zone: 'utc' });
  if (recoveredAt && now && recoveredAt > now.plus({ minutes: 1 })) {
    errors[RESOLVE_INPUT.recoveredAt.block] = 'The recovery time is in the future; pick when it actually recovered.';
  }

  const items = parseActionItemRows(v, rows, now ? earliestDueDate(now, zone) : undefined);
  Object.assign(errors, items.errors);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      incidentId,
      summary,
      rootCause,
      rootCauseConfirmed: certainty === CONFIRMED,
      contributingFactors: splitLines(optional.contributingFactors),
      recoverySignal: optional.recoverySignal,
      recoveredAt,
      customerImpact: optional.customerImpact,
      businessImpact: optional.businessImpact,
      actionItems: items.items,
    },
  };
}
