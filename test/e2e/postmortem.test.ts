import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, channelId, command, declare, openedView, resolveValues, textOf } from '../helpers/flows.js';
import { actionItemInput } from '../../src/slack/ids.js';
import type { SubmittedValues } from 'local-slack-workspace';

const TOKEN = 'test-api-token-1234';
const ENV = { API_TOKEN: TOKEN, EXPORT_TIME_ZONE: 'Asia/Seoul', POSTMORTEM_LOCALE: 'en' };
const CHANNEL = 'inc-1-checkout-failing';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: ENV });
});
afterAll(async () => t?.stop());

function row(i: number, v: { title?: string; owner?: string; horizon?: string; due?: string }): SubmittedValues {
  const values: SubmittedValues = {};
  const put = (field: 'title' | 'owner' | 'horizon' | 'due', value: string | undefined) => {
    const id = actionItemInput(i, field);
    if (value !== undefined) values[id.block] = { [id.action]: value };
  };
  put('title', v.title);
  put('owner', v.owner);
  put('horizon', v.horizon);
  put('due', v.due);
  return values;
}

const channelFiles = () => t.ws.files().filter((f) => f.channels.includes(channelId(t.ws, CHANNEL)));
const contentOf = (f: { content: Buffer | null }) => f.content?.toString('utf8') ?? '';
const usersLookedUp = () => t.ws.callLog().filter((c) => c.method === 'users.info').map((c) => c.params['user']);

