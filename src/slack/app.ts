import type { RequestListener } from 'node:http';
import { cleanStrings } from '../domain/text.js';
import { HTTPReceiver, SocketModeReceiver, type App as BoltApp } from '@slack/bolt';
import { boltLogger, type Logger } from '../logger.js';
import { registerAlertButtons } from './actions/alert-buttons.js';
import { registerHomeButtons } from './actions/home-buttons.js';
import { registerFollowupButtons } from './actions/followup-buttons.js';
import { registerChecklistButtons } from './actions/checklist-buttons.js';
import { registerIncidentButtons } from './actions/incident-buttons.js';
import { registerResolveFormActions } from './actions/resolve-form.js';
import { registerReminderButtons } from './actions/reminder-buttons.js';
import { registerNoteButtons } from './actions/note-buttons.js';
import { registerTimelineActions } from './actions/timeline-actions.js';
import { SLASH_COMMAND, SLACK_REQUEST_PATH } from './capabilities.js';
import { incidentCommand } from './commands/incident/index.js';
import type { SlackDeps } from './deps.js';
import type { BotIdentity } from './identity.js';
import { registerAppHomeOpened } from './events/app-home-opened.js';
import { registerAppMention } from './events/app-mention.js';
import { registerConversationEvents } from './events/conversation.js';
import { registerAddToTimelineShortcut } from './shortcuts/add-to-timeline.js';
import { registerDeclareShortcut } from './shortcuts/declare.js';
import { ignoreUnknownShortcuts } from './shortcuts/unknown.js';
import { registerViewSubmissions } from './views/submissions.js';
import { EventsBeforeAckApp, httpEventErrorHandler, socketEventErrorHandler } from './events-before-ack.js';

export type SlackTransport =
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl?: string }
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string };

export interface SlackApp {
  app: BoltApp;
  /** For HTTP mode: mount on the app's server at SLACK_REQUEST_PATH. */
  requestListener?: RequestListener;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when every listener has finished, including work that goes on after its ack. */
  settled(): Promise<void>;
}

/** The Bolt app with every listener; HTTP (signed requests) or Socket Mode. */
export function createSlackApp(transport: SlackTransport, identity: BotIdentity, deps: SlackDeps, logger: Logger): SlackApp {
  const log = boltLogger(logger);
  const clientOptions = { slackApiUrl: transport.apiUrl, retryConfig: { retries: 0 } };
  const bot = { botId: identity.botId, botUserId: identity.botUserId };
  const events = { deadlineMs: deps.ackDeadlineMs, logger: logger.child({ component: 'events' }) };
  let app: BoltApp;
  let requestListener: RequestListener | undefined;
  if (transport.mode === 'http') {
    const receiver = new HTTPReceiver({
      signingSecret: transport.signingSecret,
      endpoints: SLACK_REQUEST_PATH,
      logger: log,
      processBeforeResponse: false,
      unhandledRequestTimeoutMillis: 3001,
      processEventErrorHandler: httpEventErrorHandler,
    });
    app = new EventsBeforeAckApp({ token: transport.botToken, ...bot, receiver, logger: log, clientOptions }, events);
    requestListener = receiver.requestListener;
  } else {
    // apps.connections.open is asked at the same Web API as every other call (SLACK_API_URL, or the local workspace).
    const receiver = new SocketModeReceiver({
      appToken: transport.appToken, logger: log, installerOptions: { clientOptions: { slackApiUrl: transport.apiUrl } }, processEventErrorHandler: socketEventErrorHandler,
    });
    app = new EventsBeforeAckApp({ token: transport.botToken, ...bot, receiver, logger: log, clientOptions }, events);
  }
  // Listeners still working after their ack (an outcome sent later) are waited for on shutdown.
  const working = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const run = next();
    working.add(run);
    try {
      await run;
    } finally {
      working.delete(run);
    }
  });
  // A Socket Mode envelope has no HTTP request around it: it gets its own id here.
  app.use(async ({ next }) => {
    const ids = deps.requestIds;
    if (!ids || ids.current()) return next();
    return ids.run(undefined, next);
  });
  // Text that Postgres or UTF-8 cannot keep (NUL, lone surrogates) is cleaned before any listener reads it.
  app.use(async ({ body, next }) => {
    cleanStrings(body);
    await next();
  });
  ignoreUnknownShortcuts(app, deps);
  app.command(SLASH_COMMAND, incidentCommand(deps));
  registerViewSubmissions(app, deps);
  registerIncidentButtons(app, deps);
  registerAlertButtons(app, deps);
  registerReminderButtons(app, deps);
  registerTimelineActions(app, deps);
  registerNoteButtons(app, deps);
  registerFollowupButtons(app, deps);
  registerChecklistButtons(app, deps);
  registerResolveFormActions(app, deps);
  registerDeclareShortcut(app, deps);
  registerAddToTimelineShortcut(app, deps);
  registerAppMention(app, deps);
  registerAppHomeOpened(app, deps);
  registerHomeButtons(app, deps);
  registerConversationEvents(app, deps);
  app.error((error) => {
    logger.error({ err: error }, 'unhandled error in a Slack listener');
    return Promise.resolve();
  });
  return {
    app,
    requestListener,
    start: async () => {
      if (transport.mode === 'socket') await app.start();
    },
    stop: async () => {
      if (transport.mode === 'socket') await app.stop();
    },
    settled: async () => {
      await Promise.allSettled([...working]);
    },
  };
}
