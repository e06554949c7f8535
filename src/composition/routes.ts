import type { Db } from '../db/client.js';
import { apiRoutes } from '../http/api.js';
import { healthRoutes } from '../http/health.js';
import type { HttpServer, Route } from '../http/server.js';
import type { SlackApp } from '../slack/app.js';
import { SLACK_REQUEST_PATH } from '../slack/capabilities.js';
import type { Services } from './services.js';

/** Health, the export API, Slack's requests and, in local mode, the local workspace's routes. */
export function mountRoutes(
  http: HttpServer,
  parts: { db: Db; services: Services; apiToken?: string; slack: SlackApp; localRoutes?: Route[] },
): void {
  http.use(healthRoutes(parts.db));
  http.use(apiRoutes({ postmortems: parts.services.postmortems, apiToken: parts.apiToken }));
  const listener = parts.slack.requestListener;
  if (listener) {
    http.use((req, res, path) => {
      if (path !== SLACK_REQUEST_PATH) return false;
      listener(req, res);
      return true;
    });
  }
  for (const route of parts.localRoutes ?? []) http.use(route);
}
