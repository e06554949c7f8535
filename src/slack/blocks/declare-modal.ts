import type { ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Scenario } from '../../domain/incident.js';
import { SCENARIOS } from '../../domain/incident.js';
import { LOCALES, textsFor, type Texts } from '../../domain/texts/index.js';
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

/** A severity to pick: its name (SEV-1 in every language), what it means and its cadence, in the reader's words. */
export function severityOption(sev: Severity, texts: Texts): PlainTextOption {
  const info = SEVERITY_INFO[sev];
  return option(`${info.label} · ${texts.terms.severityMeaning[sev]}`, sev, texts.declare.severityCadence(info.defaultCadenceMinutes));
}

function scenarioOption(s: Scenario, texts: Texts): PlainTextOption {
  return option(texts.terms.scenario[s], s);
}

/**
 * `/incident declare` modal in the reader's language, prefilled from the command's arguments. Its
 * language rides in private_metadata, so the submission's field errors are in the same one.
 */
export function declareModal(prefill: DeclareModalInput, texts: Texts): ModalView {
  const t = texts.declare;
  const drillOption = option(t.drillOption, DRILL_VALUE);
  const privateOption = option(t.privateOption, PRIVATE_VALUE);
  const metadata = { locale: texts.locale, ...(prefill.alertId === undefined ? {} : { alertId: prefill.alertId }) };
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.declare,
    private_metadata: JSON.stringify(metadata),
    title: modalLabel(t.title),
    submit: modalLabel(t.submit),
    close: modalLabel(t.close),
    blocks: [
      input(
        DECLARE_INPUT.title,
        t.titleLabel,
        textInput(DECLARE_INPUT.title, {
          maxLength: TITLE_MAX_LENGTH,
          initial: prefill.title?.trim(),
          placeholder: t.titlePlaceholder,
        }),
        { hint: t.titleHint },
      ),
      input(DECLARE_INPUT.severity, t.severityLabel, {
        type: 'static_select',
        action_id: DECLARE_INPUT.severity.action,
        placeholder: { type: 'plain_text', text: t.severityPlaceholder },
        options: SEVERITIES.map((sev) => severityOption(sev, texts)),
        ...(prefill.severity ? { initial_option: severityOption(prefill.severity, texts) } : {}),
      }),
      input(DECLARE_INPUT.scenario, t.scenarioLabel, {
        type: 'static_select',
        action_id: DECLARE_INPUT.scenario.action,
        placeholder: { type: 'plain_text', text: t.scenarioPlaceholder },
        options: SCENARIOS.map((s) => scenarioOption(s, texts)),
        initial_option: scenarioOption(prefill.scenario ?? 'other', texts),
      }),
      input(
        DECLARE_INPUT.impact,
        t.impactLabel,
        textInput(DECLARE_INPUT.impact, {
          multiline: true,
          maxLength: IMPACT_MAX_LENGTH,
          initial: prefill.impact,
          placeholder: t.impactPlaceholder,
        }),
        { hint: t.impactHint },
      ),
      pastTime(DECLARE_INPUT.startedAt, t.startedLabel, t.startedHint),
      pastTime(DECLARE_INPUT.detectedAt, t.detectedLabel, t.detectedHint),
      input(
        DECLARE_INPUT.commander,
        t.commanderLabel,
        {
          type: 'users_select',
          action_id: DECLARE_INPUT.commander.action,
          initial_user: prefill.commanderId,
        },
        { hint: t.commanderHint },
      ),
      input(
        DECLARE_INPUT.drill,
        t.optionsLabel,
        { type: 'checkboxes', action_id: DECLARE_INPUT.drill.action, options: [drillOption, privateOption] },
        { optional: true },
      ),
    ],
  };
}

const declareSchema = ({ errors }: Texts['declare']) =>
  z.object({
    title: z.string().min(1, errors.titleMissing).max(TITLE_MAX_LENGTH, errors.titleTooLong(TITLE_MAX_LENGTH)),
    severity: z.enum(SEVERITIES, errors.severityMissing),
    scenario: z.enum(SCENARIOS, errors.scenarioMissing),
    impact: z.string().min(1, errors.impactMissing).max(IMPACT_MAX_LENGTH, errors.impactTooLong(IMPACT_MAX_LENGTH)),
    commanderId: z.string().min(1, errors.commanderMissing),
    isDrill: z.boolean(),
    isPrivate: z.boolean(),
  });

const BLOCK_OF: Record<keyof z.infer<ReturnType<typeof declareSchema>>, string> = {
  title: DECLARE_INPUT.title.block,
  severity: DECLARE_INPUT.severity.block,
  scenario: DECLARE_INPUT.scenario.block,
  impact: DECLARE_INPUT.impact.block,
  commanderId: DECLARE_INPUT.commander.block,
  isDrill: DECLARE_INPUT.drill.block,
  isPrivate: DECLARE_INPUT.drill.block,
};

/** Parses the declare modal's submission; errors are keyed by block_id, in the language the form was shown in. */
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
  const metadata = readMetadata(view.private_metadata);
  const parsed = declareSchema(textsFor(metadata.locale ?? 'en').declare).safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, BLOCK_OF) };
  const started = selectedDateTime(v, DECLARE_INPUT.startedAt);
  const detected = selectedDateTime(v, DECLARE_INPUT.detectedAt);
  const fromAlertId = metadata.alertId;
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

const declareMetadata = z.object({
  alertId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  locale: z.enum(LOCALES).optional().catch(undefined),
});

function readMetadata(metadata: string | undefined): z.infer<typeof declareMetadata> {
  if (!metadata) return {};
  try {
    const parsed = declareMetadata.safeParse(JSON.parse(metadata));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
