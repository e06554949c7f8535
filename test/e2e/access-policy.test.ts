/**
 * Who may do what: channel members post updates and notes; the commander, the incident's other
 * role holders, admins and responders resolve, reopen, change severity and status and hand over.
 * Everyone else is told who can, and nothing changes.
 */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_BOT_TOKEN } from '../../src/application.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, CAROL, channelId, command, declare } from '../helpers/flows.js';

const DAVE = 'U_DAVE';
let t: TestApp;
let channel: string;
beforeAll(async () => {
  // Carol is a responder; Bob and Dave are not.
  t = await startTestApp({ env: { RESPONDERS: 'U_CAROL' } });
  await declare(t.ws, ALICE, 'sev2 Checkout API errors', { title: 'Checkout API errors', severity: 'sev2' });
  await t.deliver();
  channel = 'inc-1-checkout-api-errors';
  // Dave joins the channel; Bob never does.
  await new WebClient(LOCAL_BOT_TOKEN, { slackApiUrl: `${t.app.url}/workspace/api/` }).conversations.invite({ channel: channelId(t.ws, channel), users: DAVE });
});
afterAll(async () => t?.stop());

const severity = async () => (await t.app.incidents.find(1))!.severity;

describe('the access policy', () => {
  it('refuses an outsider every change and says who can', async () => {
    expect(await command(t.ws, BOB, channel, 'severity sev1')).toBe(
      ":warning: Only the commander (<@U_ALICE>), the incident's comms lead and scribe, workspace admins and responders can change the severity of INC-1.",
    );
    expect(await command(t.ws, BOB, channel, 'note I was here')).toBe(
      ":warning: Only members of INC-1's channel and its leads can add notes to INC-1.\nWhat you typed, to copy (nothing was saved):\nI was here",
    );
    expect(await command(t.ws, BOB, channel, 'assign commander <@U_BOB>')).toContain('Only the commander');
    expect(await severity()).toBe('sev2');
    expect((await t.app.incidents.find(1))!.commanderId).toBe(ALICE);
  });

  it('lets a channel member add notes but not take over or resolve', async () => {
    expect(await command(t.ws, DAVE, channel, 'note Seeing 502s from the EU edge')).toBe('Noted in the timeline.');
    expect(await command(t.ws, DAVE, channel, 'severity sev1')).toContain('Only the commander');
    expect(await command(t.ws, DAVE, channel, 'status identified')).toContain('Only the commander');
    expect(await severity()).toBe('sev2');
  });

  it('lets the commander and a responder lead', async () => {
    expect(await command(t.ws, CAROL, channel, 'severity sev1')).toBe('INC-1 is now SEV-1. Status updates are due every 15 minutes.');
    expect(await command(t.ws, ALICE, channel, 'assign comms <@U_DAVE|dave>')).toBe('<@U_DAVE> is now communications lead of INC-1.');
    // Dave holds a role now, so he may lead too.
    expect(await command(t.ws, DAVE, channel, 'status identified')).toBe('INC-1 is now identified.');
  });
});
