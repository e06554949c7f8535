import type { ReportField, Severity } from '../severity.js';
import type { Texts } from './catalog.js';

export interface ReportFieldText {
  label: string;
  hint: string;
}

/** A severity's report field (label and hint) in the reader's words; the domain's English when the catalog lacks it. */
export function reportFieldText(texts: Texts, severity: Severity, field: Pick<ReportField, 'id' | 'label' | 'hint'>): ReportFieldText {
  const fields: Record<string, ReportFieldText> = texts.terms.reportField[severity];
  return Object.hasOwn(fields, field.id) ? fields[field.id]! : { label: field.label, hint: field.hint };
}
