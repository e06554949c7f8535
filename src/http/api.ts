import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseIncidentRef } from '../domain/incident.js';
import { isLocale, isVariant, type PostmortemService } from '../services/postmortem-service.js';
import { refusedWithoutBearer } from './bearer.js';
import { sendJson, sendText } from './respond.js';
import type { Route } from './server.js';

const POSTMORTEM_PATH = /^\/api\/incidents\/([^/]+)\/postmortem\.md$/;

export interface ApiDeps {
  postmortems: Pick<PostmortemService, 'draft'>;
  /** config.apiToken; the API answers 503 while it is not configured. */
  apiToken: string | undefined;
}


/**
 * The export API: `GET /api/incidents/INC-42/postmortem.md?variant=external&locale=ko`, behind a
 * bearer token. Mounted before the local workspace, which owns the other `/api/*` paths.
 */
export function apiRoutes(deps: ApiDeps): Route {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    const match = POSTMORTEM_PATH.exec(path);
    if (!match) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { error: 'method_not_allowed', message: 'Use GET.' });
      return true;
    }
    if (!deps.apiToken) {
      sendJson(res, 503, { error: 'api_disabled', message: 'The export API is off: set API_TOKEN to enable it.' });
      return true;
    }
    if (refusedWithoutBearer(req, res, deps.apiToken, 'API_TOKEN')) return true;
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const variant = query.get('variant') ?? 'internal';
    const locale = query.get('locale') ?? undefined;
    if (!isVariant(variant)) {
      sendJson(res, 400, { error: 'bad_variant', message: `variant must be internal or external, not "${variant.slice(0, 40)}".` });
      return true;
    }
    if (locale !== undefined && !isLocale(locale)) {
      sendJson(res, 400, { error: 'bad_locale', message: `locale must be en or ko, not "${locale.slice(0, 40)}".` });
      return true;
    }
    const ref = safeDecode(match[1]!);
    const id = parseIncidentRef(ref);
    const draft = id === undefined ? undefined : await deps.postmortems.draft(id, { variant, locale });
    if (!draft) {
      sendJson(res, 404, { error: 'not_found', message: `There is no incident ${ref.slice(0, 40)}.` });
      return true;
    }
    if (draft.incident.isPrivate) {
      // The token names a machine, not a member: a private incident's draft stays in its channel.
      sendJson(res, 403, {
        error: 'private_incident',
        message: `${ref.slice(0, 40)} is private: its draft is in its channel (/incident postmortem), or run npm run postmortem on the server.`,
      });
      return true;
    }
    res.setHeader('content-disposition', `inline; filename="${draft.fileName}"`);
    sendText(res, 200, req.method === 'HEAD' ? '' : draft.markdown, 'text/markdown; charset=utf-8');
    return true;
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
