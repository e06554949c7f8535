import { createHmac } from 'node:crypto';
import type { WorkspaceClock as Clock } from './clock.js';
import type { BotResponse } from './types.js';

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`, exactly as Slack signs. */
export function signRequest(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  headers?: Record<string, string>;
  /** Slack gives up on an answer after this long (its 3 s); the caller then gets status 408 and no body. */
  timeoutMs?: number;
}

/** What a request Slack gave up on counts as: no answer. */
export const NO_ANSWER: BotResponse = { status: 408, body: '' };

/** Posts a signed request to the bot and returns its acknowledgement. */
export async function sendSigned(
  url: string | undefined,
  signingSecret: string,
  realClock: Clock,
  body: string,
  options: SendOptions,
): Promise<BotResponse> {
  return (await sendSignedAnswer(url, signingSecret, realClock, body, options)).response;
}

/** As sendSigned, with whether the app asked Slack not to retry (`X-Slack-No-Retry: 1`). */
export async function sendSignedAnswer(
  url: string | undefined,
  signingSecret: string,
  realClock: Clock,
  body: string,
  options: SendOptions,
): Promise<{ response: BotResponse; noRetry: boolean }> {
  if (!url) throw new Error('sandbox: no bot request URL; pass botRequestUrl or call setBotRequestUrl() first');
  const timestamp = Math.floor(realClock.now().toSeconds());
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': options.contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signRequest(signingSecret, timestamp, body),
        ...options.headers,
      },
      body,
      ...(options.timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(options.timeoutMs) }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { response: NO_ANSWER, noRetry: false };
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new Error(`sandbox: the bot is unreachable at ${url} (${cause})`, { cause: error });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { response: NO_ANSWER, noRetry: false };
    throw error;
  }
  const type = response.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (type.includes('json') || /^\s*[{[]/.test(text)) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { response: { status: response.status, body: parsed }, noRetry: response.headers.get('x-slack-no-retry') === '1' };
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
