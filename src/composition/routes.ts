import type { Clock, DrillClock } from '../clock.js';
import type { Db } from '../db/client.js';
import { apiRoutes } from '../http/api.js';
import { healthRoutes } from '../http/health.js';
import type { HttpServer } from '../http/server.js';
import type { Workspace } from '../sandbox/index.js';
import { sandboxWebRoutes } from '../sandbox/web-routes.js';
import type { SlackApp } from '../slack/app.js';
import { SUBCOMMANDS } from '../slack/commands/incident/registry.js';
import { SLACK_REQUEST_PATH, SLASH_COMMAND } from '../slack/capabilities.js';
import type { Services } from './services.js';

/** Health, the export API, Slack's requests and, with no Slack credentials, the local workspace. */
export function mountRoutes(
  http: HttpServer,
  parts: { db: Db; services: Services; apiToken?: string; slack: SlackApp; workspace?: Workspace; clock: Clock; drill?: DrillClock },
): void {
  http.use(healthRoutes(parts.db));
  // Before the local workspace: it answers every other /api/* path as Slack's Web API.
  http.use(apiRoutes({ postmortems: parts.services.postmortems, apiToken: parts.apiToken }));
  const listener = parts.slack.requestListener;
  if (listener) {
    http.use((req, res, path) => {
      if (path !== SLACK_REQUEST_PATH) return false;
      listener(req, res);
      return true;
    });
  }
  const workspace = parts.workspace;
  if (workspace) {
    http.use((req, res) => workspace.handle(req, res));
    http.use(sandboxWebRoutes({ workspace, clock: parts.clock, drill: parts.drill, slashCommand: SLASH_COMMAND, commands: SUBCOMMANDS.map(({ syntax, does }) => ({ syntax, does })) }));
  }
}
