import { z } from 'zod';

/**
 * The one encoding of a button's value: the incident's number. A value that does not parse (an
 * edited payload, an id past Postgres' integer range) is undefined, never a crash or a query.
 */
const incidentIdValue = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647));

export function incidentButtonValue(incidentId: number): string {
  return String(incidentId);
}

export function incidentIdFromButton(value: string | undefined): number | undefined {
  const parsed = incidentIdValue.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
