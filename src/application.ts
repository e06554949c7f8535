import { randomBytes } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { AcceleratedClock, systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { createRepositories, type Repositories } from './db/repositories/index.js';
import { DEFAULT_CADENCE, type CadenceMinutes } from './domain/severity.js';
import { healthRoutes } from './http/health.js';
import { HttpServer } from './http/server.js';
import { OutboxDispatcher } from './jobs/dispatch-outbox.js';
import { Scheduler } from './jobs/scheduler.js';
import { SlackPoster } from './jobs/slack-poster.js';
import { boltLogger, type Logger } from './logger.js';
import { createWorkspace, type Workspace } from './sandbox/index.js';
import { createSlackApp, type SlackApp, type SlackTransport } from './slack/app.js';
import { SLACK_REQUEST_PATH } from './slack/capabilities.js';
import { outboxRenderer } from './slack/render-outbox.js';
import { EventService } from './services/event-service.js';
import { IncidentService } from './services/incident-service.js';

export interface ApplicationOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Sandbox mode only: the workspace to use (made with SANDBOX_BOT_TOKEN); one is made when absent. */
  sandbox?: { workspace: Workspace; signingSecret: string };
  /** Deliver the outbox and tick jobs in the background (default); tests drive them by hand instead. */
  startScheduler?: boolean;
  host?: string;
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
  dispatcher: OutboxDispatcher;
  slack: SlackApp;
  workspace?: Workspace;
  stop(): Promise<void>;
}

export const SANDBOX_BOT_TOKEN = 'xoxb-local-sandbox';

/** The composition root: config → database (migrated under a lock) → services → Slack → jobs. */
export async function startApplication(options: ApplicationOptions): Promise<Application> {
  const { config, logger } = options;
  const clock = options.clock ?? (config.drillSpeed > 1 ? new AcceleratedClock(config.drillSpeed) : systemClock);
  const cadence: CadenceMinutes = { ...DEFAULT_CADENCE, ...config.cadenceOverrides };
  const background = options.startScheduler ?? true;

  const database = await openDatabase(config.database, logger);
  const { applied } = await migrate(database.db);
  logger.info({ applied, database: database.kind }, 'database migrations checked');
  const repos = createRepositories();

  const http = new HttpServer(logger);
  const port = await http.listen(config.port, options.host);
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;

  let workspace: Workspace | undefined;
  let transport: SlackTransport;
  if (config.slack.mode === 'sandbox') {
    const signingSecret = options.sandbox?.signingSecret ?? randomBytes(16).toString('hex');
    workspace = options.sandbox?.workspace ?? createWorkspace({ signingSecret, botToken: SANDBOX_BOT_TOKEN, clock });
    workspace.setBotRequestUrl(`${url}${SLACK_REQUEST_PATH}`);
    workspace.setPublicUrl(url);
    transport = { mode: 'http', botToken: SANDBOX_BOT_TOKEN, signingSecret, apiUrl: `${url}/api/` };
  } else {
    transport = config.slack.mode === 'http'
      ? { mode: 'http', botToken: config.slack.botToken, signingSecret: config.slack.signingSecret, apiUrl: config.slack.apiUrl }
      : { mode: 'socket', botToken: config.slack.botToken, appToken: config.slack.appToken, apiUrl: config.slack.apiUrl };
  }

  const deliveryClient = new WebClient(transport.botToken, {
    slackApiUrl: transport.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.deliveryTimeoutMs ?? 10_000,
    logger: boltLogger(logger.child({ component: 'delivery' })),
  });
  let dispatcher: OutboxDispatcher | undefined;
  const incidents = new IncidentService({
    db: database.db,
    repos,
    clock,
    cadence,
    logger,
    onOutboxWritten: () => {
      if (background) dispatcher?.kick();
    },
  });
  dispatcher = new OutboxDispatcher({
    db: database.db,
    repos,
    clock,
    poster: new SlackPoster(deliveryClient),
    renderer: outboxRenderer(cadence),
    incidentsChannel: config.incidentsChannel,
    logger: logger.child({ component: 'outbox' }),
  });
  const events = new EventService(database.db, repos.events, clock);
  const slack = createSlackApp(transport, { incidents, events, clock, cadence, logger }, logger);

  http.use(healthRoutes(database.db));
  if (slack.requestListener) {
    const listener = slack.requestListener;
    http.use((req, res, path) => {
      if (path !== SLACK_REQUEST_PATH) return false;
      listener(req, res);
      return true;
    });
  }
  if (workspace) {
    const sandbox = workspace;
    http.use((req, res) => sandbox.handle(req, res));
  }
  await slack.start();

  const scheduler = new Scheduler(logger);
  if (background) {
    scheduler.start([{ name: 'outbox', everySeconds: 5, run: () => dispatcher.kick() }]);
    dispatcher.kick();
  }

  return {
    url,
    port,
    clock,
    cadence,
    database,
    repos,
    incidents,
    dispatcher,
    slack,
    workspace,
    stop: async () => {
      await scheduler.stop();
      await slack.stop();
      await http.close();
      await dispatcher.drainSettled();
      await database.close();
    },
  };
}
