import { ErrorCode } from '@slack/web-api';

import type { DeliveryFailure } from '../../outbox/failure.js';

const TRANSIENT_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'team_added_to_org',
]);

/** What a Web API error means for delivery: only Slack's own server-side errors are worth retrying. */
export function classifySlackError(err: unknown): DeliveryFailure {
  const e = err as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; message?: string };
  const message = e?.message ?? String(err);
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return { type: 'rate_limited', retryAfterSeconds: Math.max(1, e.retryAfter ?? 1), message };
    case ErrorCode.HTTPError:
      return e.statusCode === 429
        ? { type: 'rate_limited', retryAfterSeconds: 1, message }
        : { type: 'transient', message };
    case ErrorCode.RequestError:
      return { type: 'transient', message };
    case ErrorCode.PlatformError: {
      const error = e.data?.error ?? 'unknown_error';
      return TRANSIENT_PLATFORM_ERRORS.has(error) ? { type: 'transient', message } : { type: 'permanent', error, message };
    }
    default:
      return { type: 'transient', message };
  }
}

export function platformError(err: unknown): string | undefined {
  const e = err as { code?: string; data?: { error?: string } };
  return e?.code === ErrorCode.PlatformError ? e.data?.error : undefined;
}
