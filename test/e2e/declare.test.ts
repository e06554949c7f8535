import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, command, declare, lastEphemeral, openedView, textOf, topView } from '../helpers/flows.js';
import { DECLARE_INPUT } from '../../src/slack/ids.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

describe('declaring an incident from the modal', () => {
  it('opens the modal prefilled from the command text', async () => {
    await command(t.ws, ALICE, 'general', 'declare sev2 Search is slow');
    const view = await openedView(t.ws, ALICE, 'incident_declare');
    const element = (blockId: string) =>
      (view.blocks as { block_id: string; element: Record<string, unknown> }[]).find((b) => b.block_id === blockId)!.element;
    expect(element(DECLARE_INPUT.title.block)['initial_value']).toBe('Search is slow');
    expect(element(DECLARE_INPUT.commander.block)['initial_user']).toBe(ALICE);
    expect((element(DECLARE_INPUT.severity.block)['initial_option'] as { value: string }).value).toBe('sev2');
  });

  it('creates the channel with the pinned card and announces it in #incidents', async () => {
    const ack = await declare(t.ws, ALICE, 'sev1 Checkout API errors', { title: 'Checkout API errors', commander: BOB });
    expect(ack.status).toBe(200);
    await t.deliver();

    const channel = t.ws.channel('inc-1-checkout-api-errors');
    expect(channel).toBeDefined();
    expect(channel!.members).toEqual(expect.arrayContaining([ALICE, BOB]));
    expect(channel!.topic).toContain('INC-1');

    const pins = t.ws.pins(channel!.id);
    expect(pins).toHaveLength(1);
    const card = textOf(pins[0]!);
    expect(card).toContain('INC-1');
    expect(card).toContain('SEV-1');
    expect(card).toContain('<@U_BOB>');

    const announcements = t.ws.messages('incidents');
    expect(announcements).toHaveLength(1);
    expect(textOf(announcements[0]!)).toContain(`<#${channel!.id}>`);
  });

  it('keeps the modal open with the error under the title when it is blank', async () => {
    await command(t.ws, ALICE, 'general', 'declare');
    const view = await openedView(t.ws, ALICE, 'incident_declare');
    const ack = await t.ws.submitView({
      userId: ALICE,
      viewId: view.id,
      values: {
        [DECLARE_INPUT.title.block]: { [DECLARE_INPUT.title.action]: '   ' },
        [DECLARE_INPUT.severity.block]: { [DECLARE_INPUT.severity.action]: 'sev1' },
        [DECLARE_INPUT.scenario.block]: { [DECLARE_INPUT.scenario.action]: 'other' },
        [DECLARE_INPUT.impact.block]: { [DECLARE_INPUT.impact.action]: 'x' },
        [DECLARE_INPUT.commander.block]: { [DECLARE_INPUT.commander.action]: ALICE },
      },
    });
    expect(ack.body).toMatchObject({ response_action: 'errors', errors: { [DECLARE_INPUT.title.block]: expect.any(String) } });
    expect(topView(t.ws, ALICE).errors).not.toBeNull();
    expect(lastEphemeral(t.ws, ALICE)).not.toContain('Something went wrong');
  });
});
