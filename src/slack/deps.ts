import type { Clock } from '../clock.js';
import type { CadenceMinutes } from '../domain/severity.js';
import type { Logger } from '../logger.js';
import type { RequestContext } from '../observability/request-context.js';
import type { AlertService } from '../services/alert-service.js';
import type { ConversationService } from '../services/conversation-service.js';
import type { EventService } from '../services/event-service.js';
import type { HomeService } from '../services/home-service.js';
import type { FollowupService } from '../services/followup-service.js';
import type { ChecklistService } from '../services/checklist-service.js';
import type { IncidentService } from '../services/incident-service.js';
import type { InsightsService } from '../services/insights-service.js';
import type { PostmortemService } from '../services/postmortem-service.js';
import type { ReminderService } from '../services/reminder-service.js';
import type { TimelineService } from '../services/timeline-service.js';
import type { UserZones } from '../services/user-zones.js';
import type { ReaderLanguages } from '../services/reader-languages.js';

/** What the Slack surface may use: services, never repositories. */
export interface SlackDeps {
  incidents: IncidentService;
  postmortems: PostmortemService;
  events: EventService;
  /** Messages put on the timeline (reactions, the message shortcut, edits, deletions). */
  conversation: ConversationService;
  /** The reaction that puts a message on the timeline, without colons (`pushpin`). */
  timelineEmoji: string;
  timeline: TimelineService;
  /** People's zones (cached, else users.info): for times typed in commands and dates picked in forms. */
  zones: UserZones;
  /** Who reads in which language: a person's own views in theirs, channel messages in BOT_LOCALE. */
  languages: ReaderLanguages;
  /** Status-update reminders (snooze); absent only in tests that build the Slack app alone. */
  reminders?: ReminderService;
  /** Alerts in (the Declare button on a posted alert); absent only in tests that build the Slack app alone. */
  alerts?: AlertService;
  /** Figures across incidents (`/incident insights`, App Home); absent only in tests that build the Slack app alone. */
  insights?: InsightsService;
  /** App Home (app_home_opened); absent only in tests that build the Slack app alone. */
  homes?: HomeService;
  /** Socket Mode envelopes get a request id here (HTTP requests have one from the server). */
  requestIds?: RequestContext;
  /** Action items: the follow-up list, [Done]. */
  followups: FollowupService;
  /** Attached runbooks' checklists: Done, Skip, Undo, Assign, tasks. */
  checklists: ChecklistService;
  clock: Clock;
  cadence: CadenceMinutes;
  /** How long a request's work may run before Slack is answered "in progress" (shorter than its 3 s). */
  ackDeadlineMs: number;
  logger: Logger;
}
