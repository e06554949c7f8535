import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger.js';
import type { RequestContext } from '../observability/request-context.js';
import { sendJson } from './respond.js';

/** A route answers true when it handled the request. */
export type Route = (req: IncomingMessage, res: ServerResponse, path: string) => boolean | Promise<boolean>;

/** Takes a WebSocket upgrade and answers true, or false when the path is not its own. */
export type UpgradeRoute = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/**
 * The app's one HTTP server: Slack requests, health, the export API and the local workspace.
 * Routes are added after listening, because the workspace needs the port before the Slack app exists.
 */
export class HttpServer {
  private readonly routes: Route[] = [];
  private readonly upgrades: UpgradeRoute[] = [];
  readonly server: Server;
  private inFlight = 0;
  private idle: (() => void) | undefined;
  /** While draining, only paths this accepts are served; others get 503 (see drain). */
  private serving: ((path: string) => boolean) | undefined;

  constructor(
    private readonly logger: Logger,
    /** Each request runs under its own id (or the caller's X-Request-Id), answered in X-Request-Id. */
    private readonly requestIds?: RequestContext,
  ) {
    this.server = createServer((req, res) => {
      this.inFlight += 1;
      res.once('close', () => {
        this.inFlight -= 1;
        if (this.inFlight === 0) this.idle?.();
      });
      const given = req.headers['x-request-id'];
      const run = (work: () => Promise<void>) => (this.requestIds ? this.requestIds.run(typeof given === 'string' ? given : undefined, work) : work());
      void run(() => {
        const id = this.requestIds?.current();
        if (id) res.setHeader('x-request-id', id);
        return this.dispatch(req, res);
      });
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (this.serving || !this.upgrades.some((take) => take(req, socket, head))) socket.destroy();
    });
  }

  use(route: Route): void {
    this.routes.push(route);
  }

  useUpgrade(route: UpgradeRoute): void {
    this.upgrades.push(route);
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

  /**
   * Stops taking new work: requests whose path `keep` refuses get 503 and are asked to go
   * elsewhere (another replica), while those under way finish. `keep` serves what the work under
   * way itself still needs, such as the local workspace's response URLs.
   */
  drain(keep: (path: string) => boolean): void {
    this.serving = keep;
  }

  /**
   * Stops accepting, lets the requests under way finish and be answered until `deadline`, then
   * drops whatever connections remain.
   */
  async close(deadline: Promise<void> = Promise.resolve()): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const drained = this.inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (this.idle = resolve));
    await Promise.race([drained, deadline]);
    this.server.closeAllConnections();
    await closed;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (this.serving && !this.serving(path)) {
      res.setHeader('connection', 'close');
      sendJson(res, 503, { error: 'shutting_down', message: 'This replica is shutting down; try again.' });
      return;
    }
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
