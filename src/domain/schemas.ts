import { DateTime } from 'luxon';
import { z } from 'zod';
import { ROLES, SCENARIOS, STATUSES } from './incident.js';
import { SEVERITIES } from './severity.js';

export const severitySchema = z.enum(SEVERITIES);
export const statusSchema = z.enum(STATUSES);
export const scenarioSchema = z.enum(SCENARIOS);
export const roleSchema = z.enum(ROLES);

/** A UTC instant: ISO text when stored, a luxon DateTime in the domain. */
export const utcInstant = z.codec(
  z.iso.datetime({ offset: true }),
  z.custom<DateTime>((v) => DateTime.isDateTime(v) && v.isValid, 'a valid DateTime'),
  { decode: (text) => DateTime.fromISO(text, { zone: 'utc' }), encode: (at) => at.toUTC().toISO()! },
);

/** ISO text kept as text (a reminder's times travel to Block Kit as they are). */
export const isoText = z.iso.datetime({ offset: true });
