/**
 * A safe local workspace: each test shows a hole that was open and is now closed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, sandboxWebRoutes } from '../src/index.js';
import { ownHosts, refusal } from '../src/request-guard.js';
import { startSandboxHarness, TOKEN, type SandboxHarness } from './harness.js';
import { DEMO } from './profile.js';
import { SignedReceiver } from './signed-receiver.js';
import { SteppedClock } from './stepped-clock.js';

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** A raw request, so the test decides the Host and Origin headers (fetch will not send a foreign Host). */
function send(base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: init.method ?? 'GET', headers: init.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Record<string, unknown>;
          try {
            body = JSON.parse(text) as Record<string, unknown>;
          } catch {
            body = { text };
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});

let harness: SandboxHarness;
/** The workspace's Web API and its page, served together as the app serves them. */
let base: string;
let port: string;
let server: Server;

beforeEach(async () => {
  harness = await startSandboxHarness();
  const { workspace } = harness;
  const page = sandboxWebRoutes({
    workspace, clock: new SteppedClock('2026-11-25T03:00:00Z'), slashCommand: '/incident', commands: [], app: { name: 'Incident Bot' },
  });
  server = createServer((req, res) => {
    void (async () => {
      if (await workspace.handle(req, res)) return;
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (!(await page(req, res, path))) res.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = String((server.address() as AddressInfo).port);
  base = `http://127.0.0.1:${port}`;
  workspace.setPublicUrl(base);
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await harness.stop();
});

const bearer = { authorization: `Bearer ${TOKEN}` };

describe('Host and Origin', () => {
  it('refuses a Web API call whose Host is another name (DNS rebinding), and takes 127.0.0.1 or localhost', async () => {
    const rebound = await send(base, '/workspace/api/auth.test', { method: 'POST', headers: { ...bearer, host: `attacker.example:${port}` } });
    expect(rebound).toEqual({ status: 403, body: { ok: false, error: 'forbidden_host' } });
    const otherPort = await send(base, '/workspace/api/auth.test', { method: 'POST', headers: { ...bearer, host: '127.0.0.1:1' } });
    expect(otherPort.status).toBe(403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const ok = await send(base, '/workspace/api/auth.test', { method: 'POST', headers: { ...bearer, host } });
      expect(ok).toMatchObject({ status: 200, body: { ok: true, user_id: 'U_BOT' } });
    }
    expect(harness.workspace.callLog().map((c) => c.outcome)).toEqual(['ok', 'ok']);
  });

  it('refuses a browser call from another origin, and takes its own origin or none', async () => {
    const foreign = await send(base, '/workspace/api/auth.test', { method: 'POST', headers: { ...bearer, origin: 'http://attacker.example' } });
    expect(foreign).toEqual({ status: 403, body: { ok: false, error: 'forbidden_origin' } });
    const opaque = await send(base, '/workspace/api/auth.test', { method: 'POST', headers: { ...bearer, origin: 'null' } });
    expect(opaque.status).toBe(403);
    const own = await send(base, '/workspace/api/auth.test', { method: 'POST', headers: { ...bearer, origin: base } });
    expect(own.status).toBe(200);
    await expect(harness.client.auth.test()).resolves.toMatchObject({ ok: true });
  });

  it('guards the page: its state, its events, its actions and its HTML', async () => {
    const incidents = harness.workspace.channel('incidents')!.id;
    const foreignHost = { host: `rebound.example:${port}` };
    expect((await send(base, '/sandbox/state?user=U_ALICE', { headers: foreignHost })).status).toBe(403);
    expect((await send(base, '/', { headers: foreignHost })).status).toBe(403);
    expect((await send(base, '/sandbox/events', { headers: foreignHost })).status).toBe(403);
    const before = harness.bot.requests.length;
    const forged = await send(base, '/sandbox/command', json({ userId: 'U_ALICE', channelId: incidents, text: '/incident declare sev1 x' }, { origin: 'https://evil.example' }));
    expect(forged).toEqual({ status: 403, body: { ok: false, error: 'forbidden_origin' } });
    expect(harness.bot.requests.length).toBe(before);

    const state = await send(base, '/sandbox/state?user=U_ALICE');
    expect(state.status).toBe(200);
    const command = await send(base, '/sandbox/command', json({ userId: 'U_ALICE', channelId: incidents, text: '/incident help' }, { origin: base }));
    expect(command.status).toBe(200);
    expect(harness.bot.requests.length).toBe(before + 1);
  });

  it('guards response URLs too', async () => {
    await harness.workspace.slashCommand({ userId: 'U_ALICE', channelId: harness.workspace.channel('incidents')!.id, text: 'x' });
    const url = new URL(String(harness.bot.last().body['response_url']));
    const rebound = await send(base, url.pathname, json({ text: 'hi' }, { host: `evil.example:${port}` }));
    expect(rebound.status).toBe(403);
    expect(harness.workspace.ephemerals('U_ALICE')).toEqual([]);
  });
});

describe('which hosts are its own', () => {
  const check = (urls: Array<string | undefined>, headers: Record<string, string>) => refusal({ headers } as never, ownHosts(urls));

  it('takes every loopback name on the port of a loopback or wildcard address, and nothing else', () => {
    for (const url of ['http://127.0.0.1:3000', 'http://localhost:3000', 'http://0.0.0.0:3000']) {
      for (const host of ['127.0.0.1:3000', 'localhost:3000', 'LOCALHOST:3000', '[::1]:3000']) expect(check([url], { host })).toBeUndefined();
      for (const host of ['127.0.0.1:3001', 'evil.example:3000', '127.0.0.1.nip.io:3000', '', 'user@127.0.0.1:3000']) {
        expect(check([url], { host })).toBe('forbidden_host');
      }
    }
    expect(check(['http://127.0.0.1:3000'], { host: '127.0.0.1:3000', origin: 'http://localhost:3000' })).toBeUndefined();
    expect(check(['http://127.0.0.1:3000'], { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' })).toBe('forbidden_origin');
    expect(check(['http://127.0.0.1:3000'], { host: '127.0.0.1:3000', origin: 'file://' })).toBe('forbidden_origin');
  });

  it('takes the host of a public URL on its default port, with or without the port in the header', () => {
    const urls = ['https://demo.example.com', 'http://127.0.0.1:4000'];
    expect(check(urls, { host: 'demo.example.com' })).toBeUndefined();
    expect(check(urls, { host: 'demo.example.com:443' })).toBeUndefined();
    expect(check(urls, { host: 'demo.example.com', origin: 'https://demo.example.com' })).toBeUndefined();
    expect(check(urls, { host: 'demo.example.com', origin: 'http://demo.example.com' })).toBe('forbidden_origin');
    expect(check(urls, { host: 'localhost:4000' })).toBeUndefined();
    expect(check(urls, { host: 'other.example.com' })).toBe('forbidden_host');
  });

  it('takes loopback names only, on any port, before it knows its address', () => {
    expect(check([undefined], { host: '127.0.0.1:5555' })).toBeUndefined();
    expect(check([undefined], { host: 'localhost' })).toBeUndefined();
    expect(check([undefined], { host: 'evil.example:5555' })).toBe('forbidden_host');
  });
});

describe('the bot token', () => {
  it('is read from the Authorization header only: a token field answers not_authed', async () => {
    const form = await send(base, '/workspace/api/auth.test', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${TOKEN}`,
    });
    expect(form.body).toEqual({ ok: false, error: 'not_authed' });
    const body = await send(base, '/workspace/api/auth.test', json({ token: TOKEN }));
    expect(body.body).toEqual({ ok: false, error: 'not_authed' });
    const query = await send(base, `/workspace/api/auth.test?token=${TOKEN}`, { method: 'POST' });
    expect(query.body).toEqual({ ok: false, error: 'not_authed' });
    const header = await send(base, '/workspace/api/auth.test', { method: 'POST', headers: bearer });
    expect(header.body).toMatchObject({ ok: true });
    const wrong = await send(base, '/workspace/api/auth.test', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.body).toEqual({ ok: false, error: 'invalid_auth' });
  });
});

describe('response URLs', () => {
  const post = (url: string, text: string) => send(base, new URL(url).pathname, json({ text }));

  async function issue(): Promise<string> {
    await harness.workspace.slashCommand({ userId: 'U_ALICE', channelId: harness.workspace.channel('incidents')!.id, text: 'x' });
    return String(harness.bot.last().body['response_url']);
  }

  it('are unguessable: random, not counted', async () => {
    const first = await issue();
    const second = await issue();
    const id = (url: string) => new URL(url).pathname.split('/').pop()!;
    expect(id(first)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(id(first)).not.toBe(id(second));
    expect((await send(base, '/workspace/response/R00000001', json({ text: 'guess' }))).body).toEqual({ ok: false, error: 'expired_url' });
  });

  it('take five posts, as Slack allows, then answer used_url', async () => {
    const url = await issue();
    for (let i = 1; i <= 5; i += 1) expect((await post(url, `reply ${i}`)).status).toBe(200);
    expect(await post(url, 'sixth')).toEqual({ status: 404, body: { ok: false, error: 'used_url' } });
    expect(harness.workspace.ephemerals('U_ALICE').map((e) => e.text)).toEqual(['reply 1', 'reply 2', 'reply 3', 'reply 4', 'reply 5']);
  });

  it('expire thirty minutes after they were issued, by the real clock', async () => {
    const url = await issue();
    harness.realClock.advance({ minutes: 29, seconds: 59 });
    expect((await post(url, 'in time')).status).toBe(200);
    harness.realClock.advance({ seconds: 2 });
    expect(await post(url, 'late')).toEqual({ status: 404, body: { ok: false, error: 'expired_url' } });
  });
});

describe('button values', () => {
  it('come from the message: the page cannot forge one', async () => {
    const incidents = harness.workspace.channel('incidents')!.id;
    await harness.client.conversations.join({ channel: incidents });
    const posted = await harness.client.chat.postMessage({
      channel: incidents,
      text: 'card',
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'resolve', value: 'INC-1', text: { type: 'plain_text', text: 'Resolve' } }] }],
    });
    const forged = await send(base, '/sandbox/action', json({ userId: 'U_ALICE', channelId: incidents, messageTs: posted.ts, actionId: 'resolve', value: 'INC-999' }));
    expect(forged.status).toBe(200);
    const payload = harness.bot.last().body['payload'] as { actions: Array<{ value: string }> };
    expect(payload.actions[0]!.value).toBe('INC-1');
  });

  it('leave a select choosing among its own options', async () => {
    const incidents = harness.workspace.channel('incidents')!.id;
    await harness.client.conversations.join({ channel: incidents });
    const options = ['sev1', 'sev2'].map((value) => ({ text: { type: 'plain_text' as const, text: value }, value }));
    const posted = await harness.client.chat.postMessage({
      channel: incidents, text: 'sev', blocks: [{ type: 'actions', elements: [{ type: 'static_select', action_id: 'sev', options }] }],
    });
    const picked = await send(base, '/sandbox/action', json({ userId: 'U_ALICE', channelId: incidents, messageTs: posted.ts, actionId: 'sev', selectedOption: 'sev2' }));
    expect(picked.body).toMatchObject({ ok: true });
    expect((harness.bot.last().body['payload'] as { actions: unknown[] }).actions[0]).toMatchObject({ selected_option: { value: 'sev2' } });
    const before = harness.bot.requests.length;
    const made = await send(base, '/sandbox/action', json({ userId: 'U_ALICE', channelId: incidents, messageTs: posted.ts, actionId: 'sev', selectedOption: 'sev9' }));
    expect(made.body).toMatchObject({ ok: false, error: 'rejected' });
    expect(harness.bot.requests.length).toBe(before);
  });
});

describe('a bounded store, persisted asynchronously and atomically', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps the last messages, ephemerals and calls only, and leaves a whole JSON file after close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-bounded-'));
    dirs.push(dir);
    const path = join(dir, 'sandbox.json');
    const ws = createWorkspace({
      ...DEMO, signingSecret: 's', botToken: TOKEN, clock: new SteppedClock('2026-11-25T03:00:00Z'), persistPath: path,
      limits: { ephemeralsPerUser: 20, callLog: 50 },
    });
    const wsBase = await ws.listen();
    const client = new WebClient(TOKEN, { slackApiUrl: `${wsBase}/workspace/api/`, retryConfig: { retries: 0 } });
    const general = ws.channel('general')!.id;
    await client.conversations.join({ channel: general });
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 5000; i += 1) await ws.postAsUser({ userId: 'U_ALICE', channelId: general, text: `message ${i}` });
    for (let i = 0; i < 60; i += 1) await client.chat.postEphemeral({ channel: general, user: 'U_BOB', text: `eph ${i}` });
    expect(ws.messages('general')).toHaveLength(2000);
    expect(ws.messages('general')[0]!.text).toBe('message 3000');
    expect(ws.messages('general').at(-1)!.text).toBe('message 4999');
    expect(ws.ephemerals('U_BOB').map((e) => e.text)).toEqual(Array.from({ length: 20 }, (_, i) => `eph ${40 + i}`));
    expect(ws.callLog()).toHaveLength(50);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    await ws.close();

    const saved = JSON.parse(readFileSync(path, 'utf8')) as { messages: Record<string, unknown[]>; ephemerals: unknown[] };
    expect(saved.messages[general]).toHaveLength(2000);
    expect(saved.ephemerals).toHaveLength(20);
    expect(readdirSync(dir)).toEqual(['sandbox.json']);

    const again = createWorkspace({ ...DEMO, signingSecret: 's', botToken: TOKEN, persistPath: path, limits: { messagesPerChannel: 100 } });
    expect(again.messages('general')).toHaveLength(100);
    await again.close();
  });

  it('writes only when the conversation changed, through a temp file and a rename', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-writes-'));
    dirs.push(dir);
    const path = join(dir, 'sandbox.json');
    const ws = createWorkspace({ ...DEMO, signingSecret: 's', botToken: TOKEN, persistPath: path });
    const wsBase = await ws.listen();
    const client = new WebClient(TOKEN, { slackApiUrl: `${wsBase}/workspace/api/`, retryConfig: { retries: 0 } });
    await ws.postAsUser({ userId: 'U_ALICE', channelId: ws.channel('general')!.id, text: 'first' });
    expect(existsSync(path)).toBe(false); // not written in the caller's turn
    await expect.poll(() => existsSync(path), { timeout: 10_000 }).toBe(true);
    const written = statSync(path);
    // Calls that change nothing kept (auth.test, reads) leave the file alone.
    await client.auth.test();
    await client.conversations.list();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = statSync(path);
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
    await client.conversations.join({ channel: ws.channel('general')!.id });
    await client.chat.postMessage({ channel: ws.channel('general')!.id, text: 'second' });
    await ws.close();
    expect(statSync(path).ino).not.toBe(written.ino); // replaced by rename, not rewritten in place
    expect(readdirSync(dir)).toEqual(['sandbox.json']);
  });

  it('forgets the oldest trigger ids, response URLs and closed views beyond the limit', async () => {
    const bot = new SignedReceiver('s');
    const botRequestUrl = await bot.start();
    const ws = createWorkspace({ ...DEMO, signingSecret: 's', botToken: TOKEN, botRequestUrl, limits: { pending: 3 } });
    const wsBase = await ws.listen();
    const client = new WebClient(TOKEN, { slackApiUrl: `${wsBase}/workspace/api/`, retryConfig: { retries: 0 } });
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Hi' }, blocks: [] };
    try {
      const issued: Array<{ responseUrl: string; trigger: string; viewId: string }> = [];
      for (let i = 0; i < 5; i += 1) {
        await ws.slashCommand({ userId: 'U_ALICE', channelId: ws.channel('general')!.id, text: `${i}` });
        const body = bot.last().body;
        const opened = await client.views.open({ trigger_id: String(body['trigger_id']), view });
        issued.push({ responseUrl: String(body['response_url']), trigger: String(body['trigger_id']), viewId: opened.view!.id! });
        if (i < 4) await ws.closeView('U_ALICE');
      }
      const first = issued[0]!;
      expect((await fetch(first.responseUrl, { method: 'POST', body: '{"text":"late"}' })).status).toBe(404);
      expect((await fetch(issued[4]!.responseUrl, { method: 'POST', body: '{"text":"fine"}' })).status).toBe(200);
      await expect(client.views.open({ trigger_id: first.trigger, view })).rejects.toMatchObject({ data: { error: 'invalid_trigger_id' } });
      expect(ws.view(first.viewId)).toBeUndefined();
      expect(ws.view(issued[4]!.viewId)).toBeDefined(); // still open
      expect(ws.openViews('U_ALICE').map((v) => v.id)).toEqual([issued[4]!.viewId]);
    } finally {
      await ws.close();
      await bot.stop();
    }
  });
});