function api(path: string, token: string | null = TOKEN): Promise<Response> {
  return fetch(`${t.app.url}${path}`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/postmortem.ts', ...args], {
      env: { ...process.env, ...ENV, DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the postmortem draft on resolution', () => {
  it('checks the action-item rows of the resolve modal', async () => {
    await declare(t.ws, ALICE, 'sev1 Checkout failing');
    await t.deliver();
    await command(t.ws, ALICE, CHANNEL, 'resolve');
    const view = await openedView(t.ws, ALICE, 'incident_resolve');
    const ack = await t.ws.submitView({
      userId: ALICE,
      viewId: view.id,
      values: { ...resolveValues(), ...row(0, { owner: BOB, due: '2026-12-01' }), ...row(1, { title: 'Add alert', due: '2020-01-01' }) },
    });
    expect(ack.body).toMatchObject({
      response_action: 'errors',
      errors: {
        [actionItemInput(0, 'title').block]: expect.stringContaining('title'),
        [actionItemInput(1, 'due').block]: expect.stringContaining('passed'),
      },
    });
  });

  it('uploads the draft into the incident channel and links it from the #incidents announcement', async () => {
    const view = await openedView(t.ws, ALICE, 'incident_resolve');
    const ack = await t.ws.submitView({
      userId: ALICE,
      viewId: view.id,
      values: {
        ...resolveValues({ recoverySignal: 'Checkout 5xx back under 0.1%' }),
        ...row(0, { title: 'Roll back faster', owner: BOB, horizon: 'immediate_done' }),
        ...row(1, { title: 'Add a canary stage', owner: ALICE, horizon: 'long_term', due: '2027-01-15' }),
      },
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toBeFalsy();
    // While Slack waited, only the submitter's zone was asked for (their due dates are read in it).
    expect(usersLookedUp()).toEqual([ALICE]);
    await t.deliver();

    const files = channelFiles();
    expect(files).toHaveLength(1);
    const doc = contentOf(files[0]!);
    expect(files[0]!.name).toBe('INC-1-postmortem-en-internal-v1.md');
    expect(files[0]!.title).toBe('INC-1 postmortem draft v1');
    expect(doc).toContain('# INC-1: Checkout failing');
    // Names looked up with users.info when the draft was published.
    expect(doc).toContain('| Commander | Alice Kim |');
    expect(doc).toContain('- [x] Roll back faster — owner: Bob Smith');
    expect(doc).toContain('- [ ] Add a canary stage — owner: Alice Kim — due: 2027-01-15');
    expect(doc).not.toContain('U\\_ALICE');
    expect(usersLookedUp()).toEqual(expect.arrayContaining([ALICE, BOB]));
    expect(doc).toContain('Checkout 5xx back under 0.1%');

    const announcement = textOf(t.ws.messages('incidents')[0]!);
    expect(announcement).toContain('Postmortem draft');
    expect(announcement).toContain(`/files/`);
    expect(announcement).toContain(files[0]!.id);

    // What delivery learned from Slack is on the timeline too, with no person as its actor.
    const learned = (await t.app.repos.timeline.listForIncident(t.app.database.db, 1)).filter((e) => e.actorId === null);
    expect(learned.map((e) => [e.kind, e.data])).toEqual(expect.arrayContaining([
      ['channel_created', { channelId: channelId(t.ws, CHANNEL), channelName: CHANNEL }],
      ['postmortem_shared', { fileId: files[0]!.id, permalink: expect.stringContaining(files[0]!.id) }],
    ]));
  });

  it('serves the same text over HTTP and from the CLI', async () => {
    const internal = await api('/api/incidents/INC-1/postmortem.md');
    expect(internal.status).toBe(200);
    expect(internal.headers.get('content-type')).toContain('text/markdown');
    expect(await internal.text()).toBe(contentOf(channelFiles()[0]!));

    const external = await api('/api/incidents/INC-1/postmortem.md?variant=external&locale=ko');
    expect(external.status).toBe(200);
    const ko = await external.text();
    expect(ko).not.toContain('U_ALICE');
    expect(ko).not.toContain('Alice Kim');
    expect(ko).not.toContain('Bob Smith');
    expect(ko).not.toContain(CHANNEL);
    expect(ko).toContain('KST');

    const fromCli = await cli(['INC-1', '--external', '--locale', 'ko']);
    expect(fromCli.stderr).toBe('');
    expect(fromCli.code).toBe(0);
    expect(fromCli.stdout).toBe(ko);
    const internalCli = await cli(['inc-1']);
    expect(internalCli.stdout).toBe(contentOf(channelFiles()[0]!));
  });

  it('refuses the HTTP export without the token, and explains bad requests', async () => {
    expect((await api('/api/incidents/INC-1/postmortem.md', null)).status).toBe(401);
    expect((await api('/api/incidents/INC-1/postmortem.md', 'wrong-token')).status).toBe(401);
    expect((await api('/api/incidents/INC-999/postmortem.md')).status).toBe(404);
    const badVariant = await api('/api/incidents/INC-1/postmortem.md?variant=public');
    expect(badVariant.status).toBe(400);
    expect(((await badVariant.json()) as { message: string }).message).toContain('internal or external');
    const badLocale = await api('/api/incidents/INC-1/postmortem.md?locale=fr');
    expect(badLocale.status).toBe(400);
    expect(((await badLocale.json()) as { message: string }).message).toContain('en or ko');
  });

  it('fails clearly from the CLI for an unknown incident', async () => {
    const result = await cli(['INC-999']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no incident INC-999');
  });

  it('regenerates with follow-ups on /incident postmortem, once despite a failed upload', async () => {
    await command(t.ws, BOB, CHANNEL, 'followup');
    const view = await openedView(t.ws, BOB, 'incident_followup');
    const empty = await t.ws.submitView({ userId: BOB, viewId: view.id, values: {} });
    expect(empty.body).toMatchObject({ response_action: 'errors' });
    const ack = await t.ws.submitView({
      userId: BOB,
      viewId: view.id,
      values: { ...row(0, { title: 'Load-test checkout before release', owner: BOB, horizon: 'short_term', due: '2026-12-10' }) },
    });
    expect(ack.body).toBeFalsy();

    const lookups = usersLookedUp().length;
    t.ws.faults.set('files.completeUploadExternal', { rate: 1, kinds: ['500'] });
    const reply = await command(t.ws, ALICE, CHANNEL, 'postmortem ko');
    expect(reply).toContain('postmortem draft again');
    await t.deliver();
    expect(channelFiles()).toHaveLength(1);
    t.ws.faults.clear('files.completeUploadExternal');
    t.clock.advance({ minutes: 5 });
    await t.deliver();

    const files = channelFiles();
    expect(files).toHaveLength(2);
    const latest = files.find((f) => f.id !== files[0]!.id && f.name === 'INC-1-postmortem-ko-internal-v1.md')!;
    const doc = contentOf(latest);
    expect(latest.title).toBe('INC-1 포스트모템 초안 v1');
    expect(doc).toContain('포스트모템');
    expect(doc).toContain('Load-test checkout before release');
    expect(doc).toContain('Bob Smith');
    expect(usersLookedUp()).toHaveLength(lookups); // names cached less than a day ago are not asked again
    expect(textOf(t.ws.messages('incidents')[0]!)).toContain(latest.id);
  });
});
