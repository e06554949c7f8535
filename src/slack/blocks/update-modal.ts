import type { ModalView, PlainTextOption } from '@slack/types';
import type { Incident, Scenario, Status } from '../../domain/incident.js';
import { incidentRef, OPEN_STATUSES, parseScenario, SCENARIO_LABEL, SCENARIOS, STATUS_LABEL } from '../../domain/incident.js';
import type { Severity } from '../../domain/severity.js';
import { isSeverity, SEVERITY_INFO } from '../../domain/severity.js';
import { CALLBACK_ID, UPDATE_INPUT, updateFieldInput } from '../ids.js';
import { context, input, modalLabel, option, textInput } from './elements.js';
import { safe } from './mrkdwn.js';
import { SUMMARY_FIELD } from './status-update-message.js';
import {
  type FieldErrors,
  isIncidentId,
  type ParseResult,
  selectedOption,
  STALE_FORM,
  type SubmittedView,
  textValue,
} from './view-state.js';

export const FIELD_MAX_LENGTH = 2000;

export interface UpdateModalInput {
  incident: Pick<Incident, 'id' | 'title' | 'severity' | 'status' | 'scenario' | 'isDrill'>;
  /** Prefill, e.g. the previous update's fields (report field id or `summary` → text). */
  initial?: Record<string, string>;
}

export interface UpdateSubmission {
  incidentId: number;
  /** The severity whose report fields the form asked for. */
  severity: Severity;
  status: Status;
  /** Report field id → text, for every field of the severity. */
  fields: Record<string, string>;
  summary: string;
  /** The scenario chosen in the form (it starts at the incident's). */
  scenario?: Scenario;
}

interface UpdateMetadata {
  incidentId: number;
  severity: Severity;
}

function statusOption(s: Status): PlainTextOption {
  return option(STATUS_LABEL[s], s);
}

function scenarioOption(s: Scenario): PlainTextOption {
  return option(SCENARIO_LABEL[s], s);
}

/** The status-update modal: the severity's report fields, a summary and the status. */
export function updateModal({ incident, initial = {} }: UpdateModalInput): ModalView {
  const info = SEVERITY_INFO[incident.severity];
  const metadata: UpdateMetadata = { incidentId: incident.id, severity: incident.severity };
  const current = OPEN_STATUSES.includes(incident.status) ? incident.status : undefined;
  const drill = incident.isDrill ? ':construction: *DRILL* · ' : '';
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.update,
    private_metadata: JSON.stringify(metadata),
    title: modalLabel(`Update ${incidentRef(incident.id)}`),
    submit: modalLabel('Post update'),
    close: modalLabel('Cancel'),
    blocks: [
      context(
        `${drill}*${incidentRef(incident.id)}* ${safe(incident.title, 150)}\n` +
          `${info.label} updates must state: ${info.reportFields.map((f) => f.label.toLowerCase()).join(', ')}.`,
      ),
      ...info.reportFields.map((f) => {
        const id = updateFieldInput(f.id);
        return input(
          id,
          f.label,
          textInput(id, { multiline: f.multiline, maxLength: FIELD_MAX_LENGTH, initial: initial[f.id] }),
          { hint: f.hint },
        );
      }),
      input(
        UPDATE_INPUT.summary,
        'Summary and next steps',
        textInput(UPDATE_INPUT.summary, {
          multiline: true,
          maxLength: FIELD_MAX_LENGTH,
          initial: initial[SUMMARY_FIELD],
        }),
        { hint: 'What changed since the last update and what happens next.' },
      ),
      input(UPDATE_INPUT.status, 'Status', {
        type: 'static_select',
        action_id: UPDATE_INPUT.status.action,
        options: OPEN_STATUSES.map(statusOption),
        ...(current ? { initial_option: statusOption(current) } : {}),
      }, { hint: 'To resolve the incident, use Resolve instead.' }),
      input(UPDATE_INPUT.scenario, 'Scenario', {
        type: 'static_select',
        action_id: UPDATE_INPUT.scenario.action,
        options: SCENARIOS.map(scenarioOption),
        initial_option: scenarioOption(incident.scenario),
      }, { optional: true, hint: 'What kind of incident it turned out to be; the postmortem draft follows its template.' }),
    ],
  };
}

function readMetadata(raw: string | undefined): UpdateMetadata | undefined {
  try {
    const m = JSON.parse(raw ?? '') as Partial<UpdateMetadata> | null;
    if (!m || typeof m !== 'object') return undefined;
    const { incidentId, severity } = m;
    if (!isIncidentId(incidentId)) return undefined;
    if (typeof severity !== 'string' || !isSeverity(severity)) return undefined;
    return { incidentId, severity };
  } catch {
    return undefined;
  }
}

/** Parses the status-update modal; every report field and the summary are required. */
export function parseUpdateView(view: SubmittedView): ParseResult<UpdateSubmission> {
  const meta = readMetadata(view.private_metadata);
  if (!meta) return { ok: false, errors: { [UPDATE_INPUT.summary.block]: STALE_FORM } };
  const v = view.state.values;
  const errors: FieldErrors = {};
  const fields: Record<string, string> = {};

  for (const f of SEVERITY_INFO[meta.severity].reportFields) {
    const id = updateFieldInput(f.id);
    const text = textValue(v, id);
    if (!text) errors[id.block] = `Fill in the ${f.label.toLowerCase()}: ${f.hint}.`;
    else if (text.length > FIELD_MAX_LENGTH) errors[id.block] = `Keep this to ${FIELD_MAX_LENGTH} characters or fewer.`;
    fields[f.id] = text;
  }
  const summary = textValue(v, UPDATE_INPUT.summary);
  if (!summary) errors[UPDATE_INPUT.summary.block] = 'Say what changed and what happens next.';
  else if (summary.length > FIELD_MAX_LENGTH) {
    errors[UPDATE_INPUT.summary.block] = `Keep this to ${FIELD_MAX_LENGTH} characters or fewer.`;
  }
  const status = selectedOption(v, UPDATE_INPUT.status) as Status | undefined;
  if (!status || !OPEN_STATUSES.includes(status)) {
    errors[UPDATE_INPUT.status.block] = 'Choose investigating, identified or monitoring.';
  }

  const chosen = selectedOption(v, UPDATE_INPUT.scenario);
  const scenario = chosen === undefined ? undefined : parseScenario(chosen);
  if (chosen !== undefined && !scenario) errors[UPDATE_INPUT.scenario.block] = 'Choose one of the scenarios in the list.';

  if (Object.keys(errors).length > 0 || !status) return { ok: false, errors };
  return { ok: true, value: { incidentId: meta.incidentId, severity: meta.severity, status, fields, summary, ...(scenario ? { scenario } : {}) } };
}
