import { fileURLToPath } from 'node:url';
import { SteppedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { LOCAL_BOT_TOKEN, startApplication, type Application } from '../../src/application.js';
import { createWorkspace, type Workspace, type WorkspaceOptions } from 'local-slack-workspace';
import { localProfile } from '../../src/local-workspace/profile.js';
import type { RequestContext } from '../../src/observability/request-context.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: Application;
  ws: Workspace;
  clock: SteppedClock;
  database: TestDatabase;
  /** Delivers the outbox as the scheduler would. */
  deliver(): Promise<number>;
  stop(): Promise<void>;
}

export const START = '2026-11-25T03:00:00Z';

/** Tests of other features run without runbooks (no checklist messages in their channels); runbook tests set RUNBOOKS_DIR. */
export const NO_RUNBOOKS = fileURLToPath(new URL('../fixtures/runbooks/none', import.meta.url));
export const SHIPPED_RUNBOOKS = fileURLToPath(new URL('../../runbooks', import.meta.url));

/** How the workspace reaches the app: signed HTTP requests, or envelopes over Socket Mode (SLACK_MODE). */
export type SlackMode = 'http' | 'socket';
const APP_TOKEN = 'xapp-1-local-test';

/** The whole app on a fresh Postgres database, driven through the local workspace, on a stepped clock. */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    clock?: SteppedClock;
    database?: TestDatabase;
    workspace?: Partial<WorkspaceOptions>;
    /** Reuse a workspace, e.g. to restart the app against the same Slack. */
    ws?: Workspace;
    deliveryTimeoutMs?: number;
    /** The app's logger; by default one at TEST_LOG_LEVEL (silent). See `captureLogs` in log-capture.ts. */
    logger?: Logger;
    /** The request ids the logger names (see captureLogs). */
    requestIds?: RequestContext;
    /** Default http; socket gives the workspace an app-level token and the app SLACK_MODE=socket. */
    slackMode?: SlackMode;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const clock = options.clock ?? new SteppedClock(START);
  const signingSecret = 'test-signing-secret';
  const socket = options.slackMode === 'socket';
  const appToken = socket ? APP_TOKEN : undefined;
  const ws = options.ws ?? createWorkspace({ ...localProfile('incidents'), signingSecret, botToken: LOCAL_BOT_TOKEN, appToken, clock, ...options.workspace });
  // Bob and Carol are on the responders list (they may act on any incident); Dave is nobody's.
  const config = loadConfig({
    DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent', RESPONDERS: 'U_BOB,U_CAROL', SLACK_MODE: options.slackMode ?? 'http',
    RUNBOOKS_DIR: NO_RUNBOOKS, ...options.env,
  });
  const app = await startApplication({
    config,
    logger: options.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    clock,
    sandbox: { workspace: ws, signingSecret, appToken },
    startScheduler: false,
    deliveryTimeoutMs: options.deliveryTimeoutMs,
    requestIds: options.requestIds,
  });
  return {
    app,
    ws,
    clock,
    database,
    deliver: () => app.dispatcher.drain(),
    stop: async () => {
      await app.stop();
      if (!options.database) await database.drop();
    },
  };
}
