import type { z } from 'zod';
import { textsFor, type Texts } from '../../domain/texts/index.js';
import { formLocale } from './form-locale.js';
import type { InputId } from '../ids.js';

/** One element's state in `view.state.values`; structurally a subset of Bolt's `ViewStateValue`. */
export interface ViewStateValue {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_user?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_date_time?: number | null;
}

export type ViewStateValues = Record<string, Record<string, ViewStateValue>>;

/** What a parser needs of a submitted view (Bolt's `body.view` satisfies it). */
export interface SubmittedView {
  state: { values: ViewStateValues };
  private_metadata?: string;
}

/** Keyed by `block_id`, so the listener can `ack({ response_action: 'errors', errors })`. */
export type FieldErrors = Record<string, string>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * The element's state, read defensively: Slack's payload is typed, but a signed request can carry
 * anything, and a wrong shape must become "no value", never a crash.
 */
function state(values: ViewStateValues, id: InputId): Record<string, unknown> | undefined {
  // `values` itself may be missing from a forged payload.
  if (typeof values !== 'object' || values === null) return undefined;
  const block: unknown = Object.hasOwn(values, id.block) ? values[id.block] : undefined;
  if (typeof block !== 'object' || block === null || !Object.hasOwn(block, id.action)) return undefined;
  const element: unknown = (block as Record<string, unknown>)[id.action];
  return typeof element === 'object' && element !== null ? (element as Record<string, unknown>) : undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const optionValue = (o: unknown): string | undefined =>
  typeof o === 'object' && o !== null ? text((o as Record<string, unknown>)['value']) : undefined;

/** A text input's value, trimmed; '' when empty, absent or not text. */
export function textValue(values: ViewStateValues, id: InputId): string {
  return (text(state(values, id)?.['value']) ?? '').trim();
}

/** A text input's value exactly as typed; undefined when empty or not text. */
export function enteredText(values: ViewStateValues, id: InputId): string | undefined {
  return text(state(values, id)?.['value']) || undefined;
}

/** A date picker's ISO date, as Slack sends it. */
export function selectedDate(values: ViewStateValues, id: InputId): string | undefined {
  return text(state(values, id)?.['selected_date']);
}

/** A time picker's `HH:mm`, as Slack sends it. */
export function selectedTime(values: ViewStateValues, id: InputId): string | undefined {
  return text(state(values, id)?.['selected_time']);
}

/** A text input's value, trimmed; null when empty. */
export function optionalText(values: ViewStateValues, id: InputId): string | null {
  return textValue(values, id) || null;
}

export function selectedOption(values: ViewStateValues, id: InputId): string | undefined {
  return optionValue(state(values, id)?.['selected_option']);
}

export function selectedOptions(values: ViewStateValues, id: InputId): string[] {
  const options = state(values, id)?.['selected_options'];
  return Array.isArray(options) ? options.map(optionValue).filter((v): v is string => v !== undefined) : [];
}

export function selectedUser(values: ViewStateValues, id: InputId): string | undefined {
  return text(state(values, id)?.['selected_user']);
}

/** Seconds since the epoch, within years Slack's picker offers (1970–2100); otherwise undefined. */
export function selectedDateTime(values: ViewStateValues, id: InputId): number | undefined {
  const v = state(values, id)?.['selected_date_time'];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4_102_444_800 ? v : undefined;
}

/** Postgres' integer: the largest incident number there can be. */
const MAX_INCIDENT_ID = 2_147_483_647;
export const isIncidentId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= MAX_INCIDENT_ID;

/** `{ incidentId }` from private_metadata, or undefined when missing or malformed. */
export function incidentIdFromMetadata(metadata: string | undefined): number | undefined {
  if (!metadata) return undefined;
  try {
    const parsed: unknown = JSON.parse(metadata);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const id = (parsed as { incidentId?: unknown }).incidentId;
    return isIncidentId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The texts of the language a form was shown in; English for a form opened before forms kept theirs. */
export function formTexts(metadata: string | undefined): Texts {
  return textsFor(formLocale(metadata) ?? 'en');
}

/** First message per field, keyed by the field's block_id. */
export function zodErrors(error: z.ZodError, blockOf: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    const block = typeof key === 'string' ? blockOf[key] : undefined;
    if (block && !(block in errors)) errors[block] = issue.message;
  }
  return errors;
}
