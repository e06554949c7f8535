import { ErrorCode } from '@slack/web-api';

export type Failure =
  | { type: 'rate_limited'; retryAfterSeconds: number; message: string }
  /** The call may or may not have reached Slack (timeout, dropped connection, 5xx). */
  | { type: 'transient'; message: string }
  /** Slack answered and will answer the same again (bad blocks, unknown channel…). */
  | { type: 'permanent'; error: string; message: string };

const TRANSIENT_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'team_added_to_org',
]);

export function classifySlackError(err: unknown): Failure {
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

/** 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(300, 2 ** Math.max(0, attempts - 1));
}
