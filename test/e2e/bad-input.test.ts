import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, command, declare, openedView, updateValues } from '../helpers/flows.js';
import { UPDATE_INPUT } from '../../src/slack/ids.js';

let t: TestApp;
let channel: string;
beforeAll(async () => {
  t = await startTestApp();
  await declare(t.ws, ALICE, 'sev2 Search slow', { title: 'Search slow', severity: 'sev2' });
  await t.deliver();
  channel = t.ws.channel('inc-1-search-slow')!.id;
});
afterAll(async () => t?.stop());

const warn = (text: string) => `:warning: ${text}`;

describe('what a person sees when the input is wrong', () => {
  it.each([
    ['frobnicate', warn('`/incident frobnicate` is not a command I know. Try one of: `declare`, `update`, `severity`, `status`, `assign`, `note`, `timeline`, `scenario`, `resolve`, `reopen`, `checklist`, `task`, `runbook`, `followup`, `followups`, `postmortem`, `list`, `insights`, `help`, or `/incident help`.')],
    ['__proto__', warn('`/incident __proto__` is not a command I know. Try one of: `declare`, `update`, `severity`, `status`, `assign`, `note`, `timeline`, `scenario`, `resolve`, `reopen`, `checklist`, `task`, `runbook`, `followup`, `followups`, `postmortem`, `list`, `insights`, `help`, or `/incident help`.')],
    ['constructor x', warn('`/incident constructor` is not a command I know. Try one of: `declare`, `update`, `severity`, `status`, `assign`, `note`, `timeline`, `scenario`, `resolve`, `reopen`, `checklist`, `task`, `runbook`, `followup`, `followups`, `postmortem`, `list`, `insights`, `help`, or `/incident help`.\nWhat you typed, to copy (nothing was saved):\nconstructor x')],
    ['update', warn('`/incident update` works in an incident\'s channel. Run it there, or use `/incident list` to find the channel.')],
    ['severity sev1', warn('`/incident severity <sev1|sev2|sev3>` works in an incident\'s channel. Run it there, or use `/incident list` to find the channel.')],
    ['note hello', warn('`/incident note [time] <text>` works in an incident\'s channel. Run it there, or use `/incident list` to find the channel.\nWhat you typed, to copy (nothing was saved):\nhello')],
    ['resolve', warn('`/incident resolve` works in an incident\'s channel. Run it there, or use `/incident list` to find the channel.')],
  ])('outside an incident channel: /incident %s', async (text, expected) => {
    expect(await command(t.ws, BOB, 'general', text)).toBe(expected);
  });

  it.each([
    ['severity', warn('Say which severity: `/incident severity <sev1|sev2|sev3>`, for example `/incident severity sev1`.')],
    ['severity sev9', warn('Say which severity: `/incident severity <sev1|sev2|sev3>`, for example `/incident severity sev1`.')],
    ['severity sev2', warn('INC-1 is already SEV-2.')],
    ['status', warn('Say which status: `/incident status <investigating|identified|monitoring>`.')],
    ['status resolved', warn('To resolve the incident, use `/incident resolve`: it asks for the resolution summary.')],
    ['status investigating', warn('The incident is already investigating.')],
    ['assign', warn('Say which role and who: `/incident assign <commander|comms|scribe> @user`, for example `/incident assign comms @alex`.')],
    ['assign boss <@U_BOB>', warn('Say which role and who: `/incident assign <commander|comms|scribe> @user`, for example `/incident assign comms @alex`.')],
    ['assign comms bob', warn('Say which role and who: `/incident assign <commander|comms|scribe> @user`, for example `/incident assign comms @alex`.')],
    ['assign commander <@U_ALICE>', warn('That person already holds that role.')],
    ['note', warn('Write the note after the command: `/incident note [time] <text>`.')],
    ['reopen', warn('INC-1 is still open; only a resolved incident can be reopened.')],
  ])('in the incident channel: /incident %s', async (text, expected) => {
    expect(await command(t.ws, BOB, channel, text)).toBe(expected);
  });

  it('answers a bare /incident with the help', async () => {
    const reply = await command(t.ws, BOB, 'general', '');
    expect(reply).toContain('/incident declare [sev1|sev2|sev3] [title]');
    expect(reply).toContain('/incident assign <commander|comms|scribe> @user');
  });

  it('keeps the update modal open with an error when the incident was resolved meanwhile', async () => {
    await command(t.ws, ALICE, channel, 'update');
    const view = await openedView(t.ws, ALICE, 'incident_update');
    await t.app.incidents.resolve(1, BOB, {
      summary: 'Fixed', rootCause: 'Index missing', rootCauseConfirmed: false, contributingFactors: [],
      recoverySignal: null, recoveredAt: null, customerImpact: null, businessImpact: null,
    });
    const ack = await t.ws.submitView({ userId: ALICE, viewId: view.id, values: updateValues('sev2', 'identified') });
    expect(ack.body).toEqual({
      response_action: 'errors',
      errors: { [UPDATE_INPUT.summary.block]: 'INC-1 is resolved. Use `/incident reopen` first if it is back.' },
    });
  });
});
