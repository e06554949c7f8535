import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Alertmanager (scripts/setup-debian.sh installs it). */
export const ALERTMANAGER_BIN = process.env.ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';

export interface RunningAlertmanager {
  url: string;
  /** Sends alerts as Prometheus does (API v2). */
  postAlerts(alerts: Array<{ labels: Record<string, string>; annotations?: Record<string, string>; startsAt: string; endsAt?: string }>): Promise<void>;
  /** Webhook notifications Alertmanager reports as sent (its own counter). */
  notificationsSent(): Promise<number>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real Alertmanager on loopback, clustering off, grouping by alert name and notifying the bot's
 * hook with a bearer token: group_wait 0s, group_interval 1s, repeat_interval 2s, so a test sees a
 * first notification, re-notifications and the resolution within seconds.
 */
export async function startAlertmanager(hookUrl: string, token: string): Promise<RunningAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'alertmanager-'));
  const port = await freePort();
  writeFileSync(join(dir, 'alertmanager.yml'), [
    'route:',
    '  receiver: bot',
    "  group_by: ['alertname']",
    '  group_wait: 0s',
    '  group_interval: 1s',
    '  repeat_interval: 2s',
    'receivers:',
    '  - name: bot',
    '    webhook_configs:',
    `      - url: ${JSON.stringify(hookUrl)}`,
    '        send_resolved: true',
    '        http_config:',
    `          authorization: { type: Bearer, credentials: ${JSON.stringify(token)} }`,
  ].join('\n'));
  const child: ChildProcess = spawn(ALERTMANAGER_BIN, [
    `--config.file=${join(dir, 'alertmanager.yml')}`,
    `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
    '--log.level=warn',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`alertmanager exited (${child.exitCode}): ${stderr}`);
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`alertmanager did not become ready: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async postAlerts(alerts) {
      const res = await fetch(`${url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) });
      if (!res.ok) throw new Error(`alertmanager refused the alerts: ${res.status} ${await res.text()}`);
    },
    async notificationsSent() {
      const text = await (await fetch(`${url}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith('alertmanager_notifications_total{integration="webhook"}'));
      return Number(line?.split(' ')[1] ?? 0);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
