import type { DateTime } from 'luxon';
import { AcceleratedClock, DrillClock, systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { mountRoutes } from './composition/routes.js';
import { createDeliveryClient, createServices, type Services } from './composition/services.js';
import { slackTransport } from './composition/slack-transport.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { createRepositories, type Repositories } from './db/repositories/index.js';
import { DEFAULT_CADENCE, type CadenceMinutes } from './domain/severity.js';
import { HttpServer } from './http/server.js';
import { Metrics } from './observability/metrics.js';
import { RequestContext } from './observability/request-context.js';
import { OperatorService } from './services/operator-service.js';
import type { OutboxDispatcher } from './outbox/dispatcher.js';
import { pruneOldRowsJob } from './jobs/prune-old-rows.js';
import type { DigestService } from './services/digest-service.js';
import { refreshInsightsFiguresJob } from './jobs/refresh-insights-figures.js';
import { sendInsightsDigestJob } from './jobs/send-insights-digest.js';
import { Scheduler } from './jobs/scheduler.js';
import { DueWaker } from './jobs/due-waker.js';
import { listenForDueTimes } from './composition/due-times.js';
import { sendDueFollowupsJob } from './jobs/send-due-followups.js';
import { sendDueNudgesJob } from './jobs/send-due-nudges.js';
import { loadRunbooks } from './composition/runbooks-dir.js';
import type { ChecklistService } from './services/checklist-service.js';
import type { ChecklistNudgeService } from './services/checklist-nudge-service.js';
import { sendDueRemindersJob } from './jobs/send-due-reminders.js';
import type { Logger } from './logger.js';
import { connectLocalWorkspace, type GivenWorkspace, type LocalWorkspace } from './local-workspace/connect.js';
import { createSlackApp, type SlackApp } from './slack/app.js';
import { fetchBotIdentity } from './slack/identity.js';
import type { FollowupService } from './services/followup-service.js';
import type { HomeService } from './services/home-service.js';
import type { IncidentService } from './services/incident-service.js';
import type { PostmortemService } from './services/postmortem-service.js';
import type { ReminderService } from './services/reminder-service.js';

export { LOCAL_BOT_TOKEN } from './local-workspace/profile.js';

export interface ApplicationOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Local mode only: the workspace to use (made with LOCAL_BOT_TOKEN); one is made when absent. */
  sandbox?: GivenWorkspace;
  /** Deliver the outbox and tick jobs in the background (default); tests drive them by hand instead. */
  startScheduler?: boolean;
  host?: string;
  /** The request ids the logger names (give the same one to createLogger); one is made when absent. */
  requestIds?: RequestContext;
  /** How long a Slack call may take before the outbox treats it as failed (default 10 s). */
  deliveryTimeoutMs?: number;
}

export interface Application {
  url: string;
  port: number;
  clock: Clock;
  cadence: CadenceMinutes;
  database: Database;
  repos: Repositories;
  incidents: IncidentService;
  postmortems: PostmortemService;
  dispatcher: OutboxDispatcher;
  /** Status-update reminders; `tick()` is what the scheduler runs every TICK_SECONDS. */
  reminders: ReminderService;
  /** Action items after the fact; `tick()` (due reminders to owners) runs on the same schedule. */
  followups: FollowupService;
  /** Attached runbooks and their checklists. */
  checklists: ChecklistService;
  /** The weekly insights digest; `queue(scheduledFor)` is what its schedule runs. */
  digests: DigestService;
  /** Checklist steps that fell due while open: one nudge each. */
  checklistNudges: ChecklistNudgeService;
  /** App Home: what each person's Home tab shows (`view`), published through the outbox. */
  homes: HomeService;
  slack: SlackApp;
  workspace?: LocalWorkspace['workspace'];
  stop(): Promise<void>;
}

