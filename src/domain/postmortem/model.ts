import type { AttachedRunbook } from '../runbooks/index.js';
import type { Incident } from '../incident.js';
import type { CadenceMinutes } from '../severity.js';
import type { ActionItem, Resolution, StatusUpdate, TimelineEvent } from '../timeline.js';

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const VARIANTS = ['internal', 'external'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Everything the draft is rendered from; all of it recorded in Postgres. */
export interface PostmortemInput {
  incident: Incident;
  /** In the order they were recorded. */
  timeline: TimelineEvent[];
  updates: StatusUpdate[];
  actionItems: ActionItem[];
  resolution: Resolution | null;
  /** Slack user id → display name, for the internal variant. */
  userNames: Record<string, string>;
  cadence: CadenceMinutes;
  /** The runbooks attached to the incident and where their items stand (the internal draft's "Response checklist"). */
  checklists?: AttachedRunbook[];
}

export interface RenderOptions {
  locale: Locale;
  variant: Variant;
  /** IANA zone for every time in the document, e.g. `Asia/Seoul`. */
  timeZone: string;
}
