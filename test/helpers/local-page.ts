import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWorkspace, sandboxWebRoutes } from 'local-slack-workspace';
import type { Clock } from '../../src/clock.js';
import { localPage, localProfile } from '../../src/local-workspace/profile.js';

/** The local workspace's page alone (no bot behind it), on a free port: its URL and how to stop it. */
export async function serveLocalPage(clock: Clock): Promise<{ base: string; close(): Promise<void> }> {
  const ws = createWorkspace({ ...localProfile('incidents'), signingSecret: 's', botToken: 'xoxb-t', clock });
  const routes = sandboxWebRoutes({ workspace: ws, clock, ...localPage('incidents') });
  const server = createServer((req, res) => {
    void routes(req, res, new URL(req.url ?? '/', 'http://x').pathname).then((done) => {
      if (!done) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
