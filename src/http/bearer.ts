import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './respond.js';

/** Constant-time comparison of the bearer token (hashing first makes the lengths equal). */
export function tokenMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(match[1]!), digest(expected));
}

/** Answers 401 naming the setting to send, and says so, unless the request carries `token` as its bearer. */
export function refusedWithoutBearer(req: IncomingMessage, res: ServerResponse, token: string, setting: string): boolean {
  if (tokenMatches(req.headers.authorization, token)) return false;
  res.setHeader('www-authenticate', 'Bearer');
  sendJson(res, 401, { error: 'unauthorized', message: `Send Authorization: Bearer <${setting}>.` });
  return true;
}
