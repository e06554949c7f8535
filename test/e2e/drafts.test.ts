import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SubmittedValues } from 'local-slack-workspace';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, channelId, command, declare, openedView, resolveValues, textOf, topView } from '../helpers/flows.js';
import { ACTION_ID, actionItemInput, RESOLVE_INPUT } from '../../src/slack/ids.js';

const CHANNEL = 'inc-1-checkout-failing';
const INTERNAL_IMPACT = 'payments-db-1.prod.internal failed over; checkout-api pods crashlooping on stale connections';
const CUSTOMER_IMPACT = 'Some customers could not pay by card for about forty minutes.';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await declare(t.ws, ALICE, 'sev1 Checkout failing', { impact: INTERNAL_IMPACT });
  await t.deliver();
});
afterAll(async () => t?.stop());

const channel = () => channelId(t.ws, CHANNEL);
const file = (id: string) => t.ws.files().find((f) => f.id === id)!;
const contentOf = (id: string) => file(id).content?.toString('utf8') ?? '';
const draftMessages = (kind: RegExp) => t.ws.messages(channel()).filter((m) => m.files.length > 0 && kind.test(textOf(m)));
const initialValue = (blocks: unknown[], blockId: string) =>
  (blocks as { block_id?: string; element?: { initial_value?: string } }[]).find((b) => b.block_id === blockId)?.element?.initial_value;
const titleRows = (blocks: unknown[]) => (blocks as { block_id?: string }[]).filter((b) => /^action_item_\d+_title$/.test(b.block_id ?? '')).length;

function item(row: number, title: string): SubmittedValues {
  const id = actionItemInput(row, 'title');
  return { [id.block]: { [id.action]: title } };
}

describe('the resolve form', () => {
  it('starts with four action-item rows and adds rows up to ten, keeping what was typed', async () => {
    await command(t.ws, ALICE, CHANNEL, 'resolve');
    let view = await openedView(t.ws, ALICE, 'incident_resolve');
    expect(titleRows(view.blocks)).toBe(4);
    const typed: SubmittedValues = {
      ...resolveValues({ customerImpact: CUSTOMER_IMPACT }),
      ...item(0, 'Alert on replica lag'),
      ...item(3, 'Canary checkout deploys'),
    };
    for (let rows = 5; rows <= 10; rows++) {
      const hash = view.hash;
      const ack = await t.ws.clickViewAction({ userId: ALICE, viewId: view.id, actionId: ACTION_ID.addActionItemRow, values: typed });
      expect(ack.status).toBe(200);
      // Replaced in place through views.update with its hash, after the click's ack.
      view = await vi.waitFor(() => {
        const top = topView(t.ws, ALICE);
        if (top.hash === hash) throw new Error('not updated yet');
        return top;
      }, { timeout: 10_000, interval: 10 });
      expect(titleRows(view.blocks)).toBe(rows);
      expect(initialValue(view.blocks, actionItemInput(0, 'title').block)).toBe('Alert on replica lag');
      expect(initialValue(view.blocks, RESOLVE_INPUT.customerImpact.block)).toBe(CUSTOMER_IMPACT);
      Object.assign(typed, item(rows - 1, `Follow-up ${rows}`));
    }
    expect(JSON.stringify(view.blocks)).not.toContain(ACTION_ID.addActionItemRow);
    const updates = t.ws.callLog().filter((c) => c.method === 'views.update');
    expect(updates).toHaveLength(6);
    expect(updates.every((c) => typeof c.params['hash'] === 'string' && c.outcome === 'ok')).toBe(true);

    const ack = await t.ws.submitView({ userId: ALICE, viewId: view.id, values: { ...typed, ...item(1, 'Second'), ...item(2, 'Third') } });
    expect(ack.body ?? '').toBeFalsy();
    await t.deliver();
    const items = await t.app.followups.list(1);
    expect(items.map((i) => i.title)).toEqual([
      'Alert on replica lag', 'Second', 'Third', 'Canary checkout deploys', ...[5, 6, 7, 8, 9, 10].map((n) => `Follow-up ${n}`),
    ]);
  });
});

