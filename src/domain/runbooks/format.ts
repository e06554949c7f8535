import { z } from 'zod';
import { ROLES, SCENARIOS } from '../incident.js';
import { SEVERITIES } from '../severity.js';

/** `30s`, `10m`, `2h`: how long after a runbook joins an incident its item falls due. */
const DURATION = /^([1-9]\d{0,5})(s|m|h)$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

export function durationSeconds(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

export const RUNBOOK_ID = /^[a-z0-9-]+$/;

const httpLink = z
  .string()
  .max(2000)
  .refine((value) => {
    // Nothing that could close or split a Slack link (`<url|label>`).
    if (/[\s<>|]/.test(value)) return false;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) link');

export const runbookItemFileSchema = z.strictObject({
  id: z.string().regex(RUNBOOK_ID, 'must be lowercase letters, digits and -').max(64),
  text: z.string().trim().min(1, 'must not be empty').max(500),
  role: z.enum(ROLES).optional(),
  due_after: z
    .string()
    .refine((v) => durationSeconds(v) !== undefined, 'must be a duration such as 30s, 10m or 2h')
    .optional(),
  link: httpLink.optional(),
  warn: z.string().trim().min(1).max(500).optional(),
});

/** Version 1 of a runbook file, exactly these keys (an unknown key is refused, never ignored). */
export const runbookFileSchema = z.strictObject({
  version: z.literal(1),
  id: z.string().regex(RUNBOOK_ID, 'must be lowercase letters, digits and -').max(64),
  title: z.string().trim().min(1, 'must not be empty').max(150),
  when: z
    .strictObject({
      severity: z.array(z.enum(SEVERITIES)).min(1).optional(),
      scenario: z.array(z.enum(SCENARIOS)).min(1).optional(),
    })
    .optional(),
  items: z.array(runbookItemFileSchema).min(1, 'must list at least one item').max(200),
});
export type RunbookFile = z.output<typeof runbookFileSchema>;

/** One step as the domain keeps it: what a checklist shows and stores. */
export interface RunbookItem {
  id: string;
  text: string;
  role?: (typeof ROLES)[number];
  dueAfterSeconds?: number;
  link?: string;
  warn?: string;
}

export interface Runbook {
  id: string;
  title: string;
  when: { severity?: readonly (typeof SEVERITIES)[number][]; scenario?: readonly (typeof SCENARIOS)[number][] };
  items: RunbookItem[];
}

/** The file's shape to the domain's: `due_after` becomes seconds. */
export function runbookFromFile(file: RunbookFile): Runbook {
  return {
    id: file.id,
    title: file.title,
    when: { ...file.when },
    items: file.items.map((item) => ({
      id: item.id,
      text: item.text,
      ...(item.role ? { role: item.role } : {}),
      ...(item.due_after ? { dueAfterSeconds: durationSeconds(item.due_after)! } : {}),
      ...(item.link ? { link: item.link } : {}),
      ...(item.warn ? { warn: item.warn } : {}),
    })),
  };
}

/** The index of the first item whose id repeats an earlier one, or -1. */
export function duplicateItemIndex(file: RunbookFile): number {
  const seen = new Set<string>();
  return file.items.findIndex((item) => (seen.has(item.id) ? true : (seen.add(item.id), false)));
}
