import type { ChecklistItem } from './runbooks/index.js';
import type { DateTime } from 'luxon';
import type { Incident } from './incident.js';
import type { InsightsReport } from './insights/figures.js';
import type { ActionItem } from './timeline.js';

/** What one person's App Home shows, as of `now`. */
export interface HomeData {
  userId: string;
  now: DateTime;
  /** Open incidents they may see, the most severe first; `moreOpen` beyond those shown. */
  open: Incident[];
  moreOpen: number;
  /** The count stopped at a bound: there may be more than `moreOpen`. */
  moreOpenCapped?: boolean;
  /** Open incidents where they hold a role, the most severe first; `moreMine` beyond those shown. */
  mine: Incident[];
  moreMine?: number;
  /** The count stopped at a bound: there may be more than `moreMine`. */
  moreMineCapped?: boolean;
  followUps: Array<{ item: ActionItem; incident: Incident | undefined }>;
  /** Open checklist items assigned to them, in open incidents they may see. */
  checklistItems?: Array<{ incident: Incident; runbookTitle: string; item: ChecklistItem }>;
  recentlyResolved: Incident[];
  /** The last 28 days across incidents, when insights are available. */
  insights?: InsightsReport;
}
