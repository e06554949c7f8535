import type { ModalView, PlainTextOption } from '@slack/types';
import type { Incident, Scenario, Status } from '../../domain/incident.js';
import { incidentRef, OPEN_STATUSES, parseScenario, SCENARIOS } from '../../domain/incident.js';
import type { Severity } from '../../domain/severity.js';
import { isSeverity, SEVERITY_INFO } from '../../domain/severity.js';
import { reportFieldText, type Locale, type Texts } from '../../domain/texts/index.js';
import { CALLBACK_ID, UPDATE_INPUT, updateFieldInput } from '../ids.js';
import { context, input, modalLabel, option, textInput } from './elements.js';
import { safe } from './mrkdwn.js';
import { SUMMARY_FIELD } from './status-update-message.js';
import {
  type FieldErrors,
  formTexts,
  isIncidentId,
  type ParseResult,
  selectedOption,
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
  /** The language the form is shown in: its field errors come back in it. */
  locale?: Locale;
}

function statusOption(s: Status, texts: Texts): PlainTextOption {
  return option(texts.terms.status[s], s);
}

function scenarioOption(s: Scenario, texts: Texts): PlainTextOption {
  return option(texts.terms.scenario[s], s);
}

/** The status-update modal in the reader's language: the severity's report fields, a summary and the status. */
export function updateModal({ incident, initial = {} }: UpdateModalInput, texts: Texts): ModalView {
  const t = texts.forms.update;
  const info = SEVERITY_INFO[incident.severity];
  const fields = info.reportFields.map((f) => ({ ...f, ...reportFieldText(texts, incident.severity, f) }));
  const metadata: UpdateMetadata = { incidentId: incident.id, severity: incident.severity, locale: texts.locale };
  const current = OPEN_STATUSES.includes(incident.status) ? incident.status : undefined;
  const drill = incident.isDrill ? `${texts.channel.drillShort} · ` : '';
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.update,
    private_metadata: JSON.stringify(metadata),
    title: modalLabel(t.title(incidentRef(incident.id))),
    submit: modalLabel(t.submit),
    close: modalLabel(texts.forms.cancel),
    blocks: [
      context(
        `${drill}*${incidentRef(incident.id)}* ${safe(incident.title, 150)}\n` +
          t.mustState(info.label, fields.map((f) => f.label).join(', ')),
      ),
      ...fields.map((f) => {
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
        t.summaryLabel,
        textInput(UPDATE_INPUT.summary, {
          multiline: true,
          maxLength: FIELD_MAX_LENGTH,
          initial: initial[SUMMARY_FIELD],
        }),
        { hint: t.summaryHint },
      ),
      input(UPDATE_INPUT.status, t.statusLabel, {
        type: 'static_select',
        action_id: UPDATE_INPUT.status.action,
        options: OPEN_STATUSES.map((s) => statusOption(s, texts)),
        ...(current ? { initial_option: statusOption(current, texts) } : {}),
      }, { hint: t.statusHint }),
      input(UPDATE_INPUT.scenario, t.scenarioLabel, {
        type: 'static_select',
        action_id: UPDATE_INPUT.scenario.action,
        options: SCENARIOS.map((s) => scenarioOption(s, texts)),
        initial_option: scenarioOption(incident.scenario, texts),
      }, { optional: true, hint: t.scenarioHint }),
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

/** Parses the status-update modal; every report field and the summary are required. Errors in the form's language. */
export function parseUpdateView(view: SubmittedView): ParseResult<UpdateSubmission> {
  const texts = formTexts(view.private_metadata);
  const { errors: e } = texts.forms.update;
  const meta = readMetadata(view.private_metadata);
  if (!meta) return { ok: false, errors: { [UPDATE_INPUT.summary.block]: texts.forms.staleForm } };
  const v = view.state.values;
  const errors: FieldErrors = {};
  const fields: Record<string, string> = {};

  for (const f of SEVERITY_INFO[meta.severity].reportFields) {
    const id = updateFieldInput(f.id);
    const text = textValue(v, id);
    const shown = reportFieldText(texts, meta.severity, f);
    if (!text) errors[id.block] = e.fieldMissing(shown.label, shown.hint);
    else if (text.length > FIELD_MAX_LENGTH) errors[id.block] = texts.forms.tooLong(FIELD_MAX_LENGTH);
    fields[f.id] = text;
  }
  const summary = textValue(v, UPDATE_INPUT.summary);
  if (!summary) errors[UPDATE_INPUT.summary.block] = e.summaryMissing;
  else if (summary.length > FIELD_MAX_LENGTH) errors[UPDATE_INPUT.summary.block] = texts.forms.tooLong(FIELD_MAX_LENGTH);
  const status = selectedOption(v, UPDATE_INPUT.status) as Status | undefined;
  if (!status || !OPEN_STATUSES.includes(status)) errors[UPDATE_INPUT.status.block] = e.statusMissing;

  const chosen = selectedOption(v, UPDATE_INPUT.scenario);
  const scenario = chosen === undefined ? undefined : parseScenario(chosen);
  if (chosen !== undefined && !scenario) errors[UPDATE_INPUT.scenario.block] = e.scenarioUnknown;

  if (Object.keys(errors).length > 0 || !status) return { ok: false, errors };
  return { ok: true, value: { incidentId: meta.incidentId, severity: meta.severity, status, fields, summary, ...(scenario ? { scenario } : {}) } };
}