describe('postmortem drafts from Slack', () => {
  it('posts the draft as one message with its first version attached', () => {
    const [draft, ...others] = draftMessages(/Postmortem draft/);
    expect(others).toHaveLength(0);
    expect(file(draft!.files[0]!).name).toBe('INC-1-postmortem-en-internal-v1.md');
    expect(contentOf(draft!.files[0]!)).toContain('Canary checkout deploys');
  });

  it('replaces it when written again: the same message, edited, the new version attached and the earlier one listed', async () => {
    const before = draftMessages(/Postmortem draft/)[0]!;
    const v1 = before.files[0]!;
    t.clock.advance({ minutes: 30 });
    expect(await command(t.ws, BOB, CHANNEL, 'postmortem')).toContain('replaces the current one');
    await t.deliver();

    const drafts = draftMessages(/Postmortem draft/);
    expect(drafts).toHaveLength(1);
    const after = drafts[0]!;
    expect(after.ts).toBe(before.ts);
    expect(after.edited).toBe(true);
    const v2 = after.files[0]!;
    expect(after.files).toEqual([v2]);
    expect(v2).not.toBe(v1);
    expect(file(v2).name).toBe('INC-1-postmortem-en-internal-v2.md');
    expect(file(v1).name).toBe('INC-1-postmortem-en-internal-v1.md');
    const text = textOf(after);
    expect(text).toContain('Version 2');
    expect(text).toContain('Earlier versions');
    expect(text).toContain('INC-1-postmortem-en-internal-v1.md');
    const v1Written = Math.floor(t.clock.now().minus({ minutes: 30 }).toSeconds());
    expect(text).toContain(`<!date^${v1Written}^`);
    // Nothing else that looks like a draft was posted.
    expect(t.ws.messages(channel()).filter((m) => m.files.length > 0)).toHaveLength(1);
    // The announcement links the newest internal draft.
    expect(textOf(t.ws.messages('incidents')[0]!)).toContain(v2);
  });

  it('writes the customer-facing draft with the customer-facing impact and none of the internal text', async () => {
    expect(await command(t.ws, ALICE, CHANNEL, 'postmortem external')).toContain('customer-facing postmortem draft');
    await t.deliver();
    const [external, ...more] = draftMessages(/Customer-facing postmortem draft/);
    expect(more).toHaveLength(0);
    const doc = contentOf(external!.files[0]!);
    expect(file(external!.files[0]!).name).toBe('INC-1-postmortem-en-external-v1.md');
    expect(doc).toContain(`## Who was affected\n\n- ${CUSTOMER_IMPACT}`);
    for (const piece of [INTERNAL_IMPACT, 'payments-db-1', 'crashlooping', 'checkout-api pods']) expect(doc).not.toContain(piece);
    // The internal draft still shows the internal impact.
    expect(contentOf(draftMessages(/Postmortem draft/).find((m) => !/Customer-facing/.test(textOf(m)))!.files[0]!)).toContain('crashlooping');

    await command(t.ws, ALICE, CHANNEL, 'postmortem external ko');
    await t.deliver();
    const ko = draftMessages(/Korean/).find((m) => /Customer-facing/.test(textOf(m)))!;
    expect(file(ko.files[0]!).name).toBe('INC-1-postmortem-ko-external-v1.md');
    expect(contentOf(ko.files[0]!)).toContain(CUSTOMER_IMPACT);
    expect(contentOf(ko.files[0]!)).not.toContain('payments-db-1');
  });

  it('tells what to type for words it does not know', async () => {
    for (const words of ['fr', 'ko en', 'public']) {
      const reply = await command(t.ws, ALICE, CHANNEL, `postmortem ${words}`);
      expect(reply).toContain('/incident postmortem [en|ko] [internal|external]');
    }
  });
});
