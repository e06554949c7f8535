import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface RecordedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Stands between the local workspace and the bot and keeps every request it forwards, so a test
 * can take a real signed payload (with its real response_url and trigger_id) and send it again,
 * as is or mutated. Point the workspace at `url` with `ws.setBotRequestUrl(url)`.
 */
export async function recordingProxy(target: string): Promise<{ url: string; recorded: RecordedRequest[]; close(): Promise<void> }> {
  const recorded: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      recorded.push({ headers: req.headers, body });
      const headers: Record<string, string> = {};
      for (const key of ['content-type', 'x-slack-request-timestamp', 'x-slack-signature']) headers[key] = String(req.headers[key] ?? '');
      void fetch(target, { method: 'POST', headers, body }).then(
        async (r) => {
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
          res.end(Buffer.from(await r.arrayBuffer()));
        },
        () => {
          res.writeHead(502);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    recorded,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
