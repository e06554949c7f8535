import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import type { AlertBatch } from '../../domain/alerts/alert.js';
import type { Logger } from '../../logger.js';
import type { AlertService } from '../../services/alert-service.js';
import { refusedWithoutBearer } from '../bearer.js';
import { readLimited } from '../read-body.js';
import { sendJson } from '../respond.js';
import type { Route } from '../server.js';
import { alertmanagerBatch, alertmanagerPayloadSchema } from './alertmanager-payload.js';
import { incidentWebhookSchema, webhookBatch } from './incident-webhook-payload.js';

export const ALERTMANAGER_HOOK_PATH = '/hooks/alertmanager';
export const INCIDENT_HOOK_PATH = '/hooks/incident';

export interface AlertHookDeps {
  alerts: Pick<AlertService, 'receive'>;
  /** HOOKS_TOKEN; the hooks answer 503 while it is not set. */
  token: string | undefined;
  bodyLimit: number;
  now: () => DateTime;
  logger: Logger;
}

/** Each hook's body: its schema, and how it becomes a batch of alerts. */
const HOOKS: Record<string, (body: unknown, now: DateTime) => { batch: AlertBatch } | { problem: string }> = {
  [ALERTMANAGER_HOOK_PATH]: (body) => parsed(alertmanagerPayloadSchema, body, (p) => alertmanagerBatch(p)),
  [INCIDENT_HOOK_PATH]: (body, now) => parsed(incidentWebhookSchema, body, (p) => webhookBatch(p, now)),
};

function parsed<S extends z.ZodType>(schema: S, body: unknown, toBatch: (payload: z.output<S>) => AlertBatch) {
  const result = schema.safeParse(body);
  if (result.success) return { batch: toBatch(result.data) };
  return { problem: z.prettifyError(result.error).slice(0, 1000) };
}

/**
 * `POST /hooks/alertmanager` (Alertmanager's webhook, version 4) and `POST /hooks/incident` (the
 * generic shape in the README), behind the HOOKS_TOKEN bearer token. 200 once the alert is in
 * Postgres (what Slack must hear follows through the outbox); 503 when it could not be saved, so
 * the sender retries.
 */
export function alertHookRoutes(deps: AlertHookDeps): Route {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    const toBatch = Object.hasOwn(HOOKS, path) ? HOOKS[path] : undefined;
    if (!toBatch) return false;
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, { error: 'method_not_allowed', message: 'Send alerts with POST.' });
      return true;
    }
    if (!deps.token) {
      sendJson(res, 503, { error: 'hooks_disabled', message: 'Alert hooks are off: set HOOKS_TOKEN to enable them.' });
      return true;
    }
    if (refusedWithoutBearer(req, res, deps.token, 'HOOKS_TOKEN')) return true;
    const declared = Number(req.headers['content-length'] ?? NaN);
    const body = Number.isFinite(declared) && declared > deps.bodyLimit ? undefined : await readLimited(req, deps.bodyLimit);
    if (!body) {
      res.setHeader('connection', 'close');
      sendJson(res, 413, { error: 'payload_too_large', message: `Request bodies are limited to ${deps.bodyLimit} bytes.` });
      return true;
    }
    const json = parseJson(body);
    if (!json.ok) {
      sendJson(res, 400, { error: 'invalid_json', message: `The body is not JSON: ${json.reason}` });
      return true;
    }
    const converted = toBatch(json.value, deps.now());
    if ('problem' in converted) {
      sendJson(res, 400, { error: 'invalid_payload', message: converted.problem });
      return true;
    }
    try {
      sendJson(res, 200, await deps.alerts.receive(converted.batch));
    } catch (err) {
      deps.logger.error({ err, path, groupKey: converted.batch.groupKey }, 'an alert could not be saved');
      sendJson(res, 503, { error: 'not_saved', message: 'The alert could not be saved; send it again.' });
    }
    return true;
  };
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message.slice(0, 200) : 'unreadable' };
  }
}
