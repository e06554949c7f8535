import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'incident-bot-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('the process', () => {
  it('starts with no setup, says where to open the workspace, and stops cleanly on SIGTERM', async () => {
    const app = startMain({ PORT: '0', PGLITE_DIR: path.join(dir, 'data') });
    const url = await expect
      .poll(() => /Open (http:\/\/localhost:\d+)/.exec(app.out())?.[1], { timeout: 60_000, interval: 100 })
      .toBeDefined()
      .then(() => /Open (http:\/\/localhost:\d+)/.exec(app.out())![1]!);
    expect((await fetch(`${url.replace('localhost', '127.0.0.1')}/health/ready`)).status).toBe(200);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(app.out()).toContain('shutting down');
  }, 90_000); // a cold start (esbuild, PGlite) alone may take most of 30 s on a loaded machine

  it('SLACK_MODE=socket runs the local workspace in Socket Mode: commands reach the bot over its connection', async () => {
    const app = startMain({ PORT: '0', PGLITE_DIR: path.join(dir, 'socket'), SLACK_MODE: 'socket' });
    await expect.poll(() => /Open (http:\/\/localhost:\d+)/.exec(app.out())?.[1], { timeout: 60_000, interval: 100 }).toBeDefined();
    const url = /Open (http:\/\/localhost:\d+)/.exec(app.out())![1]!.replace('localhost', '127.0.0.1');
    expect(app.out()).toContain('"transport":"socket"');
    const state = async () => (await (await fetch(`${url}/sandbox/state?user=U_ALICE`)).json()) as {
      channels: { id: string; name: string }[]; ephemerals: { text: string }[];
    };
    const general = (await state()).channels.find((c) => c.name === 'general')!.id;
    const sent = await fetch(`${url}/sandbox/command`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'U_ALICE', channelId: general, text: '/incident help' }),
    });
    expect(await sent.json()).toEqual({ ok: true });
    expect((await state()).ephemerals.map((e) => e.text).join('\n')).toContain('/incident commands');
    // no signed HTTP route: the workspace reached the bot only over the socket
    expect((await fetch(`${url}/slack/events`, { method: 'POST' })).status).toBe(404);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  }, 90_000); // a cold start (esbuild, PGlite) alone may take most of 30 s on a loaded machine

  it('npm start hands SIGTERM to the bot: it shuts down and nothing is left serving', async () => {
    const child = spawn('npm', ['start'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', PORT: '0', PGLITE_DIR: path.join(dir, 'npm-start') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await expect.poll(() => /Open (http:\/\/localhost:\d+)/.exec(out)?.[1], { timeout: 60_000, interval: 100 }).toBeDefined();
    const url = /Open (http:\/\/localhost:(\d+))/.exec(out)![1]!.replace('localhost', '127.0.0.1');
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    child.kill('SIGTERM');
    await exited;
    await expect.poll(() => out).toContain('shutting down');
    await expect(fetch(`${url}/health/live`)).rejects.toThrow();
  }, 90_000); // a cold start (esbuild, PGlite) alone may take most of 30 s on a loaded machine

  it('refuses to start with bad settings and names every one of them', async () => {
    const app = startMain({ PORT: 'http', DATABASE_POOL_SIZE: '-1', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(await app.exited).toBe(1);
    expect(app.err()).toContain('Invalid configuration');
    for (const name of ['PORT', 'DATABASE_POOL_SIZE', 'SLACK_SIGNING_SECRET']) expect(app.err()).toContain(name);
    expect(app.err()).not.toMatch(/\n\s+at /);
  });
});
