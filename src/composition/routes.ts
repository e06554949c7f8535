import type { Db } from '../db/client.js';
import { apiRoutes } from '../http/api.js';
import { healthRoutes } from '../http/health.js';
import type { HttpServer, Route } from '../http/server.js';
import { guardSlackRequests } from '../http/slack-request-guard.js';
import type { SlackApp } from '../slack/app.js';
import { SLACK_REQUEST_PATH } from '../slack/capabilities.js';
import type { Services } from './services.js';

/** Health, the export API, Slack's requests and, in local mode, the local workspace's routes. */
export function mountRoutes(
  http: HttpServer,
  parts: { db: Db; services: Services; apiToken?: string; slack: SlackApp; signingSecret?: string; bodyLimit: number; localRoutes?: Route[] },
): void {
  http.use(healthRoutes(parts.db));
  http.use(apiRoutes({ postmortems: parts.services.postmortems, apiToken: parts.apiToken }));
  const listener = parts.slack.requestListener;
  if (listener && parts.signingSecret) {
    const guarded = guardSlackRequests({ signingSecret: parts.signingSecret, bodyLimit: parts.bodyLimit }, listener);
    http.use(async (req, res, path) => {
      if (path !== SLACK_REQUEST_PATH) return false;
      await guarded(req, res);
      return true;
    });
  }
  for (const route of parts.localRoutes ?? []) http.use(route);
}
