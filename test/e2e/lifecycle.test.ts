import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { UPDATE_INPUT, updateFieldInput } from '../../src/slack/ids.js';
import { ALICE, BOB, CAROL, command, declare, openedView, resolveValues, textOf, updateValues } from '../helpers/flows.js';

let t: TestApp;
let channel: string;
const cardOf = () => t.ws.pins(channel)[0]!;
const announcementOf = () => t.ws.messages('incidents')[0]!;

beforeAll(async () => {
  t = await startTestApp();
  await declare(t.ws, ALICE, 'sev2 Checkout API errors', { title: 'Checkout API errors', severity: 'sev2' });
  await t.deliver();
  channel = t.ws.channel('inc-1-checkout-api-errors')!.id;
});
afterAll(async () => t?.stop());

describe('an incident from declaration to reopening', () => {
  it('posts an update from the modal in the channel and the announcement thread, and edits the card and announcement', async () => {
    t.clock.advance({ minutes: 10 });
    await command(t.ws, ALICE, channel, 'update');
    const view = await openedView(t.ws, ALICE, 'incident_update');
    expect(JSON.stringify(view.blocks)).toContain('Major feature impact');
    const ack = await t.ws.submitView({ userId: ALICE, viewId: view.id, values: updateValues('sev2', 'identified', 'payments down in EU') });
    expect(ack.body ?? '').toBeFalsy();
    await t.deliver();

    const posted = t.ws.messages(channel).filter((m) => textOf(m).includes('payments down in EU'));
    expect(posted).toHaveLength(1);
    const thread = t.ws.replies('incidents', announcementOf().ts);
    expect(thread.filter((m) => textOf(m).includes('payments down in EU'))).toHaveLength(1);
    expect(cardOf().edited).toBe(true);
    expect(textOf(cardOf())).toContain('Identified');
    expect(textOf(announcementOf())).toContain('Identified');
  });

  it('starts the next update from the last one, with a fresh summary', async () => {
    await command(t.ws, BOB, channel, 'update');
    const view = await openedView(t.ws, BOB, 'incident_update');
    const initial = (blockId: string) =>
      (view.blocks as { block_id?: string; element?: { initial_value?: string } }[]).find((b) => b.block_id === blockId)?.element?.initial_value;
    expect(initial(updateFieldInput('impact_scope').block)).toBe('Major feature impact: payments down in EU');
    expect(initial(updateFieldInput('workaround').block)).toBe('Workaround: payments down in EU');
    expect(initial(UPDATE_INPUT.summary.block)).toBeUndefined();
  });

  it('changes the cadence and the card when the severity changes', async () => {
    const reply = await command(t.ws, BOB, channel, 'severity sev1');
    expect(reply).toBe('INC-1 is now SEV-1. Status updates are due every 15 minutes.');
    await t.deliver();
    const card = textOf(cardOf());
    expect(card).toContain('SEV-1');
    // the last update was at +10 min, so with a 15-minute cadence the next one is due at +25 min
    const due = Math.floor(t.clock.now().plus({ minutes: 15 }).toSeconds());
    expect(card).toContain(`<!date^${due}^`);
    expect(t.ws.messages(channel).some((m) => textOf(m).includes('SEV-2') && textOf(m).includes('SEV-1') && !m.pinned)).toBe(true);
  });

  it('records status, roles and notes, each visible in the channel', async () => {
    expect(await command(t.ws, ALICE, channel, 'status monitoring')).toBe('INC-1 is now monitoring.');
    expect(await command(t.ws, ALICE, channel, 'assign comms <@U_CAROL|carol>')).toBe('<@U_CAROL> is now communications lead of INC-1.');
    expect(await command(t.ws, ALICE, channel, 'note Rolled back 2.3.1; error rate falling')).toBe('Noted in the timeline.');
    await t.deliver();
    const texts = t.ws.messages(channel).map(textOf).join('\n');
    expect(texts).toContain('Rolled back 2.3.1; error rate falling');
    expect(texts).toContain('<@U_CAROL>');
    expect(t.ws.channel(channel)!.members).toContain(CAROL);
    expect(textOf(cardOf())).toContain('<@U_CAROL>');
  });

  it('lists open incidents ephemerally', async () => {
    const reply = await command(t.ws, BOB, 'general', 'list');
    expect(reply).toContain('INC-1');
  });

  it('resolves from the modal and reopens', async () => {
    await command(t.ws, ALICE, channel, 'resolve');
    const view = await openedView(t.ws, ALICE, 'incident_resolve');
    const ack = await t.ws.submitView({ userId: ALICE, viewId: view.id, values: resolveValues() });
    expect(ack.body ?? '').toBeFalsy();
    await t.deliver();
    expect(textOf(cardOf())).toContain('Resolved');
    expect(textOf(announcementOf())).toContain('Resolved');
    expect(t.ws.messages(channel).some((m) => textOf(m).includes('Connection leak in the new endpoint'))).toBe(true);

    expect(await command(t.ws, ALICE, channel, 'update')).toBe(
      ':warning: INC-1 is resolved. Use `/incident reopen` first if it is back.',
    );

    expect(await command(t.ws, BOB, channel, 'reopen')).toBe(
      'INC-1 is open again and back to investigating. The next status update is due in 15 minutes.',
    );
    await t.deliver();
    expect(textOf(cardOf())).toContain('Investigating');
    expect(await command(t.ws, BOB, channel, 'reopen')).toBe(
      ':warning: INC-1 is still open; only a resolved incident can be reopened.',
    );
  });
});
