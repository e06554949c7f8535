import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { BOB, declareValues, openedView, textOf } from '../helpers/flows.js';
import { GLOBAL_SHORTCUTS } from '../../src/slack/capabilities.js';
import { DECLARE_INPUT } from '../../src/slack/ids.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

describe('the "Declare incident" global shortcut', () => {
  it('opens the declare modal with the person as commander, and declaring from it opens the incident', async () => {
    const ack = await t.ws.globalShortcut({ userId: BOB, callbackId: GLOBAL_SHORTCUTS.declare });
    expect(ack.status).toBe(200);

    const view = await openedView(t.ws, BOB, 'incident_declare');
    const commander = (view.blocks as { block_id: string; element: Record<string, unknown> }[])
      .find((b) => b.block_id === DECLARE_INPUT.commander.block)!.element;
    expect(commander['initial_user']).toBe(BOB);

    const submitted = await t.ws.submitView({
      userId: BOB, viewId: view.id, values: declareValues({ title: 'Payments queue stuck', severity: 'sev2', commander: BOB }),
    });
    expect(submitted.status).toBe(200);
    expect(t.ws.openViews(BOB)).toEqual([]);
    await t.deliver();

    const channel = t.ws.channel('inc-1-payments-queue-stuck');
    expect(channel).toBeDefined();
    expect(channel!.members).toContain(BOB);
    const pins = t.ws.pins(channel!.id);
    expect(pins).toHaveLength(1);
    expect(textOf(pins[0]!)).toContain('SEV-2');
    expect(textOf(pins[0]!)).toContain(`<@${BOB}>`);

    const announcements = t.ws.messages('incidents');
    expect(announcements).toHaveLength(1);
    expect(textOf(announcements[0]!)).toContain(`<#${channel!.id}>`);
    expect(textOf(announcements[0]!)).toContain('Payments queue stuck');
  });
});
