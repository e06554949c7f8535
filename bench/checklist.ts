/**
 * Checklists: how fast a Done click is acknowledged, side by side with a bare Bolt app acking the
 * same click through the same local workspace (goal: p99 ≤ 2× the bare app's); and a runbook of
 * 50 worst-case items (longest texts, escaping, warnings and links) attached for real and posted
 * within Slack's limits, which the workspace enforces as Slack does.
 */
import { App, HTTPReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createWorkspace, type Workspace } from 'local-slack-workspace';
import { LOCAL_BOT_TOKEN, startApplication, type Application } from '../src/application.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { localProfile } from '../src/local-workspace/profile.js';
import { LIMITS } from '../src/slack/blocks/mrkdwn.js';
import { ACTION_ID } from '../src/slack/ids.js';
import { freshDatabase, percentile, withCluster } from './cluster.js';
import type { BenchModule } from './run.js';

const SECRET = 'bench-secret';
const ITEMS = 50;
const INCIDENTS = 8; // 8 × 50 open steps: 400 Done clicks
const GOAL_P99_RATIO = 2;

type Message = ReturnType<Workspace['messages']>[number];
interface Click { channelId: string; messageTs: string; blockId: string }

/** A runbook file of `items` steps; `worst` fills every field to its limit with text that grows when escaped. */
function runbookFile(id: string, items: number, worst: boolean): string {
  const long = (n: number) => '<&> '.repeat(Math.ceil(n / 4)).slice(0, n);
  return stringify({
    version: 1, id, title: worst ? `${long(140)}` : 'Fifty steps',
    items: Array.from({ length: items }, (_, i) => ({
      id: `step-${i + 1}`,
      text: worst ? `${i + 1} ${long(490)}` : `Step ${i + 1}: check the thing`,
      ...(worst ? { role: 'comms', due_after: `${i + 1}m`, warn: long(500), link: `https://runbooks.example.com/${'a'.repeat(1950)}?step=${i + 1}` } : {}),
    })),
  });
}

function runbooksDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-runbooks-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Every Done button in the checklist messages of a channel. */
function doneButtons(ws: Workspace, channel: string): Click[] {
  const channelId = ws.channel(channel)!.id;
  return ws.messages(channel).flatMap((m) => (m.blocks as Array<{ type: string; block_id?: string; elements?: Array<{ action_id?: string }> }>)
    .filter((b) => b.type === 'actions' && b.elements?.some((e) => e.action_id === ACTION_ID.checklistDone))
    .map((b) => ({ channelId, messageTs: m.ts, blockId: b.block_id! })));
}

