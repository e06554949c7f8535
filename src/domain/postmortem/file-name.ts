import { incidentRef } from '../incident.js';
import type { Locale, Variant } from './model.js';

/** `INC-7-postmortem-en-internal-v2.md`: every version of every draft has a name of its own. */
export function draftFileName(incidentId: number, locale: Locale, variant: Variant, version: number): string {
  return `${incidentRef(incidentId)}-postmortem-${locale}-${variant}-v${version}.md`;
}
