import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { APP_ID } from './seed.js';
import { SocketDeliveries, type EnvelopeType, type SocketDelivery } from './socket-delivery.js';
import type { BotResponse } from './types.js';

/** Why Slack sends `disconnect`: a warning shortly before a refresh, the refresh itself, or Socket Mode turned off. */
export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

export interface SocketModeOptions {
  /** How long Slack waits for an envelope's acknowledgement (3 s). */
  ackTimeoutMs?: number;
  /**
   * When an unacknowledged Events API envelope is sent again, after its window: Slack retries
   * nearly at once, after a minute and after five minutes (three retries).
   */
  retryDelaysMs?: number[];
  /** How long a connection told to disconnect stays open if the app does not close it (Slack: about 10 s). */
  closeAfterMs?: number;
  /** How often Slack pings each connection. */
  pingIntervalMs?: number;
}

export const SOCKET_PATH = '/workspace/link/';

interface Connection {
  id: number;
  socket: WebSocket;
  /** False once told to disconnect: no new envelopes go to it, its acknowledgements still count. */
  accepting: boolean;
  timers: NodeJS.Timeout[];
}

/**
 * Slack's Socket Mode: `apps.connections.open` (with the app-level token) hands out a one-use
 * URL; the app connects, hears `hello`, and from then on every interaction and event reaches it
 * as an envelope on one of its connections instead of by HTTP. See SocketDeliveries for envelopes.
 */
export class SocketModeHub {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly live: Connection[] = [];
  private readonly waiters: (() => void)[] = [];
  private nextConnectionId = 1;
  private ackLosses = 0;
  private readonly options: Required<SocketModeOptions>;
  readonly deliveries: SocketDeliveries;

  constructor(
    private readonly appToken: string | undefined,
    private readonly botToken: string,
    options: SocketModeOptions = {},
  ) {
    this.options = { ackTimeoutMs: 3000, retryDelaysMs: [0, 60_000, 300_000], closeAfterMs: 10_000, pingIntervalMs: 30_000, ...options };
    this.deliveries = new SocketDeliveries({
      ackTimeoutMs: this.options.ackTimeoutMs,
      retryDelaysMs: this.options.retryDelaysMs,
      send: (message) => this.sendToOne(message),
      connected: () => this.connected(),
    });
  }

  /** Socket Mode is on for the app when the workspace was given an app-level token (Slack: the app's setting). */
  get enabled(): boolean {
    return this.appToken !== undefined;
  }

  /** `apps.connections.open`: a URL on this workspace's own server, or Slack's error for the token. */
  open(token: string, publicUrl: string): { url: string } | { error: string } {
    if (this.appToken !== undefined && same(token, this.appToken)) {
      const ticket = randomBytes(16).toString('hex');
      this.tickets.add(ticket);
      const base = publicUrl.replace(/^http/, 'ws');
      return { url: `${base}${SOCKET_PATH}?ticket=${ticket}&app_id=${APP_ID}` };
    }
    return { error: same(token, this.botToken) ? 'not_allowed_token_type' : 'invalid_auth' };
  }

  /** True for the app-level token: Slack refuses it for the bot's Web API methods. */
  isAppToken(token: string): boolean {
    return this.appToken !== undefined && same(token, this.appToken);
  }

  /** Takes a WebSocket upgrade for SOCKET_PATH with an unused ticket; answers false for other paths. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://workspace.local');
    if (url.pathname !== SOCKET_PATH) return false;
    const ticket = url.searchParams.get('ticket') ?? '';
    if (!this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return true;
    }
    this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    return true;
  }

  /** Sends an envelope and resolves with the app's acknowledgement, as an HTTP response would read. */
  deliver(type: EnvelopeType, payload: Record<string, unknown>): Promise<BotResponse> {
    return this.deliveries.deliver(type, payload);
  }

  /** Sends `disconnect` with this reason to every connection; each is closed if the app has not closed it by closeAfterMs. */
  disconnect(reason: DisconnectReason): void {
    for (const connection of this.live) {
      connection.accepting = false;
      connection.socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: host(connection) } }));
      connection.timers.push(setTimeout(() => connection.socket.terminate(), this.options.closeAfterMs).unref());
    }
  }

  /** The next `count` acknowledgements are lost on their way (the app sent them; Slack never hears). */
  loseAcks(count: number): void {
    this.ackLosses += count;
  }

  /** Open connections that take new envelopes. */
  connectionCount(): number {
    return this.live.filter((c) => c.accepting).length;
  }

  /** Resolves once a connection takes envelopes (at once if one does). */
  connected(): Promise<void> {
    if (this.connectionCount() > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  deliveryLog(): SocketDelivery[] {
    return this.deliveries.log();
  }

  close(): void {
    this.deliveries.close();
    for (const connection of [...this.live]) connection.socket.terminate();
    this.server.close();
  }

  private accept(socket: WebSocket): void {
    const connection: Connection = { id: this.nextConnectionId++, socket, accepting: true, timers: [] };
    this.live.push(connection);
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => {
      for (const timer of connection.timers) clearTimeout(timer);
      this.live.splice(this.live.indexOf(connection), 1);
    });
    socket.on('error', () => socket.terminate());
    connection.timers.push(setInterval(() => socket.ping(), this.options.pingIntervalMs).unref());
    socket.send(JSON.stringify({
      type: 'hello',
      num_connections: this.live.length,
      debug_info: { host: host(connection), build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: APP_ID },
    }));
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The app's acknowledgement: `{ envelope_id, payload? }`. Anything else is ignored, as Slack does. */
  private receive(data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    let message: unknown;
    try {
      message = JSON.parse(textOf(data));
    } catch {
      return;
    }
    if (!message || typeof message !== 'object' || typeof (message as { envelope_id?: unknown }).envelope_id !== 'string') return;
    if (this.ackLosses > 0) {
      this.ackLosses -= 1;
      return;
    }
    const { envelope_id: envelopeId, payload } = message as { envelope_id: string; payload?: unknown };
    this.deliveries.acknowledge(envelopeId, payload);
  }

  /** Slack picks one of the app's connections for each envelope; here, round robin over those taking envelopes. */
  private sendToOne(message: string): number | undefined {
    const open = this.live.filter((c) => c.accepting);
    if (open.length === 0) return undefined;
    const connection = open[this.rotation++ % open.length]!;
    connection.socket.send(message);
    return connection.id;
  }

  private rotation = 0;
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}

function host(connection: Connection): string {
  return `applink-local-${connection.id}`;
}

/** Constant-time comparison (hashing first makes the lengths equal). */
function same(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
