import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from '../observability/metrics.js';
import { refusedWithoutBearer } from './bearer.js';
import { sendJson, sendText } from './respond.js';
import type { Route } from './server.js';

export const METRICS_PATH = '/metrics';

/** Prometheus's text format at /metrics; open unless METRICS_TOKEN is set, then a bearer token. */
export function metricsRoute(deps: { metrics: Metrics; token: string | undefined }): Route {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (path !== METRICS_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { error: 'method_not_allowed', message: 'Use GET.' });
      return true;
    }
    if (deps.token && refusedWithoutBearer(req, res, deps.token, 'METRICS_TOKEN')) return true;
    const body = await deps.metrics.registry.metrics();
    sendText(res, 200, req.method === 'HEAD' ? '' : body, deps.metrics.registry.contentType);
    return true;
  };
}
