import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import { apiRoutes } from '../http/api.js';
import { alertHookRoutes } from '../http/hooks/alert-hooks.js';
import { healthRoutes } from '../http/health.js';
import { insightsRoutes } from '../http/insights-api.js';
import { metricsRoute } from '../http/metrics-route.js';
import type { Metrics } from '../observability/metrics.js';
import type { HttpServer, Route, UpgradeRoute } from '../http/server.js';
import { guardSlackRequests } from '../http/slack-request-guard.js';
import type { SlackApp } from '../slack/app.js';
import { SLACK_REQUEST_PATH } from '../slack/capabilities.js';
import type { Services } from './services.js';

/** Health, the export API, the alert hooks, Slack's requests and, in local mode, the local workspace's routes (and its Socket Mode connections). */
export function mountRoutes(
  http: HttpServer,
  parts: {
    db: Db; services: Services; apiToken?: string; hooksToken?: string; clock: Clock; logger: Logger;
    metrics: Metrics; metricsToken?: string;
    slack: SlackApp; signingSecret?: string; bodyLimit: number; localRoutes?: Route[]; localUpgrade?: UpgradeRoute;
  },
): void {
  http.use(healthRoutes(parts.db));
  http.use(metricsRoute({ metrics: parts.metrics, token: parts.metricsToken }));
  http.use(apiRoutes({ postmortems: parts.services.postmortems, apiToken: parts.apiToken }));
  http.use(insightsRoutes({ insights: parts.services.insights, apiToken: parts.apiToken, now: () => parts.clock.now() }));
  http.use(alertHookRoutes({
    alerts: parts.services.alerts, token: parts.hooksToken, bodyLimit: parts.bodyLimit, now: () => parts.clock.now(), logger: parts.logger,
  }));
  const listener = parts.slack.requestListener;
  if (listener && parts.signingSecret) {
    const guarded = guardSlackRequests({
      signingSecret: parts.signingSecret,
      bodyLimit: parts.bodyLimit,
      observeAck: (kind, seconds) => parts.metrics.ackSeconds.observe({ kind }, seconds),
    }, listener);
    http.use(async (req, res, path) => {
      if (path !== SLACK_REQUEST_PATH) return false;
      await guarded(req, res);
      return true;
    });
  }
  for (const route of parts.localRoutes ?? []) http.use(route);
  if (parts.localUpgrade) http.useUpgrade(parts.localUpgrade);
}
