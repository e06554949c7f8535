import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { SpeedControl, Workspace } from 'local-slack-workspace';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Route, UpgradeRoute } from '../http/server.js';
import type { SlackTransport } from '../slack/app.js';
import { SLACK_REQUEST_PATH } from '../slack/capabilities.js';
import type { BotIdentity } from '../slack/identity.js';
import { LOCAL_BOT_TOKEN, localAppToken, localBotToken, localPage, localProfile } from './profile.js';

/** A workspace made by the caller (tests), with the signing secret it signs with. */
export interface GivenWorkspace {
  workspace: Workspace;
  signingSecret: string;
  /** The token it was made with; LOCAL_BOT_TOKEN when not given. */
  botToken?: string;
  /** The app-level token it was made with, for SLACK_MODE=socket. */
  appToken?: string;
}

export interface LocalWorkspace {
  workspace: Workspace;
  transport: SlackTransport;
  identity: BotIdentity;
  /** Its Web API, response URLs and uploads, then its page: mount after the app's own routes. */
  routes: Route[];
  /** Its Socket Mode connections (WebSocket upgrades). */
  upgrade: UpgradeRoute;
  /** Paths the workspace answers (its Web API, response URLs, uploads), kept while the app drains. */
  serves(path: string): boolean;
  /** Closes what this module made (not a given workspace). */
  close(): Promise<void>;
}

/**
 * Runs the app against the local Slack-compatible workspace, served by this same process. The
 * package is loaded here, by import(), only in local mode: a production build never loads it and
 * its image does not contain it.
 */
export async function connectLocalWorkspace(
  config: Config,
  url: string,
  clock: Clock,
  options: { given?: GivenWorkspace; drill?: SpeedControl } = {},
): Promise<LocalWorkspace> {
  const local = await import('local-slack-workspace').catch((err: unknown) => {
    throw new Error(
      'No Slack credentials are set, and this build has no local workspace to run against (production images leave it out). ' +
        'Set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN.',
      { cause: err },
    );
  });
  const signingSecret = options.given?.signingSecret ?? randomBytes(16).toString('hex');
  // A workspace made here accepts only this run's random token, in the Authorization header.
  const botToken = options.given ? (options.given.botToken ?? LOCAL_BOT_TOKEN) : localBotToken();
  // With PGlite the conversation is kept beside the database, so a restart keeps both.
  const persistPath = config.database.url ? undefined : join(config.database.pgliteDir, 'sandbox.json');
  const socket = config.slack.mode === 'sandbox' && config.slack.transport === 'socket';
  const appToken = socket ? givenAppToken(options.given) ?? localAppToken() : undefined;
  // Its log of Web API calls (up to 5,000, each with its blocks) is for tests; nothing on the page shows it.
  const workspace = options.given?.workspace
    ?? local.createWorkspace({ ...localProfile(config.incidentsChannel), signingSecret, botToken, appToken, clock, persistPath, limits: { callLog: 0 } });
  workspace.setBotRequestUrl(`${url}${SLACK_REQUEST_PATH}`);
  workspace.setPublicUrl(url);
  const page = local.sandboxWebRoutes({ workspace, clock, drill: options.drill, ...localPage(config.incidentsChannel) });
  const apiUrl = `${url}${local.WEB_API_PATH}`;
  return {
    workspace,
    transport: appToken ? { mode: 'socket', botToken, appToken, apiUrl } : { mode: 'http', botToken, signingSecret, apiUrl },
    identity: { botUserId: local.BOT_USER_ID, botId: local.BOT_ID },
    routes: [(req, res) => workspace.handle(req, res), page],
    upgrade: (req, socket, head) => workspace.handleUpgrade(req, socket, head),
    serves: (path) => path.startsWith('/workspace/'),
    close: async () => {
      if (!options.given) await workspace.close();
    },
  };
}

function givenAppToken(given: GivenWorkspace | undefined): string | undefined {
  if (given && !given.appToken) throw new Error('SLACK_MODE=socket: the given workspace needs the app-level token it was made with');
  return given?.appToken;
}
