import type { ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Scenario } from '../../domain/incident.js';
import { SCENARIO_LABEL, SCENARIOS } from '../../domain/incident.js';
import type { Severity } from '../../domain/severity.js';
import { SEVERITIES, SEVERITY_INFO } from '../../domain/severity.js';
import { CALLBACK_ID, DECLARE_INPUT } from '../ids.js';
import { input, modalLabel, option, textInput } from './elements.js';
import {
  type ParseResult,
  selectedDateTime,
  selectedOption,
  selectedOptions,
  selectedUser,
  type SubmittedView,
  textValue,
  zodErrors,
} from './view-state.js';

export const TITLE_MAX_LENGTH = 150;
export const IMPACT_MAX_LENGTH = 3000;
const DRILL_VALUE = 'drill';
const PRIVATE_VALUE = 'private';

export interface DeclareModalInput {
  commanderId: string;
  title?: string;
  severity?: Severity;
  scenario?: Scenario;
  impact?: string;
  /** Declared from this alert's Declare button (carried in private_metadata). */
  alertId?: number;
}

export interface DeclareSubmission {
  title: string;
  severity: Severity;
  scenario: Scenario;
  impact: string;
  commanderId: string;
  isDrill: boolean;
  isPrivate: boolean;
  fromAlertId?: number;
  /** When the impact began and when it was noticed, if earlier than now (the service checks the order). */
  startedAt?: DateTime;
  detectedAt?: DateTime;
}

const fromUnix = (seconds: number) => DateTime.fromSeconds(seconds, { zone: 'utc' });

const pastTime = (id: typeof DECLARE_INPUT.startedAt, label: string, hint: string) =>
  input(id, label, { type: 'datetimepicker', action_id: id.action }, { optional: true, hint });

export function severityOption(sev: Severity): PlainTextOption {
  const info = SEVERITY_INFO[sev];
  return option(
    `${info.label} · ${info.meaning}`,
    sev,
    `Status update every ${info.defaultCadenceMinutes} min by default`,
  );
}

function scenarioOption(s: Scenario): PlainTextOption {
  return option(SCENARIO_LABEL[s], s);
}

/** `/incident declare` modal, prefilled from the command's arguments. */
export function declareModal(prefill: DeclareModalInput): ModalView {
  const drillOption = option('This is a drill (exercise, not a real incident)', DRILL_VALUE);
  const privateOption = option('Private: a private channel; #incidents hears only that one was declared', PRIVATE_VALUE);
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.declare,
    ...(prefill.alertId === undefined ? {} : { private_metadata: JSON.stringify({ alertId: prefill.alertId }) }),
    title: modalLabel('Declare an incident'),
    submit: modalLabel('Declare'),
    close: modalLabel('Cancel'),
    blocks: [
      input(
        DECLARE_INPUT.title,
        'Title',
        textInput(DECLARE_INPUT.title, {
          maxLength: TITLE_MAX_LENGTH,
          initial: prefill.title?.trim(),
          placeholder: 'Checkout API returning 5xx',
        }),
        { hint: 'What is broken, in a few words. It names the incident channel.' },
      ),
      input(DECLARE_INPUT.severity, 'Severity', {
        type: 'static_select',
        action_id: DECLARE_INPUT.severity.action,
        placeholder: { type: 'plain_text', text: 'Choose a severity' },
        options: SEVERITIES.map(severityOption),
        ...(prefill.severity ? { initial_option: severityOption(prefill.severity) } : {}),
      }),
      input(DECLARE_INPUT.scenario, 'Scenario', {
        type: 'static_select',
        action_id: DECLARE_INPUT.scenario.action,
        placeholder: { type: 'plain_text', text: 'Choose the closest scenario' },
        options: SCENARIOS.map(scenarioOption),
        initial_option: scenarioOption(prefill.scenario ?? 'other'),
      }),
      input(
        DECLARE_INPUT.impact,
        'Impact',
        textInput(DECLARE_INPUT.impact, {
          multiline: true,
          maxLength: IMPACT_MAX_LENGTH,
          initial: prefill.impact,
          placeholder: 'Users, endpoints and regions affected, since when',
        }),
        { hint: 'What users see right now. "Unknown so far" is a fine start.' },
      ),
      pastTime(DECLARE_INPUT.startedAt, 'Impact started', 'If before now, in your time zone. Empty: when it was detected.'),
      pastTime(DECLARE_INPUT.detectedAt, 'Detected', 'When an alert or a person noticed it. Empty: when the impact started, else now.'),
      input(
        DECLARE_INPUT.commander,
        'Incident commander',
        {
          type: 'users_select',
          action_id: DECLARE_INPUT.commander.action,
          initial_user: prefill.commanderId,
        },
        { hint: 'Leads the response and gets the update reminders.' },
      ),
      input(
        DECLARE_INPUT.drill,
        'Options',
        { type: 'checkboxes', action_id: DECLARE_INPUT.drill.action, options: [drillOption, privateOption] },
        { optional: true },
      ),
    ],
  };
}

