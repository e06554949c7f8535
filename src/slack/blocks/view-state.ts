import type { z } from 'zod';
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

function state(values: ViewStateValues, id: InputId): ViewStateValue | undefined {
  return values[id.block]?.[id.action];
}

/** A text input's value, trimmed; '' when empty or absent. */
export function textValue(values: ViewStateValues, id: InputId): string {
  return (state(values, id)?.value ?? '').trim();
}

/** A text input's value, trimmed; null when empty. */
export function optionalText(values: ViewStateValues, id: InputId): string | null {
  return textValue(values, id) || null;
}

export function selectedOption(values: ViewStateValues, id: InputId): string | undefined {
  return state(values, id)?.selected_option?.value ?? undefined;
}

export function selectedOptions(values: ViewStateValues, id: InputId): string[] {
  return (state(values, id)?.selected_options ?? []).map((o) => o.value);
}

export function selectedUser(values: ViewStateValues, id: InputId): string | undefined {
  return state(values, id)?.selected_user ?? undefined;
}

export function selectedDateTime(values: ViewStateValues, id: InputId): number | undefined {
  return state(values, id)?.selected_date_time ?? undefined;
}

/** `{ incidentId }` from private_metadata, or undefined when missing or malformed. */
export function incidentIdFromMetadata(metadata: string | undefined): number | undefined {
  if (!metadata) return undefined;
  try {
    const parsed: unknown = JSON.parse(metadata);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const id = (parsed as { incidentId?: unknown }).incidentId;
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

export const STALE_FORM = 'This form is out of date. Close it and open it again.';

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
