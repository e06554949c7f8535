import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SteppedClock } from './stepped-clock.js';
import { createWorkspace, type Workspace } from '../src/index.js';
import { DEMO } from './profile.js';
import type { SignedReceiver } from './signed-receiver.js';
import { startSandboxHarness, TOKEN, type SandboxHarness } from './harness.js';

let workspace: Workspace;
let client: WebClient;
let bot: SignedReceiver;
let realClock: SteppedClock;

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
  ({ workspace, client, bot, realClock } = harness);
});
afterEach(() => harness.stop());

describe('global shortcuts', () => {
  it("sends Slack's signed, form-encoded shortcut payload and returns the bot's ack", async () => {
    bot.respond = () => ({ status: 200 });
    const ack = await workspace.globalShortcut({ userId: 'U_BOB', callbackId: 'declare_incident_shortcut' });
    expect(ack.status).toBe(200);

    const request = bot.last();
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.keys(request.body)).toEqual(['payload']);
    expect(request.body['payload']).toEqual({
      type: 'shortcut',
      token: expect.any(String),
      action_ts: expect.stringMatching(/^\d+\.\d{6}$/),
      team: { id: 'T_LOCAL', domain: expect.any(String) },
      user: { id: 'U_BOB', username: 'bob', team_id: 'T_LOCAL' },
      callback_id: 'declare_incident_shortcut',
      trigger_id: expect.any(String),
      is_enterprise_install: false,
      enterprise: null,
    });
  });

  it('issues a fresh trigger each time, good for one views.open by that user within 3 seconds', async () => {
    const trigger = async (userId: string) => {
      await workspace.globalShortcut({ userId, callbackId: 'declare_incident_shortcut' });
      return String((bot.last().body['payload'] as Record<string, unknown>)['trigger_id']);
    };
    const view = { type: 'modal' as const, callback_id: 'declare', title: { type: 'plain_text' as const, text: 'Declare incident' }, blocks: [] };
    const first = await trigger('U_BOB');
    const second = await trigger('U_BOB');
    expect(second).not.toBe(first);

    await client.views.open({ trigger_id: first, view });
    expect(workspace.openViews('U_BOB').map((v) => v.callbackId)).toEqual(['declare']);
    await expect(client.views.open({ trigger_id: first, view })).rejects.toMatchObject({ data: { error: 'exchanged_trigger_id' } });

    realClock.advance({ seconds: 3, milliseconds: 1 });
    await expect(client.views.open({ trigger_id: second, view })).rejects.toMatchObject({ data: { error: 'expired_trigger_id' } });
  });

  it('passes on what the bot answers, including a refusal of the signature', async () => {
    bot.respond = () => ({ status: 500 });
    await expect(workspace.globalShortcut({ userId: 'U_ALICE', callbackId: 'anything' })).resolves.toMatchObject({ status: 500 });

    const other = createWorkspace({ ...DEMO, signingSecret: 'wrong', botToken: TOKEN, botRequestUrl: bot.url, realClock });
    await expect(other.globalShortcut({ userId: 'U_ALICE', callbackId: 'anything' })).resolves.toMatchObject({ status: 401 });
    await expect(workspace.globalShortcut({ userId: 'U_NOBODY', callbackId: 'anything' })).rejects.toThrow();
  });
});
