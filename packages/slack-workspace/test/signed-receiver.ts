import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Form fields, with `payload` decoded; or the JSON body for events. */
  body: Record<string, unknown>;
}

/** What the stand-in answers; `delayMs` holds the answer back (an app slower than Slack waits). */
export type Responder = (request: ReceivedRequest) => { status?: number; json?: unknown; delayMs?: number } | undefined;

/** A tiny stand-in for the bot: verifies Slack's signature and answers with whatever ack the test asks for. */
export class SignedReceiver {
  readonly requests: ReceivedRequest[] = [];
  respond: Responder = () => undefined;
  private server: Server | undefined;
  url = '';

  constructor(private readonly signingSecret: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const timestamp = String(req.headers['x-slack-request-timestamp'] ?? '');
        const expected = `v0=${createHmac('sha256', this.signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
        const given = String(req.headers['x-slack-signature'] ?? '');
        const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
        if (!fresh || given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
          res.writeHead(401).end('bad signature');
          return;
        }
        const body = parseBody(String(req.headers['content-type'] ?? ''), rawBody);
        const request = { headers: req.headers, rawBody, body };
        this.requests.push(request);
        const answer = this.respond(request);
        const send = () => {
          if (res.destroyed) return;
          if (answer?.json === undefined) {
            res.writeHead(answer?.status ?? 200).end();
          } else {
            res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
          }
        };
        if (answer?.delayMs) setTimeout(send, answer.delayMs);
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/slack/events`;
    return this.url;
  }

  last(): ReceivedRequest {
    const request = this.requests[this.requests.length - 1];
    if (!request) throw new Error('no request received');
    return request;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (contentType.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  const fields: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  if (typeof fields['payload'] === 'string') fields['payload'] = JSON.parse(fields['payload']);
  return fields;
}
