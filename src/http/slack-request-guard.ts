import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackRequestKind } from '../observability/metrics.js';
import { readLimited } from './read-body.js';
import { sendJson } from './respond.js';

export interface SlackGuardOptions {
  signingSecret: string;
  /** Largest body read, in bytes; larger ones are refused before they are read in full. */
  bodyLimit: number;
  /** Wall-clock milliseconds: Slack's timestamps are real time, whatever the app's clock says. */
  now?: () => number;
  /** Told how long each verified request took to be answered, by kind. */
  observeAck?: (kind: SlackRequestKind, seconds: number) => void;
}

/** Slack's window for a request timestamp, either side of now. */
const WINDOW_SECONDS = 5 * 60;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * What reaches Bolt on /slack/events has been checked here first: POST only, a body within the
 * limit, a timestamp within five minutes either way (Bolt refuses only stale ones), a valid
 * signature, and a body whose payload is a JSON object. Everything else gets a 4xx with a reason,
 * and Bolt never sees it. The body read here is handed to Bolt as `rawBody`, so it is read once.
 */
export function guardSlackRequests(options: SlackGuardOptions, listener: Listener) {
  const now = options.now ?? Date.now;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendJson(res, 405, { error: 'method_not_allowed', message: 'Slack sends POST requests here.' });
    }
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > options.bodyLimit) return tooLarge(res, options.bodyLimit);
    const body = await readLimited(req, options.bodyLimit);
    if (!body) return tooLarge(res, options.bodyLimit);

    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    if (!Number.isInteger(timestamp) || Math.abs(now() / 1000 - timestamp) > WINDOW_SECONDS) {
      return sendJson(res, 401, { error: 'invalid_timestamp', message: 'The request timestamp is missing or more than five minutes from now.' });
    }
    if (!validSignature(options.signingSecret, timestamp, body, header(req, 'x-slack-signature'))) {
      return sendJson(res, 401, { error: 'invalid_signature', message: 'The request signature does not match.' });
    }
    const problem = malformed(body, header(req, 'content-type'));
    if (problem) return sendJson(res, 400, { error: 'malformed_body', message: problem });

    Object.assign(req, { rawBody: body });
    if (options.observeAck) {
      const started = process.hrtime.bigint();
      const kind = requestKind(body, header(req, 'content-type'));
      res.once('finish', () => options.observeAck?.(kind, Number(process.hrtime.bigint() - started) / 1e9));
    }
    listener(req, res);
  };
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function tooLarge(res: ServerResponse, limit: number): void {
  res.setHeader('connection', 'close');
  sendJson(res, 413, { error: 'payload_too_large', message: `Request bodies are limited to ${limit} bytes.` });
}


function validSignature(secret: string, timestamp: number, body: Buffer, signature: string): boolean {
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

/** Why Bolt could not use this body, or undefined when it can. */
function malformed(body: Buffer, contentType: string): string | undefined {
  const text = body.toString('utf8');
  if (/^application\/json\b/i.test(contentType)) {
    return isObject(parseJson(text)) ? undefined : 'The JSON body is not an object.';
  }
  const payload = new URLSearchParams(text).get('payload');
  if (payload === null) return undefined;
  const parsed = parseJson(payload);
  if (!isObject(parsed)) return 'The payload field is not a JSON object.';
  // Bolt reads `user.id` of every interaction before any listener runs; without it, it throws.
  const user = (parsed as Record<string, unknown>)['user'];
  if (!isObject(user) || typeof (user as Record<string, unknown>)['id'] !== 'string') return 'The payload has no user.';
  return undefined;
}

/** What kind of Slack request a verified body is, for the acknowledgement-latency histogram. */
function requestKind(body: Buffer, contentType: string): SlackRequestKind {
  const text = body.toString('utf8');
  if (/^application\/json\b/i.test(contentType)) return 'event';
  const form = new URLSearchParams(text);
  if (form.has('command')) return 'command';
  const payload = parseJson(form.get('payload') ?? '') as { type?: unknown } | undefined;
  switch (payload?.type) {
    case 'block_actions':
      return 'action';
    case 'view_submission':
    case 'view_closed':
      return 'view';
    case 'shortcut':
    case 'message_action':
      return 'shortcut';
    case 'block_suggestion':
      return 'options';
    default:
      return 'other';
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