/** The composition root: config → database (migrated under a lock) → services → Slack → jobs. */
export async function startApplication(options: ApplicationOptions): Promise<Application> {
  const { config, logger } = options;
  const clock = options.clock ?? defaultClock(config);
  const cadence: CadenceMinutes = { ...DEFAULT_CADENCE, ...config.cadenceOverrides };
  const background = options.startScheduler ?? true;
  // Before anything opens: a bad runbook file stops start-up naming its file and line.
  const runbooks = loadRunbooks(config.runbooksDir);

  const database = await openDatabase(config.database, logger);
  const { applied } = await migrate(database.db);
  logger.info({ applied, database: database.kind }, 'database migrations checked');
  const requestIds = options.requestIds ?? new RequestContext();
  const repos = createRepositories(() => requestIds.current());
  const operator = new OperatorService({ db: database.db, repos, clock });
  const metrics = new Metrics({ snapshot: () => operator.snapshot(), pool: () => database.poolStats() });

  const http = new HttpServer(logger, requestIds);
  const port = await http.listen(config.port, options.host);
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  const drill = clock instanceof DrillClock ? clock : undefined;
  const real = slackTransport(config);
  const local = real ? undefined : await connectLocalWorkspace(config, url, clock, { given: options.sandbox, drill });
  const transport = real ?? local!.transport;

  const deliveryClient = createDeliveryClient(transport.botToken, transport.apiUrl, options.deliveryTimeoutMs ?? 10_000, logger, metrics);
  const identity = local?.identity ?? (await fetchBotIdentity(deliveryClient));
  const installationId = await repos.installation.ensureId(database.db, clock.now());
  const services = createServices({
    config, db: database.db, repos, clock, cadence, logger, deliveryClient, botUserId: identity.botUserId, installationId, deliverAtOnce: background, metrics, requestIds,
    runbooks,
  });
  const { incidents, postmortems, events, conversation, reminders, followups, checklists, dispatcher, alerts, homes, timeline, zones, insights } = services;
  const { languages } = services;
  const slack = createSlackApp(transport, identity, {
    incidents, postmortems, events, conversation, reminders, followups, checklists, alerts, homes, timeline, zones, insights, requestIds, clock, cadence, logger, ackDeadlineMs: config.ackDeadlineMs,
    languages,
    timelineEmoji: config.timelineEmoji,
  }, logger);
  const signingSecret = transport.mode === 'http' ? transport.signingSecret : undefined;
  mountRoutes(http, {
    db: database.db, services, apiToken: config.apiToken, hooksToken: config.hooksToken, clock, logger, metrics, metricsToken: config.metricsToken, slack, signingSecret, bodyLimit: config.bodyLimitBytes,
    localRoutes: local?.routes, localUpgrade: local?.upgrade,
  });
  await slack.start();

  const scheduler = new Scheduler(logger);
  let stopWaking = async () => {};
  if (background) {
    startJobs(scheduler, services, config, logger, drill !== undefined, requestIds);
    if (drill === undefined && config.drillSpeed === 1) stopWaking = await wakeAtDueTimes(database, services, clock, config, logger, requestIds);
  }

  return {
    url, port, clock, cadence, database, repos, incidents, postmortems, dispatcher, reminders, followups, homes, checklists, digests: services.digests, checklistNudges: services.checklistNudges, slack, workspace: local?.workspace,
    stop: async () => {
      // Within SHUTDOWN_TIMEOUT: stop accepting, answer what is under way, stop claiming, hand
      // back the leases of sends still going, then close the pool.
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownTimeoutMs).unref());
      await scheduler.stop();
      await stopWaking();
      http.drain((path) => local?.serves(path) ?? false);
      await Promise.race([slack.settled(), deadline]);
      // A Socket Mode connection closes before the server: the server's close waits for it.
      await slack.stop();
      await http.close(deadline);
      await dispatcher.stop(deadline);
      await local?.close();
      // A connection still stuck in a query past the deadline must not hold the exit.
      await Promise.race([database.close(), deadline.then(() => new Promise((r) => setTimeout(r, 200).unref()))]);
    },
  };
}

/**
 * Reminders go out at their due time: a timer on the earliest, re-read on every NOTIFY (any
 * replica's change). The tick stays as the safety net, and is all there is when LISTEN fails.
 */
async function wakeAtDueTimes(database: Database, services: Services, clock: Clock, config: Config, logger: Logger, requestIds: RequestContext) {
  const waker = new DueWaker({
    clock,
    nextDueAt: () => earliestOf(services.reminders.nextDueAt(), services.checklistNudges.nextDueAt()),
    run: () => requestIds.run(RequestContext.newId('job-due'), async () => {
      await services.reminders.tick();
      await services.checklistNudges.tick();
    }),
    maxSleepMs: config.tickSeconds * 1000,
    logger: logger.child({ component: 'due-waker' }),
  });
  const listener = await listenForDueTimes(database, () => waker.changed(), logger);
  waker.start();
  return async () => {
    waker.stop();
    await listener?.close().catch(() => undefined);
  };
}

/** The earlier of two pending due times (reminders, checklist steps). */
async function earliestOf(...pending: Promise<DateTime | undefined>[]): Promise<DateTime | undefined> {
  const times = (await Promise.all(pending)).filter((at): at is DateTime => at !== undefined);
  return times.reduce<DateTime | undefined>((min, at) => (!min || at < min ? at : min), undefined);
}

/** In the local workspace the drill clock's speed can change on the page; elsewhere DRILL_SPEED fixes it. */
function defaultClock(config: Config): Clock {
  if (config.slack.mode === 'sandbox') return new DrillClock(config.drillSpeed);
  return config.drillSpeed > 1 ? new AcceleratedClock(config.drillSpeed) : systemClock;
}

function startJobs(scheduler: Scheduler, services: Services, config: Config, logger: Logger, drillable: boolean, requestIds: RequestContext): void {
  // A drill runs the clock faster, so reminders are looked for more often to stay on time.
  const tickSeconds = drillable ? 1 : Math.max(1, Math.round(config.tickSeconds / config.drillSpeed));
  const jobs = [
    { name: 'outbox', everySeconds: 5, run: () => services.dispatcher.kick() },
    sendDueRemindersJob(services.reminders, { everySeconds: tickSeconds, logger }),
    sendDueFollowupsJob(services.followups, { everySeconds: tickSeconds, logger }),
    sendDueNudgesJob(services.checklistNudges, { everySeconds: tickSeconds, logger }),
    pruneOldRowsJob(services.retention, logger),
    refreshInsightsFiguresJob(services.insights, logger),
    ...(config.insightsDigest
      ? [sendInsightsDigestJob(services.digests, { cron: config.insightsDigest, timeZone: config.exportTimeZone, clock: services.clock, logger })]
      : []),
  ];
  // Each run is a request of its own: its log lines and the outbox rows it writes share an id.
  scheduler.start(jobs.map((job) => ({ ...job, run: () => requestIds.run(RequestContext.newId(`job-${job.name}`), () => job.run()) })));
  services.dispatcher.kick();
}
