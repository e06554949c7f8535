import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { createWorkspace, type Workspace } from '../sandbox/index.js';
import type { SlackTransport } from '../slack/app.js';
import { SLACK_REQUEST_PATH } from '../slack/capabilities.js';

export const SANDBOX_BOT_TOKEN = 'xoxb-local-sandbox';

export interface SandboxOption {
  workspace: Workspace;
  signingSecret: string;
}

/**
 * Real Slack (HTTP or Socket Mode) from the config; with no credentials, the local workspace
 * served by this same process, which the Bolt app reaches through `SLACK_API_URL`-style routing.
 */
export function slackTransport(
  config: Config,
  url: string,
  clock: Clock,
  sandbox?: SandboxOption,
): { transport: SlackTransport; workspace?: Workspace } {
  if (config.slack.mode === 'http') {
    const { botToken, signingSecret, apiUrl } = config.slack;
    return { transport: { mode: 'http', botToken, signingSecret, apiUrl } };
  }
  if (config.slack.mode === 'socket') {
    const { botToken, appToken, apiUrl } = config.slack;
    return { transport: { mode: 'socket', botToken, appToken, apiUrl } };
  }
  const signingSecret = sandbox?.signingSecret ?? randomBytes(16).toString('hex');
  // With PGlite the conversation is kept beside the database, so a restart keeps both.
  const persistPath = config.database.url ? undefined : join(config.database.pgliteDir, 'sandbox.json');
  const workspace = sandbox?.workspace ?? createWorkspace({ signingSecret, botToken: SANDBOX_BOT_TOKEN, clock, persistPath });
  workspace.setBotRequestUrl(`${url}${SLACK_REQUEST_PATH}`);
  workspace.setPublicUrl(url);
  return { transport: { mode: 'http', botToken: SANDBOX_BOT_TOKEN, signingSecret, apiUrl: `${url}/api/` }, workspace };
}
