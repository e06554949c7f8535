import { WebClient, type WebAPICallResult } from '@slack/web-api';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import type { CadenceMinutes } from '../domain/severity.js';
import { boltLogger, type Logger } from '../logger.js';
import { OutboxDispatcher } from '../outbox/dispatcher.js';
import { WorkPermits } from '../outbox/work-permits.js';
import { Access } from '../services/access.js';
import { AlertService } from '../services/alert-service.js';
import { ConversationService } from '../services/conversation-service.js';
import { DeliveryService } from '../services/delivery-service.js';
import { EventService } from '../services/event-service.js';
import { HomeService } from '../services/home-service.js';
import { observeApiCall } from '../observability/api-call-metrics.js';
import type { Metrics } from '../observability/metrics.js';
import type { RequestContext } from '../observability/request-context.js';
import { FollowupService } from '../services/followup-service.js';
import { IncidentService } from '../services/incident-service.js';
import { PostmortemService } from '../services/postmortem-service.js';
import { ReminderService } from '../services/reminder-service.js';
import { RetentionService } from '../services/retention-service.js';
import { TimelineService } from '../services/timeline-service.js';
import { UserZones } from '../services/user-zones.js';
import { ReaderLanguages } from '../services/reader-languages.js';
import { textsFor } from '../domain/texts/index.js';
import { SlackActorDirectory } from '../slack/delivery/actor-directory.js';
import { IntentDelivery } from '../slack/delivery/deliver-intent.js';
import { FollowupReminder } from '../slack/delivery/followup-reminder.js';
import { PostmortemPublisher } from '../slack/delivery/postmortem-publisher.js';
import { outboxRenderer } from '../slack/delivery/renderer.js';
import { classifySlackError } from '../slack/delivery/slack-errors.js';
import { SlackFileUploader } from '../slack/delivery/slack-file-uploader.js';
import { SlackMessageReader } from '../slack/delivery/slack-message-reader.js';
import { ChannelPacer, SLACK_PACING, type PaceBook } from '../slack/delivery/channel-pacer.js';
import { SlackPoster } from '../slack/delivery/slack-poster.js';
import { SlackUserDirectory } from '../slack/delivery/slack-user-directory.js';
import { loadAlertRules } from './alert-rules-file.js';
import { InsightsService } from '../services/insights-service.js';
import { observePhasesOnResolution } from './phase-histogram.js';
import type { Runbook } from '../domain/runbooks/index.js';
import { ChecklistService } from '../services/checklist-service.js';
import { DigestService } from '../services/digest-service.js';
import { DigestPublisher } from '../slack/delivery/insights-digest-publisher.js';
import { VegaChartRenderer } from '../charts/vega-chart-renderer.js';
import { ChecklistNudgeService } from '../services/checklist-nudge-service.js';

export interface Services {
  incidents: IncidentService;
  postmortems: PostmortemService;
  reminders: ReminderService;
  followups: FollowupService;
  checklists: ChecklistService;
  checklistNudges: ChecklistNudgeService;
  events: EventService;
  conversation: ConversationService;
  dispatcher: OutboxDispatcher;
  retention: RetentionService;
  alerts: AlertService;
  homes: HomeService;
  timeline: TimelineService;
  zones: UserZones;
  languages: ReaderLanguages;
  insights: InsightsService;
  digests: DigestService;
  clock: Clock;
}

export interface ServicesInput {
  config: Config;
  db: Db;
  repos: Repositories;
  clock: Clock;
  cadence: CadenceMinutes;
  logger: Logger;
  deliveryClient: WebClient;
  /** The bot's own user id, learned once at start-up. */
  botUserId: string;
  /** This installation's id (see the installation table), read once at start-up. */
  installationId: string;
  metrics: Metrics;
  requestIds: RequestContext;
  /** Start delivering as soon as a change commits (off in tests that drive the outbox by hand). */
  deliverAtOnce: boolean;
  /** The runbook files, read once at start-up (src/composition/runbooks-dir.ts). */
  runbooks: readonly Runbook[];
}

/** Every method of a WebClient goes through apiCall (bound at construction, hence a subclass): each call is counted and timed. */
class InstrumentedWebClient extends WebClient {
  constructor(private readonly metrics: Metrics, private readonly callLogger: Logger, ...args: ConstructorParameters<typeof WebClient>) {
    super(...args);
  }

  override apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    return observeApiCall(this.metrics, this.callLogger, method, () => super.apiCall(method, options));
  }
}

/** The client that delivers the outbox: no hidden retries, 429s surface to the dispatcher. */
export function createDeliveryClient(botToken: string, apiUrl: string | undefined, timeoutMs: number, logger: Logger, metrics: Metrics): WebClient {
  const client = new InstrumentedWebClient(metrics, logger.child({ component: 'slack-api' }), botToken, {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
    logger: boltLogger(logger.child({ component: 'delivery' })),
  });
  return client;
}