async function clickAll(ws: Workspace, clicks: Click[]): Promise<number[]> {
  const times: number[] = [];
  for (const click of clicks) {
    const started = performance.now();
    const ack = await ws.clickAction({ userId: 'U_ALICE', ...click, actionId: ACTION_ID.checklistDone });
    if (ack.status !== 200) throw new Error(`ack ${ack.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** A bare Bolt app that acks the Done click at once, and the same checklist message in its workspace to click. */
async function bareBolt(botMessages: Message[]): Promise<{ ws: Workspace; clicks: Click[]; close(): Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events' });
  const app = new App({ token: LOCAL_BOT_TOKEN, botId: 'B', botUserId: 'U_BOT', receiver });
  app.action(ACTION_ID.checklistDone, async ({ ack }) => ack());
  const server = createServer(receiver.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const ws = createWorkspace({ ...localProfile('incidents'), signingSecret: SECRET, botToken: LOCAL_BOT_TOKEN, botRequestUrl: `http://127.0.0.1:${port}/slack/events` });
  const base = await ws.listen();
  const web = new WebClient(LOCAL_BOT_TOKEN, { slackApiUrl: `${base}/workspace/api/` });
  const channel = ws.channel('general')!.id;
  await web.conversations.join({ channel });
  for (const m of botMessages) await web.chat.postMessage({ channel, text: m.text, blocks: m.blocks as never });
  return {
    ws, clicks: doneButtons(ws, 'general'),
    close: async () => {
      await ws.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

async function startBot(adminUrl: string, dir: string): Promise<{ app: Application; ws: Workspace }> {
  const ws = createWorkspace({ ...localProfile('incidents'), signingSecret: SECRET, botToken: LOCAL_BOT_TOKEN });
  const config = loadConfig({ DATABASE_URL: await freshDatabase(adminUrl), PORT: '0', LOG_LEVEL: 'silent', RUNBOOKS_DIR: dir, SLACK_POST_INTERVAL_MS: '0' });
  const app = await startApplication({ config, logger: createLogger('silent'), sandbox: { workspace: ws, signingSecret: SECRET }, startScheduler: false });
  return { app, ws };
}

const channelOf = (ws: Workspace, id: number) => ws.channels().find((c) => c.name.startsWith(`inc-${id}-`))!.name;

export async function doneClicks(adminUrl: string): Promise<string[]> {
  const { app, ws } = await startBot(adminUrl, runbooksDir({ 'fifty.yaml': runbookFile('fifty', ITEMS, false) }));
  try {
    const ids: number[] = [];
    for (let i = 0; i < INCIDENTS; i++) {
      ids.push((await app.incidents.declare({ title: `Checklist ${i}`, severity: 'sev2', scenario: 'other', impact: 'x', commanderId: 'U_ALICE', declaredBy: 'U_ALICE' })).id);
    }
    await app.dispatcher.drain();
    const channels = ids.map((id) => channelOf(ws, id));
    const clicks = channels.flatMap((c) => doneButtons(ws, c));
    if (clicks.length !== INCIDENTS * ITEMS) throw new Error(`${clicks.length} Done buttons, expected ${INCIDENTS * ITEMS}`);
    const bare = await bareBolt(ws.messages(channels[0]!).filter((m) => m.text.includes('Checklist:')));
    try {
      await clickAll(bare.ws, bare.clicks); // warm-up
      const baseline = await clickAll(bare.ws, [...bare.clicks, ...bare.clicks, ...bare.clicks, ...bare.clicks, ...bare.clicks, ...bare.clicks, ...bare.clicks, ...bare.clicks]);
      const bot = await clickAll(ws, clicks);
      await app.dispatcher.drain();
      const done = (await Promise.all(ids.map((id) => app.checklists.list(id))))
        .flat().flatMap((r) => r.items).filter((item) => item.state === 'done').length;
      const ratio = percentile(bot, 99) / percentile(baseline, 99);
      const row = (name: string, t: number[]) =>
        `${name.padEnd(34)} p50 ${percentile(t, 50).toFixed(2)} ms (x${(percentile(t, 50) / percentile(baseline, 50)).toFixed(2)})  p99 ${percentile(t, 99).toFixed(2)} ms (x${(percentile(t, 99) / percentile(baseline, 99)).toFixed(2)})`;
      return [
        `Done click acknowledgement, ${bot.length} clicks one after another through the local workspace (HTTP, signed):`,
        row('bare Bolt app acking at once', baseline),
        row('incident bot: Done on a step', bot),
        `p99 ratio x${ratio.toFixed(2)} (goal ≤ x${GOAL_P99_RATIO}: ${ratio <= GOAL_P99_RATIO ? 'met' : 'NOT met'}); steps done afterwards: ${done} of ${clicks.length}`,
      ];
    } finally {
      await bare.close();
    }
  } finally {
    await app.stop();
  }
}

/** Every text of a message's blocks, by the limit that applies to it. */
function measureBlocks(messages: Message[]) {
  let sections = 0;
  let headers = 0;
  let contexts = 0;
  let brokenLinks = 0;
  let items = 0;
  for (const m of messages) {
    for (const b of m.blocks as Array<{ type: string; text?: { text: string }; elements?: Array<{ text?: string; elements?: Array<{ text?: string; url?: string }> }> }>) {
      // An item is one rich_text block; its link is an element of its own, never clipped.
      if (b.type === 'rich_text') items = Math.max(items, (b.elements ?? []).flatMap((e) => e.elements ?? []).reduce((n, e) => n + (e.text?.length ?? 0) + (e.url?.length ?? 0), 0));
      if (b.type === 'section' && b.text) {
        sections = Math.max(sections, b.text.text.length);
        // A link cut by clipping leaves a '<' with no '>' after it.
        if (/<[^>]*$/.test(b.text.text)) brokenLinks += 1;
      }
      if (b.type === 'header' && b.text) headers = Math.max(headers, b.text.text.length);
      if (b.type === 'context') contexts = Math.max(contexts, ...(b.elements ?? []).map((e) => e.text?.length ?? 0));
    }
  }
  return { sections, headers, contexts, brokenLinks, items, blocks: Math.max(...messages.map((m) => m.blocks.length)) };
}

export async function fiftyItems(adminUrl: string): Promise<string[]> {
  const { app, ws } = await startBot(adminUrl, runbooksDir({ 'worst.yaml': runbookFile('worst-case', ITEMS, true) }));
  try {
    const started = performance.now();
    const incident = await app.incidents.declare({ title: 'Fifty steps', severity: 'sev1', scenario: 'other', impact: 'x', commanderId: 'U_ALICE', declaredBy: 'U_ALICE' });
    await app.dispatcher.drain();
    const ms = performance.now() - started;
    const channel = channelOf(ws, incident.id);
    const checklist = ws.messages(channel).filter((m) => m.text.includes('Checklist:'));
    const errors = ws.callLog().filter((c) => c.method.startsWith('chat.') && c.outcome === 'error');
    const shown = checklist.reduce((n, m) => n + m.blocks.filter((b) => (b as { type: string }).type === 'actions').length, 0);
    const f = measureBlocks(checklist);
    const within = f.blocks <= LIMITS.messageBlocks && f.sections <= LIMITS.sectionText && f.headers <= LIMITS.header && f.contexts <= LIMITS.contextText && errors.length === 0;
    return [
      `a ${ITEMS}-step runbook, every field at its longest (500-character steps and warnings full of '<&>', 2,000-character links), attached on declaration:`,
      `${checklist.length} messages, ${shown} of ${ITEMS} steps with their buttons, all pinned: ${checklist.every((m) => ws.pins(channel).some((p) => p.ts === m.ts))}; declared to posted ${ms.toFixed(0)} ms`,
      `largest message ${f.blocks} blocks (limit ${LIMITS.messageBlocks}); longest section ${f.sections} (limit ${LIMITS.sectionText}), header ${f.headers} (${LIMITS.header}), context ${f.contexts} (${LIMITS.contextText}), longest item ${f.items} characters of rich text; Slack errors ${errors.length}${errors.length ? ` (${[...new Set(errors.map((e) => e.error))].join(', ')})` : ''}; links cut by clipping ${f.brokenLinks}`,
      `within Slack's limits: ${within ? 'yes' : 'NO'}`,
    ];
  } finally {
    await app.stop();
  }
}

export const checklistBench: BenchModule = {
  name: 'checklist: Done click ack vs a bare Bolt app, a 50-step runbook within Slack limits',
  run: () => withCluster(async (adminUrl) => [...(await fiftyItems(adminUrl)), ...(await doneClicks(adminUrl))]),
};
