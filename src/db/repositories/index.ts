import { AlertRepository } from './alert-repository.js';
import { ActionItemRepository } from './action-item-repository.js';
import { AppliedRequestRepository } from './applied-request-repository.js';
import { ChannelPaceRepository } from './channel-pace-repository.js';
import { ChecklistNudgeRepository } from './checklist-nudge-repository.js';
import { HomeTabRepository } from './home-tab-repository.js';
import { OperatorRepository } from './operator-repository.js';
import { IncidentRepository } from './incident-repository.js';
import { InstallationRepository } from './installation-repository.js';
import { InsightsRepository } from './insights/insights-repository.js';
import { OpenIncidentRepository } from './open-incident-repository.js';
import { DigestRepository } from './insights/digest-repository.js';
import { OutboxRepository } from '../../outbox/outbox-repository.js';
import { PostmortemDraftRepository } from './postmortem-draft-repository.js';
import { ProcessedEventRepository } from './processed-event-repository.js';
import { ReminderRepository } from './reminder-repository.js';
import { RunbookRepository } from './runbook-repository.js';
import { SlackMessageRepository } from './slack-message-repository.js';
import { SlackUserRepository } from './slack-user-repository.js';
import { StatusUpdateRepository } from './status-update-repository.js';
import { TimelineRepository } from './timeline-repository.js';

export interface Repositories {
  incidents: IncidentRepository;
  timeline: TimelineRepository;
  updates: StatusUpdateRepository;
  outbox: OutboxRepository;
  messages: SlackMessageRepository;
  events: ProcessedEventRepository;
  actionItems: ActionItemRepository;
  reminders: ReminderRepository;
  slackUsers: SlackUserRepository;
  installation: InstallationRepository;
  appliedRequests: AppliedRequestRepository;
  alerts: AlertRepository;
  homeTabs: HomeTabRepository;
  operator: OperatorRepository;
  drafts: PostmortemDraftRepository;
  insights: InsightsRepository;
  channelPace: ChannelPaceRepository;
  openIncidents: OpenIncidentRepository;
  runbooks: RunbookRepository;
  digests: DigestRepository;
  checklistNudges: ChecklistNudgeRepository;
}

/** `requestId`: the request under way, stamped on the outbox rows it writes. */
export function createRepositories(requestId?: () => string | undefined): Repositories {
  const incidents = new IncidentRepository();
  return {
    incidents,
    timeline: new TimelineRepository(),
    updates: new StatusUpdateRepository(),
    outbox: new OutboxRepository(requestId),
    messages: new SlackMessageRepository(),
    events: new ProcessedEventRepository(),
    reminders: new ReminderRepository(),
    actionItems: new ActionItemRepository(),
    slackUsers: new SlackUserRepository(),
    installation: new InstallationRepository(),
    appliedRequests: new AppliedRequestRepository(),
    alerts: new AlertRepository(),
    homeTabs: new HomeTabRepository(),
    operator: new OperatorRepository(),
    drafts: new PostmortemDraftRepository(),
    insights: new InsightsRepository(),
    channelPace: new ChannelPaceRepository(),
    openIncidents: new OpenIncidentRepository(incidents),
    runbooks: new RunbookRepository(),
    digests: new DigestRepository(),
    checklistNudges: new ChecklistNudgeRepository(),
  };
}