const schema = z.object({
  title: z
    .string()
    .min(1, 'Give the incident a title.')
    .max(TITLE_MAX_LENGTH, `Keep the title to ${TITLE_MAX_LENGTH} characters or fewer.`),
  severity: z.enum(SEVERITIES, 'Choose a severity.'),
  scenario: z.enum(SCENARIOS, 'Choose a scenario; "Other" is fine.'),
  impact: z
    .string()
    .min(1, 'Describe the impact, even if it is "unknown so far".')
    .max(IMPACT_MAX_LENGTH, `Keep the impact to ${IMPACT_MAX_LENGTH} characters or fewer.`),
  commanderId: z.string().min(1, 'Choose an incident commander.'),
  isDrill: z.boolean(),
  isPrivate: z.boolean(),
});

const BLOCK_OF: Record<keyof z.infer<typeof schema>, string> = {
  title: DECLARE_INPUT.title.block,
  severity: DECLARE_INPUT.severity.block,
  scenario: DECLARE_INPUT.scenario.block,
  impact: DECLARE_INPUT.impact.block,
  commanderId: DECLARE_INPUT.commander.block,
  isDrill: DECLARE_INPUT.drill.block,
  isPrivate: DECLARE_INPUT.drill.block,
};

/** Parses the declare modal's submission; errors are keyed by block_id. */
export function parseDeclareView(view: SubmittedView): ParseResult<DeclareSubmission> {
  const v = view.state.values;
  const raw = {
    title: textValue(v, DECLARE_INPUT.title),
    severity: selectedOption(v, DECLARE_INPUT.severity),
    scenario: selectedOption(v, DECLARE_INPUT.scenario),
    impact: textValue(v, DECLARE_INPUT.impact),
    commanderId: selectedUser(v, DECLARE_INPUT.commander) ?? '',
    isDrill: selectedOptions(v, DECLARE_INPUT.drill).includes(DRILL_VALUE),
    isPrivate: selectedOptions(v, DECLARE_INPUT.drill).includes(PRIVATE_VALUE),
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, BLOCK_OF) };
  const started = selectedDateTime(v, DECLARE_INPUT.startedAt);
  const detected = selectedDateTime(v, DECLARE_INPUT.detectedAt);
  const fromAlertId = alertIdFromMetadata(view.private_metadata);
  return {
    ok: true,
    value: {
      ...parsed.data,
      ...(started === undefined ? {} : { startedAt: fromUnix(started) }),
      ...(detected === undefined ? {} : { detectedAt: fromUnix(detected) }),
      ...(fromAlertId === undefined ? {} : { fromAlertId }),
    },
  };
}

const alertMetadata = z.object({ alertId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

function alertIdFromMetadata(metadata: string | undefined): number | undefined {
  if (!metadata) return undefined;
  try {
    const parsed = alertMetadata.safeParse(JSON.parse(metadata));
    return parsed.success ? parsed.data.alertId : undefined;
  } catch {
    return undefined;
  }
}

