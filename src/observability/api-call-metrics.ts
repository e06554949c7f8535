import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';

/** What a failed call was: `rate_limited`, the platform's error code, or `transport`. */
function outcomeOf(err: unknown): string {
  const e = err as { code?: unknown; data?: { error?: unknown } } | null;
  if (e?.code === 'slack_webapi_rate_limited_error') return 'rate_limited';
  if (typeof e?.data?.error === 'string') return e.data.error.slice(0, 60);
  return 'transport';
}

/**
 * Counts and times one Web API call and logs it at debug, so a delivery can be followed to the call
 * that made it (the request id rides on the log line).
 */
export async function observeApiCall<T>(metrics: Metrics, logger: Logger, method: string, call: () => Promise<T>): Promise<T> {
  const stop = metrics.apiSeconds.startTimer({ method });
  try {
    const result = await call();
    metrics.apiCalls.inc({ method, outcome: 'ok' });
    logger.debug({ method, outcome: 'ok' }, 'slack api call');
    return result;
  } catch (err) {
    const outcome = outcomeOf(err);
    metrics.apiCalls.inc({ method, outcome });
    if (outcome === 'rate_limited') metrics.rateLimited.inc({ method });
    logger.debug({ method, outcome }, 'slack api call');
    throw err;
  } finally {
    stop();
  }
}
