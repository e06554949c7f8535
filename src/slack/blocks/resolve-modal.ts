import type { ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import type { Incident } from '../../domain/incident.js';
import { incidentRef } from '../../domain/incident.js';
import type { Resolution } from '../../domain/timeline.js';
import type { Texts } from '../../domain/texts/index.js';
import { ACTION_ID, CALLBACK_ID, MESSAGE_BLOCK_ID, RESOLVE_INPUT } from '../ids.js';
import type { NewActionItem } from '../../domain/action-item.js';
import { actionItemRows, earliestDueDate, parseActionItemRows } from './action-item-inputs.js';
import { actions, button, context, input, modalLabel, option, textInput } from './elements.js';
import { safe } from './mrkdwn.js';
import { withEnteredValues } from './view-prefill.js';
import {
  type FieldErrors,
  formTexts,
  incidentIdFromMetadata,
  optionalText,
  type ViewStateValues,
  type ParseResult,
  selectedDateTime,
  selectedOption,
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
  /** The language the form is shown in (read by formTexts): its field errors come back in it. */
  locale?: Texts['locale'];
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

const certaintyOptions = ({ forms: { resolve: t } }: Texts): PlainTextOption[] => [
  option(t.confirmed, CONFIRMED),
  option(t.suspected, SUSPECTED),
];

const long = (id: (typeof RESOLVE_INPUT)[keyof typeof RESOLVE_INPUT], placeholder?: string) =>
  textInput(id, { multiline: true, maxLength: RESOLVE_TEXT_MAX, ...(placeholder ? { placeholder } : {}) });

/** The resolve modal in the reader's language: what the postmortem needs to know about the ending. */
export function resolveModal({ incident, rows = RESOLVE_ACTION_ITEM_ROWS, entered, openChecklistItems = 0 }: ResolveModalInput, texts: Texts): ModalView {
  const t = texts.forms.resolve;
  const drill = incident.isDrill ? `${texts.channel.drillShort} · ` : '';
  const count = Math.min(Math.max(rows, 1), RESOLVE_MAX_ACTION_ITEM_ROWS);
  const metadata: ResolveMetadata = { incidentId: incident.id, rows: count, locale: texts.locale };
  const more = count < RESOLVE_MAX_ACTION_ITEM_ROWS
    ? [actions([button(t.addRow, ACTION_ID.addActionItemRow, String(count))], MESSAGE_BLOCK_ID.addActionItemRow)]
    : [context(t.mostRows(RESOLVE_MAX_ACTION_ITEM_ROWS))];
  const blocks = [
    context(`${drill}*${incidentRef(incident.id)}* ${safe(incident.title, 150)}`),
    ...(openChecklistItems > 0 ? [context(`:ballot_box_with_check: ${t.openChecklistItems(openChecklistItems)}`)] : []),
    input(RESOLVE_INPUT.summary, t.summaryLabel, long(RESOLVE_INPUT.summary), { hint: t.summaryHint }),
    input(RESOLVE_INPUT.rootCause, t.rootCauseLabel, long(RESOLVE_INPUT.rootCause)),
    input(RESOLVE_INPUT.rootCauseCertainty, t.certaintyLabel, {
      type: 'radio_buttons',
      action_id: RESOLVE_INPUT.rootCauseCertainty.action,
      options: certaintyOptions(texts),
    }),
    input(
      RESOLVE_INPUT.contributingFactors,
      t.factorsLabel,
      long(RESOLVE_INPUT.contributingFactors, t.factorsPlaceholder),
      { optional: true, hint: t.factorsHint },
    ),
    input(
      RESOLVE_INPUT.recoverySignal,
      t.signalLabel,
      textInput(RESOLVE_INPUT.recoverySignal, { maxLength: RESOLVE_TEXT_MAX, placeholder: t.signalPlaceholder }),
      { optional: true, hint: t.signalHint },
    ),
    input(
      RESOLVE_INPUT.recoveredAt,
      t.recoveredLabel,
      { type: 'datetimepicker', action_id: RESOLVE_INPUT.recoveredAt.action },
      { optional: true, hint: t.recoveredHint },
    ),
    input(
      RESOLVE_INPUT.customerImpact,
      t.customerLabel,
      long(RESOLVE_INPUT.customerImpact, t.customerPlaceholder),
      { optional: true, hint: t.customerHint },
    ),
    input(RESOLVE_INPUT.businessImpact, t.businessLabel, long(RESOLVE_INPUT.businessImpact, t.businessPlaceholder), { optional: true }),
    context(t.actionItems),
    ...actionItemRows(count, texts),
    ...more,
  ];
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.resolve,
    private_metadata: JSON.stringify(metadata),
    title: modalLabel(t.title(incidentRef(incident.id))),
    submit: modalLabel(t.submit),
    close: modalLabel(texts.forms.cancel),
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
  const texts = formTexts(view.private_metadata);
  const e = texts.forms.resolve.errors;
  const metadata = readResolveMetadata(view.private_metadata);
  if (!metadata) return { ok: false, errors: { [RESOLVE_INPUT.summary.block]: texts.forms.staleForm } };
  const { incidentId, rows } = metadata;
  const v = view.state.values;
  const errors: FieldErrors = {};
  const tooLong = texts.forms.tooLong(RESOLVE_TEXT_MAX);

  const summary = textValue(v, RESOLVE_INPUT.summary);
  if (!summary) errors[RESOLVE_INPUT.summary.block] = e.summaryMissing;
  const rootCause = textValue(v, RESOLVE_INPUT.rootCause);
  if (!rootCause) errors[RESOLVE_INPUT.rootCause.block] = e.rootCauseMissing;
  const certainty = selectedOption(v, RESOLVE_INPUT.rootCauseCertainty);
  if (certainty !== CONFIRMED && certainty !== SUSPECTED) errors[RESOLVE_INPUT.rootCauseCertainty.block] = e.certaintyMissing;

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
    errors[RESOLVE_INPUT.recoveredAt.block] = e.recoveredInFuture;
  }

  const items = parseActionItemRows(v, rows, texts, now ? earliestDueDate(now, zone) : undefined);
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
