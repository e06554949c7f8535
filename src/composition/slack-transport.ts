import type { Config } from '../config.js';
import type { SlackTransport } from '../slack/app.js';

/** Real Slack, over HTTP or Socket Mode, from the config; undefined in local mode. */
export function slackTransport(config: Config): SlackTransport | undefined {
  if (config.slack.mode === 'http') {
    const { botToken, signingSecret, apiUrl } = config.slack;
    return { mode: 'http', botToken, signingSecret, apiUrl };
  }
  if (config.slack.mode === 'socket') {
    const { botToken, appToken, apiUrl } = config.slack;
    return { mode: 'socket', botToken, appToken, apiUrl };
  }
  return undefined;
}