export function createServices(input: ServicesInput): Services {
  const { config, db, repos, clock, cadence, logger, deliveryClient } = input;
  const { runbooks } = input;
  const deliver = () => {
    if (input.deliverAtOnce) dispatcher.kick();
  };
  const access = new Access(
    { leadActions: new Set(config.access.leadActions) },
    new SlackActorDirectory(deliveryClient, config.access.responders, logger.child({ component: 'access' })),
  );
  const insights = new InsightsService({ db, repos, clock, timeZone: config.exportTimeZone, parallelReads: config.database.url !== undefined });
  const digests = new DigestService({ db, repos, clock, insights, onOutboxWritten: deliver });
  const onResolved = observePhasesOnResolution({ insights, metrics: input.metrics, logger });
  const channelTexts = textsFor(config.botLocale);
  const incidents = new IncidentService({ db, repos, clock, cadence, logger, access, runbooks, channelTexts, onOutboxWritten: deliver, onResolved });
  const postmortems = new PostmortemService({
    db, repos, clock, access, cadence, timeZone: config.exportTimeZone, defaultLocale: config.postmortemLocale, onOutboxWritten: deliver,
  });
  const { metrics } = input;
  const reminders = new ReminderService({
    db, repos, clock, cadence, access, logger: logger.child({ component: 'reminders' }), onOutboxWritten: deliver,
    onReminderQueued: (stage, lateness) => {
      metrics.remindersPosted.inc({ stage: String(stage) });
      metrics.reminderLateness.observe(lateness);
    },
  });
  const checklists = new ChecklistService({ db, repos, clock, access, runbooks, onOutboxWritten: deliver });
  const checklistNudges = new ChecklistNudgeService({ db, repos, clock, onOutboxWritten: deliver });
  const followups = new FollowupService({ db, repos, clock, timeZone: config.exportTimeZone, onOutboxWritten: deliver });
  const delivery = new DeliveryService({ db, repos, clock, onOutboxWritten: deliver });
  const homes = new HomeService({ db, repos, clock, access, insights, onOutboxWritten: deliver });
  const timeline = new TimelineService({ db, repos, clock, access, onOutboxWritten: deliver });
  const zones = new UserZones({
    db, repos, lookUp: new SlackUserDirectory({ users: delivery, clock, client: deliveryClient, logger: logger.child({ component: 'user-zones' }) }),
  });
  const languages = new ReaderLanguages({
    db, repos, botLocale: config.botLocale,
    lookUp: new SlackUserDirectory({ users: delivery, clock, client: deliveryClient, logger: logger.child({ component: 'user-languages' }) }),
  });
  // Deliveries work on at most all but four of the pool's connections: the claim, the settle and
  // two for people's requests stay free however many deliveries a storm brings.
  const permits = new WorkPermits(Math.max(2, config.database.poolSize - 4));
  // One pace per channel for every replica: the turns are kept in Postgres (channel_pace).
  const paceBook: PaceBook = {
    reserve: (method, channel, intervalMs, maxWaitMs) => repos.channelPace.reserve(db, method, channel, intervalMs, maxWaitMs),
    heldFor: (method, channel) => repos.channelPace.heldFor(db, method, channel),
    hold: (method, channel, ms) => repos.channelPace.hold(db, method, channel, ms),
  };
  const pacer = new ChannelPacer({ ...SLACK_PACING, postIntervalMs: config.slackPostIntervalMs }, undefined, permits, paceBook);
  const poster = new SlackPoster(deliveryClient, input.botUserId, input.installationId, pacer, clock);
  const intents = new IntentDelivery({
    delivery,
    postmortems: new PostmortemPublisher({
      delivery, drafts: postmortems, uploader: new SlackFileUploader(deliveryClient), poster,
      users: new SlackUserDirectory({ users: delivery, clock, client: deliveryClient, logger: logger.child({ component: 'slack-users' }) }),
      texts: languages.channel,
    }),
    followups: new FollowupReminder({ delivery, poster, languages }),
    poster,
    messages: new SlackMessageReader(deliveryClient),
    renderer: outboxRenderer(cadence, languages.channel),
    incidentsChannel: config.incidentsChannel,
    remindersIn: config.remindersIn,
    homes,
    languages,
    digests: new DigestPublisher({ digests, poster, uploader: new SlackFileUploader(deliveryClient), charts: new VegaChartRenderer(), texts: languages.channel }),
  });
  const dispatcher = new OutboxDispatcher({
    db, outbox: repos.outbox, clock, deliver: intents.deliver, classify: classifySlackError, logger: logger.child({ component: 'outbox' }),
    runAs: (requestId, work) => input.requestIds.run(requestId, work),
    onStopping: () => pacer.close(),
    permits,
  });
  const events = new EventService(db, repos.events, clock);
  const conversation = new ConversationService({ db, repos, clock, access, onOutboxWritten: deliver });
  const retention = new RetentionService({ db, repos, clock, retentionDays: config.retentionDays });
  const alerts = new AlertService({
    db, repos, clock, cadence, rules: loadAlertRules(config.alertRulesFile, new Set(runbooks.map((r) => r.id))), botUserId: input.botUserId, runbooks, channelTexts, onOutboxWritten: deliver,
  });
  return {
    incidents, postmortems, reminders, followups, checklists, checklistNudges, events, conversation, dispatcher, retention, alerts, homes, timeline, zones, insights, digests, clock,
    languages,
  };
}
