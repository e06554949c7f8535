/**
 * How fast the bot acknowledges slash commands, side by side with a bare Bolt app on the same
 * machine and the same local workspace: the ratio is the cost of our parsing, routing and database
 * reads inside Slack's 3-second window.
 */
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { createServer } from 'node:http';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { LOCAL_BOT_TOKEN, startApplication } from '../src/application.js';
import { createWorkspace, type Workspace } from 'local-slack-workspace';
import { localProfile } from '../src/local-workspace/profile.js';
import { freshDatabase, percentile, withCluster } from './cluster.js';
import type { BenchModule } from './run.js';

const SECRET = 'bench-secret';
const APP_TOKEN = 'xapp-1-bench-app-token';
const ROUNDS = 400;

async function measure(ws: Workspace, channelId: string, text: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = performance.now();
    const ack = await ws.slashCommand({ userId: 'U_ALICE', channelId, text });
    if (ack.status !== 200) throw new Error(`ack ${ack.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function bareBolt(): Promise<{ url: string; close(): Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events' });
  const app = new App({ token: LOCAL_BOT_TOKEN, botId: 'B', botUserId: 'U_BOT', receiver });
  app.command('/incident', async ({ ack }) => ack({ response_type: 'ephemeral', text: 'ok' }));
  const server = createServer(receiver.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/slack/events`, close: () => new Promise((r) => server.close(() => r())) };
}

/** The same bare app over Socket Mode, connected to a workspace that sends it envelopes. */
async function bareBoltSocket(ws: Workspace): Promise<{ close(): Promise<void> }> {
  const base = await ws.listen();
  const receiver = new SocketModeReceiver({ appToken: APP_TOKEN, logLevel: LogLevel.ERROR, installerOptions: { clientOptions: { slackApiUrl: `${base}/workspace/api/` } } });
  const app = new App({ token: LOCAL_BOT_TOKEN, botId: 'B', botUserId: 'U_BOT', receiver });
  app.command('/incident', async ({ ack }) => ack({ response_type: 'ephemeral', text: 'ok' }));
  await app.start();
  return { close: async () => {
    await app.stop();
    await ws.close();
  } };
}

/** The bot in Socket Mode against its own workspace, as `SLACK_MODE=socket npm start` runs it. */
async function socketFigures(adminUrl: string): Promise<{ bare: number[]; help: number[]; list: number[] }> {
  const bareWs = createWorkspace({ ...localProfile('incidents'), signingSecret: SECRET, botToken: LOCAL_BOT_TOKEN, appToken: APP_TOKEN });
  const bare = await bareBoltSocket(bareWs);
  const botWs = createWorkspace({ ...localProfile('incidents'), signingSecret: SECRET, botToken: LOCAL_BOT_TOKEN, appToken: APP_TOKEN });
  const config = loadConfig({ DATABASE_URL: await freshDatabase(adminUrl), PORT: '0', LOG_LEVEL: 'silent', SLACK_MODE: 'socket' });
  const app = await startApplication({
    config, logger: createLogger('silent'), sandbox: { workspace: botWs, signingSecret: SECRET, appToken: APP_TOKEN }, startScheduler: false,
  });
  try {
    for (let i = 0; i < 20; i += 1) {
      await app.incidents.declare({ title: `Incident ${i}`, severity: 'sev2', scenario: 'other', impact: 'x', commanderId: 'U_ALICE', declaredBy: 'U_ALICE' });
    }
    const general = botWs.channel('general')!.id;
    await measure(bareWs, bareWs.channel('general')!.id, 'help');
    await measure(botWs, general, 'list');
    return {
      bare: await measure(bareWs, bareWs.channel('general')!.id, 'help'),
      help: await measure(botWs, general, 'help'),
      list: await measure(botWs, general, 'list'),
    };
  } finally {
    await app.stop();
    await bare.close();
  }
}

async function run(adminUrl: string): Promise<string[]> {
  const bare = await bareBolt();
  const bareWs = createWorkspace({ ...localProfile('incidents'), signingSecret: SECRET, botToken: LOCAL_BOT_TOKEN, botRequestUrl: bare.url });
  const botWs = createWorkspace({ ...localProfile('incidents'), signingSecret: SECRET, botToken: LOCAL_BOT_TOKEN });
  const config = loadConfig({ DATABASE_URL: await freshDatabase(adminUrl), PORT: '0', LOG_LEVEL: 'silent' });
  const app = await startApplication({ config, logger: createLogger('silent'), sandbox: { workspace: botWs, signingSecret: SECRET }, startScheduler: false });
  try {
    for (let i = 0; i < 20; i += 1) {
      await app.incidents.declare({ title: `Incident ${i}`, severity: 'sev2', scenario: 'other', impact: 'x', commanderId: 'U_ALICE', declaredBy: 'U_ALICE' });
    }
    const general = botWs.channel('general')!.id;
    await measure(bareWs, bareWs.channel('general')!.id, 'help'); // warm-up
    await measure(botWs, general, 'list');
    const baseline = await measure(bareWs, bareWs.channel('general')!.id, 'help');
    const help = await measure(botWs, general, 'help');
    const list = await measure(botWs, general, 'list');
    const row = (name: string, t: number[]) =>
      `${name.padEnd(38)} p50 ${percentile(t, 50).toFixed(2)} ms (x${(percentile(t, 50) / percentile(baseline, 50)).toFixed(2)})  p99 ${percentile(t, 99).toFixed(2)} ms (x${(percentile(t, 99) / percentile(baseline, 99)).toFixed(2)})`;
    const socket = await socketFigures(adminUrl);
    const socketRow = (name: string, t: number[]) =>
      `${name.padEnd(38)} p50 ${percentile(t, 50).toFixed(2)} ms (x${(percentile(t, 50) / percentile(socket.bare, 50)).toFixed(2)})  p99 ${percentile(t, 99).toFixed(2)} ms (x${(percentile(t, 99) / percentile(socket.bare, 99)).toFixed(2)})`;
    return [
      `slash-command acknowledgement, ${ROUNDS} sequential requests each, through the local workspace (goal: p99 far inside Slack's 3 s)`,
      'HTTP (signed requests):',
      row('bare Bolt app acking at once', baseline),
      row('incident bot: /incident help', help),
      row('incident bot: /incident list (20 open)', list),
      'Socket Mode (envelopes over a WebSocket, ratios to the bare Bolt app in Socket Mode):',
      socketRow('bare Bolt app acking at once', socket.bare),
      socketRow('incident bot: /incident help', socket.help),
      socketRow('incident bot: /incident list (20 open)', socket.list),
    ];
  } finally {
    await app.stop();
    await bare.close();
  }
}

export const ackLatencyBench: BenchModule = { name: 'slash-command ack latency vs a bare Bolt app', run: () => withCluster(run) };
