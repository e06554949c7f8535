import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import { sendJson } from './respond.js';

/** A route answers true when it handled the request. */
export type Route = (req: IncomingMessage, res: ServerResponse, path: string) => boolean | Promise<boolean>;

/**
 * The app's one HTTP server: Slack requests, health, the export API and the local workspace.
 * Routes are added after listening, because the workspace needs the port before the Slack app exists.
 */
export class HttpServer {
  private readonly routes: Route[] = [];
  readonly server: Server;

  constructor(private readonly logger: Logger) {
    this.server = createServer((req, res) => void this.dispatch(req, res));
  }

  use(route: Route): void {
    this.routes.push(route);
  }

  listen(port: number, host?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      for (const route of this.routes) {
        if (await route(req, res, path)) return;
      }
      sendJson(res, 404, { error: 'not_found', message: `Nothing is served at ${path}.` });
    } catch (err) {
      this.logger.error({ err, path }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error', message: 'The request failed on our side.' });
      else res.end();
    }
  }
}
