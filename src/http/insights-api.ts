import type { IncomingMessage, ServerResponse } from 'node:http';
import { DateTime } from 'luxon';
import { DomainError } from '../domain/errors.js';
import { insightsCsv, insightsJson } from '../domain/insights/export.js';
import type { Period } from '../domain/insights/period.js';
import { PUBLIC_READER, type InsightsService } from '../services/insights-service.js';
import { refusedWithoutBearer } from './bearer.js';
import { sendJson, sendText } from './respond.js';
import type { Route } from './server.js';

export interface InsightsApiDeps {
  insights: Pick<InsightsService, 'report' | 'incidents'>;
  apiToken: string | undefined;
  now: () => DateTime;
}

const DEFAULT_DAYS = 28;

/**
 * `GET /api/insights?from=&to=` (JSON) and `GET /api/insights.csv?from=&to=` (one row per
 * incident), behind API_TOKEN. The token names a machine, not a member: private incidents count,
 * but their titles stay out.
 */
export function insightsRoutes(deps: InsightsApiDeps): Route {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (path !== '/api/insights' && path !== '/api/insights.csv') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { error: 'method_not_allowed', message: 'Use GET.' });
      return true;
    }
    if (!deps.apiToken) {
      sendJson(res, 503, { error: 'api_disabled', message: 'The insights API is off: set API_TOKEN to enable it.' });
      return true;
    }
    if (refusedWithoutBearer(req, res, deps.apiToken, 'API_TOKEN')) return true;
    const period = periodOf(new URL(req.url ?? '/', 'http://localhost').searchParams, deps.now());
    if ('error' in period) {
      sendJson(res, 400, { error: 'bad_period', message: period.error });
      return true;
    }
    try {
      if (path === '/api/insights') {
        sendJson(res, 200, insightsJson(await deps.insights.report(period, PUBLIC_READER)));
      } else {
        const csv = insightsCsv(await deps.insights.incidents(period), (i) => PUBLIC_READER.mayRead(i));
        res.setHeader('content-disposition', `attachment; filename="insights-${period.from.toISODate()}-${period.to.toISODate()}.csv"`);
        sendText(res, 200, req.method === 'HEAD' ? '' : csv, 'text/csv; charset=utf-8');
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      sendJson(res, 400, { error: 'bad_period', message: error.message });
    }
    return true;
  };
}

/** `from` and `to` as ISO 8601 (a date or a time; UTC unless it says otherwise); by default the last 28 days. */
export function periodOf(query: URLSearchParams, now: DateTime): Period | { error: string } {
  const read = (name: string): DateTime | { error: string } | undefined => {
    const text = query.get(name);
    if (text === null || text === '') return undefined;
    const at = DateTime.fromISO(text, { zone: 'utc', setZone: true });
    return at.isValid ? at.toUTC() : { error: `${name} must be an ISO 8601 time such as 2026-03-01T00:00:00Z, not "${text.slice(0, 40)}".` };
  };
  const to = read('to') ?? now;
  if ('error' in to) return to;
  const from = read('from') ?? to.minus({ days: DEFAULT_DAYS });
  if ('error' in from) return from;
  if (to.toMillis() <= from.toMillis()) return { error: 'to must be later than from.' };
  return { from, to };
}
