import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SteppedClock } from './stepped-clock.js';
import { createWorkspace, type Workspace } from '../src/index.js';
import { DEMO } from './profile.js';

const TOKEN = 'xoxb-test';
let workspace: Workspace;
let client: WebClient;
let clock: SteppedClock;
let base: string;

beforeEach(async () => {
  clock = new SteppedClock('2024-11-25T22:00:00Z');
  workspace = createWorkspace({ ...DEMO, signingSecret: 'secret', botToken: TOKEN, clock });
  base = await workspace.listen();
  client = new WebClient(TOKEN, { slackApiUrl: `${base}/workspace/api/`, retryConfig: { retries: 0 } });
});
afterEach(() => workspace.close());

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('auth', () => {
  it('identifies the bot and rejects other tokens', async () => {
    const me = await client.auth.test();
    expect(me).toMatchObject({ ok: true, user_id: 'U_BOT', team_id: 'T_LOCAL', bot_id: 'B_BOT' });
    const stranger = new WebClient('xoxb-wrong', { slackApiUrl: `${base}/workspace/api/`, retryConfig: { retries: 0 } });
    await expect(stranger.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    const raw = await fetch(`${base}/workspace/api/auth.test`, { method: 'POST' });
    expect(await raw.json()).toEqual({ ok: false, error: 'not_authed' });
    await expect(client.apiCall('no.such.method')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });
});

describe('channels and messages', () => {
  it('creates a channel the bot belongs to, posts, updates and pins', async () => {
    const created = await client.conversations.create({ name: 'inc-1-checkout' });
    const channelId = created.channel!.id!;
    expect(channelId).toMatch(/^C0/);
    expect(workspace.channel('#inc-1-checkout')?.members).toContain('U_BOT');

    const posted = await client.chat.postMessage({ channel: channelId, text: 'declared', blocks: [section('*SEV-1* declared')] });
    expect(posted.ts).toBe('1732572000.000000');
    await client.chat.update({ channel: channelId, ts: posted.ts!, text: 'updated', blocks: [section('*SEV-2*')] });
    await client.pins.add({ channel: channelId, timestamp: posted.ts! });
    await expect(client.pins.add({ channel: channelId, timestamp: posted.ts! })).rejects.toMatchObject({ data: { error: 'already_pinned' } });

    const [message] = workspace.messages(channelId);
    expect(message).toMatchObject({ text: 'updated', edited: true, editCount: 1, pinned: true, user: 'U_BOT' });
    expect(workspace.pins(channelId).map((m) => m.ts)).toEqual([posted.ts]);
    const pins = await client.pins.list({ channel: channelId });
    expect(pins.items).toHaveLength(1);
    await expect(client.chat.update({ channel: channelId, ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('gives unique increasing timestamps from the app clock', async () => {
    const { channel } = await client.conversations.create({ name: 'ts-check' });
    const a = await client.chat.postMessage({ channel: channel!.id!, text: 'a' });
    const b = await client.chat.postMessage({ channel: channel!.id!, text: 'b' });
    clock.advance({ minutes: 1 });
    const c = await client.chat.postMessage({ channel: channel!.id!, text: 'c' });
    expect([a.ts, b.ts, c.ts]).toEqual(['1732572000.000000', '1732572000.000001', '1732572060.000000']);
  });

  it('enforces channel names and uniqueness', async () => {
    await expect(client.conversations.create({ name: 'incidents' })).rejects.toMatchObject({ data: { error: 'name_taken' } });
    await expect(client.conversations.create({ name: 'Bad Name' })).rejects.toMatchObject({ data: { error: 'invalid_name_specials' } });
    await expect(client.conversations.create({ name: 'a'.repeat(81) })).rejects.toMatchObject({ data: { error: 'invalid_name_maxlength' } });
    await expect(client.conversations.create({ name: 'a'.repeat(80) })).resolves.toMatchObject({ ok: true });
  });

  it('refuses posts to channels the bot has not joined, until it joins', async () => {
    const incidents = workspace.channel('incidents')!;
    await expect(client.chat.postMessage({ channel: incidents.id, text: 'hi' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    await expect(client.chat.postMessage({ channel: 'C0NOPE', text: 'hi' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await client.conversations.join({ channel: incidents.id });
    await client.chat.postMessage({ channel: incidents.id, text: 'hi' });
    expect(workspace.messages('#incidents').map((m) => m.text)).toEqual(['hi']);
  });

  it('rejects invalid content the way Slack does', async () => {
    const { channel } = await client.conversations.create({ name: 'limits' });
    const id = channel!.id!;
    const tooMany = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    await expect(client.chat.postMessage({ channel: id, text: 'x', blocks: tooMany })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(client.chat.postMessage({ channel: id, text: 'x', blocks: [section('a'.repeat(3001))] })).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    await expect(
      client.chat.postMessage({ channel: id, text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(client.chat.postMessage({ channel: id, text: 'x', blocks: [{ type: 'carousel' }] as never })).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    await expect(client.chat.postMessage({ channel: id, text: 'x'.repeat(40_001) })).rejects.toMatchObject({ data: { error: 'msg_too_long' } });
    await expect(client.chat.postMessage({ channel: id, text: '' })).rejects.toMatchObject({ data: { error: 'no_text' } });
    expect(workspace.messages(id)).toEqual([]);
    await client.conversations.archive({ channel: id });
    await expect(client.chat.postMessage({ channel: id, text: 'late' })).rejects.toMatchObject({ data: { error: 'is_archived' } });
  });

  it('returns history newest first with metadata, and thread replies', async () => {
    const { channel } = await client.conversations.create({ name: 'history' });
    const id = channel!.id!;
    const root = await client.chat.postMessage({
      channel: id, text: 'root', metadata: { event_type: 'incident_declared', event_payload: { incident_id: 7 } },
    });
    await client.chat.postMessage({ channel: id, text: 'reply', thread_ts: root.ts! });
    await client.chat.postMessage({ channel: id, text: 'second' });

    const plain = await client.conversations.history({ channel: id });
    expect(plain.messages!.map((m) => m.text)).toEqual(['second', 'root']);
    expect(plain.messages![1]!.metadata).toBeUndefined();
    const withMeta = await client.conversations.history({ channel: id, include_all_metadata: true, limit: 1 });
    expect(withMeta.messages).toHaveLength(1);
    expect(withMeta.has_more).toBe(true);
    const all = await client.conversations.history({ channel: id, include_all_metadata: true });
    expect(all.messages![1]!.metadata).toEqual({ event_type: 'incident_declared', event_payload: { incident_id: 7 } });
    expect(all.messages![1]!.reply_count).toBe(1);

    const thread = await client.conversations.replies({ channel: id, ts: root.ts! });
    expect(thread.messages!.map((m) => m.text)).toEqual(['root', 'reply']);
    expect(workspace.replies(id, root.ts!).map((m) => m.text)).toEqual(['reply']);
    expect(workspace.messages(id)[0]).toMatchObject({ replyCount: 1 });
  });

  it('invites users, sets topics and reports members', async () => {
    const { channel } = await client.conversations.create({ name: 'crew' });
    const id = channel!.id!;
    await client.conversations.invite({ channel: id, users: 'U_ALICE,U_BOB' });
    await expect(client.conversations.invite({ channel: id, users: 'U_NOBODY' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    await client.conversations.setTopic({ channel: id, topic: 'SEV-1 | investigating' });
    const members = await client.conversations.members({ channel: id });
    expect(members.members).toEqual(['U_BOT', 'U_ALICE', 'U_BOB']);
    const info = await client.conversations.info({ channel: id });
    expect(info.channel?.topic?.value).toBe('SEV-1 | investigating');
    const list = await client.conversations.list({});
    expect(list.channels!.map((c) => c.name)).toEqual(expect.arrayContaining(['incidents', 'general', 'crew']));
  });

  it('answers users.info with the person and their zone', async () => {
    const { user } = await client.users.info({ user: 'U_ALICE' });
    expect(user).toMatchObject({ real_name: 'Alice Kim', tz: 'Asia/Seoul', tz_offset: 9 * 3600 });
    await expect(client.users.info({ user: 'U_GHOST' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    const list = await client.users.list({});
    expect(list.members!.map((m) => m.id)).toContain('U_DAVE');
  });

  it("tells a person's language only when asked, as Slack does (include_locale)", async () => {
    expect((await client.users.info({ user: 'U_DAVE' })).user).not.toHaveProperty('locale');
    expect((await client.users.info({ user: 'U_DAVE', include_locale: true })).user).toMatchObject({ locale: 'ko-KR' });
    expect((await client.users.info({ user: 'U_ALICE', include_locale: true })).user).toMatchObject({ locale: 'en-US' });
  });

  it('shows an ephemeral only to its user, and permalinks messages', async () => {
    const { channel } = await client.conversations.create({ name: 'eph' });
    const id = channel!.id!;
    await expect(client.chat.postEphemeral({ channel: id, user: 'U_ALICE', text: 'psst' })).rejects.toMatchObject({
      data: { error: 'user_not_in_channel' },
    });
    await client.conversations.invite({ channel: id, users: 'U_ALICE' });
    await client.chat.postEphemeral({ channel: id, user: 'U_ALICE', text: 'psst' });
    expect(workspace.ephemerals('U_ALICE').map((e) => e.text)).toEqual(['psst']);
    expect(workspace.ephemerals('U_BOB')).toEqual([]);
    expect(workspace.messages(id)).toEqual([]);
    const posted = await client.chat.postMessage({ channel: id, text: 'x' });
    const link = await client.chat.getPermalink({ channel: id, message_ts: posted.ts! });
    expect(link.permalink).toBe(`${base}/archives/${id}/p${posted.ts!.replace('.', '')}`);
  });

  it('uploads a file in three steps and shares it with a comment', async () => {
    const { channel } = await client.conversations.create({ name: 'files' });
    const id = channel!.id!;
    const root = await client.chat.postMessage({ channel: id, text: 'postmortem thread' });
    await client.filesUploadV2({
      channel_id: id, thread_ts: root.ts!, initial_comment: 'Postmortem draft', filename: 'postmortem.md', content: '# Postmortem\n',
    });
    const [file] = workspace.files();
    expect(file).toMatchObject({ name: 'postmortem.md', length: 13, channels: [id] });
    expect(file!.content?.toString()).toBe('# Postmortem\n');
    const [reply] = workspace.replies(id, root.ts!);
    expect(reply).toMatchObject({ text: 'Postmortem draft', files: [file!.id] });
    const info = await client.files.info({ file: file!.id });
    expect(info.file?.name).toBe('postmortem.md');
  });

  it('logs every call and emits changes', async () => {
    const changes: string[] = [];
    workspace.on('change', (c) => changes.push(c.kind));
    const { channel } = await client.conversations.create({ name: 'log' });
    await expect(client.conversations.create({ name: 'log' })).rejects.toThrow();
    await client.chat.postMessage({ channel: channel!.id!, text: 'hi' });
    expect(workspace.callLog().map((c) => [c.method, c.outcome, c.error])).toEqual([
      ['conversations.create', 'ok', undefined],
      ['conversations.create', 'error', 'name_taken'],
      ['chat.postMessage', 'ok', undefined],
    ]);
    expect(workspace.callLog()[0]!.params).not.toHaveProperty('token');
    expect(changes).toEqual(expect.arrayContaining(['channel', 'message', 'call']));
  });
});

describe('mounting and direct messages', () => {
  it('serves its own paths inside another server and leaves the rest alone', async () => {
    const mounted = createWorkspace({ ...DEMO, signingSecret: 's', botToken: TOKEN });
    const server = createServer((req, res) => {
      void mounted.handle(req, res).then((owned) => {
        if (!owned) res.writeHead(200).end('host page');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    mounted.setPublicUrl(host);
    try {
      expect(await (await fetch(`${host}/`)).text()).toBe('host page');
      const hosted = new WebClient(TOKEN, { slackApiUrl: `${host}/workspace/api/`, retryConfig: { retries: 0 } });
      await expect(hosted.auth.test()).resolves.toMatchObject({ ok: true });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('posts to a user id as a direct message', async () => {
    const posted = await client.chat.postMessage({ channel: 'U_BOB', text: 'You are commander' });
    expect(posted.channel).toMatch(/^D0/);
    expect(workspace.messages(posted.channel!).map((m) => m.text)).toEqual(['You are commander']);
  });
});
