import type { IncomingMessage, ServerResponse } from 'node:http';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { migrationHashes, migrationsApplied } from '../db/migrate.js';
import { sendJson } from './respond.js';

/** /health/live: the process answers. /health/ready: the database answers and is migrated. */
export function healthRoutes(db: Db) {
  // Read once: a readiness probe every few seconds should not re-read and re-hash the SQL files.
  const expected = migrationHashes();
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (path === '/health/live') {
      sendJson(res, 200, { status: 'ok' });
      return true;
    }
    if (path === '/health/ready') {
      try {
        await db.execute(sql`select 1`);
        if (!(await migrationsApplied(db, expected))) {
          sendJson(res, 503, { status: 'unavailable', reason: 'database migrations are not applied' });
          return true;
        }
        sendJson(res, 200, { status: 'ready' });
      } catch {
        sendJson(res, 503, { status: 'unavailable', reason: 'database unreachable' });
      }
      return true;
    }
    return false;
  };
}
