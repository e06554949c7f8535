import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, channelId, command, declare, openedView, resolveValues, textOf, updateValues } from '../helpers/flows.js';
import { UPDATE_INPUT } from '../../src/slack/ids.js';

const CHANNEL = 'inc-1-checkout-failing';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await declare(t.ws, ALICE, 'sev1 Checkout failing', { scenario: 'database' });
  await t.deliver();
});
afterAll(async () => t?.stop());

const channel = () => channelId(t.ws, CHANNEL);
const card = () => textOf(t.ws.pins(channel())[0]!);
const announcement = () => textOf(t.ws.messages('incidents')[0]!);
const latestDraft = (kind: RegExp) => {
  const message = t.ws.messages(channel()).filter((m) => m.files.length > 0 && kind.test(textOf(m)))[0]!;
  return t.ws.files().find((f) => f.id === message.files[0])!.content!.toString('utf8');
};

describe('an outage that ran as SEV-1 until a late downgrade', () => {
  it('shows the peak beside the current severity on the card once it is downgraded', async () => {
    t.clock.advance({ minutes: 40 });
    expect(await command(t.ws, ALICE, CHANNEL, 'severity sev2')).toContain('is now SEV-2');
    await t.deliver();
    expect(card()).toContain('SEV-2 now, SEV-1 peak');
  });

  it('changes the scenario from the update form, and with /incident scenario', async () => {
    await command(t.ws, BOB, CHANNEL, 'update');
    const view = await openedView(t.ws, BOB, 'incident_update');
    const scenarioField = JSON.stringify(view.blocks.find((b) => (b as { block_id?: string }).block_id === UPDATE_INPUT.scenario.block));
    expect(scenarioField).toContain('"initial_option":{"text":{"type":"plain_text","text":"Database outage"');
    const values = { ...updateValues('sev2', 'identified', 'traffic spike'), [UPDATE_INPUT.scenario.block]: { [UPDATE_INPUT.scenario.action]: 'overload' } };
    expect((await t.ws.submitView({ userId: BOB, viewId: view.id, values })).body ?? '').toBeFalsy();
    await t.deliver();
    expect(card()).toContain('Overload / traffic surge');

    expect(await command(t.ws, ALICE, CHANNEL, 'scenario rollback')).toContain('/incident scenario <database|redis|deploy|overload|other>');
    expect(await command(t.ws, ALICE, CHANNEL, 'scenario deploy')).toBe(
      'INC-1 is now a deploy / release incident; the postmortem draft follows its template.',
    );
    expect(await command(t.ws, ALICE, CHANNEL, 'scenario deploy')).toContain('already a deploy / release incident');
    await t.deliver();
    const notices = t.ws.messages(channel()).map(textOf).filter((m) => m.includes('changed the scenario'));
    expect(notices).toHaveLength(2);
    expect(notices[1]).toContain('from *Overload / traffic surge* to *Deploy / release incident*');
    expect(card()).toContain('Deploy / release incident');
  });

  it('says peak and final in the resolved notice, the announcement and the draft, whose section is the rollback record', async () => {
    await command(t.ws, ALICE, CHANNEL, 'resolve');
    const view = await openedView(t.ws, ALICE, 'incident_resolve');
    await t.ws.submitView({ userId: ALICE, viewId: view.id, values: resolveValues({ summary: 'Rolled back release 2.3.1' }) });
    await t.deliver();

    const resolvedNotice = t.ws.messages(channel()).map(textOf).find((m) => m.includes('Rolled back release 2.3.1'))!;
    expect(resolvedNotice).toContain('SEV-1 peak, SEV-2 at resolution');
    const thread = t.ws.replies('incidents', t.ws.messages('incidents')[0]!.ts).map(textOf);
    expect(thread.some((m) => m.includes('Rolled back release 2.3.1') && m.includes('SEV-1 peak, SEV-2 at resolution'))).toBe(true);
    expect(announcement()).toContain('SEV-1 peak, SEV-2 at resolution');
    expect(card()).toContain('SEV-1 peak, SEV-2 at resolution');

    const doc = latestDraft(/Postmortem draft/);
    expect(doc).toContain('| Severity | SEV-1 peak, SEV-2 at resolution — Major degradation of key workflows |');
    expect(doc).toContain('SEV-1 peak, SEV-2 at resolution · Deploy / release incident');
    expect(doc).toContain('## Rollback / redeploy record');
    expect(doc).toContain('Previous known-good version rolled back to, and when');
    expect(doc).not.toContain('## Follow-ups');
    expect(doc).not.toContain('## Capacity / performance follow-ups');
    expect(doc).toContain('Scenario changed: Database outage → Overload / traffic surge');
    expect(doc).toContain('Scenario changed: Overload / traffic surge → Deploy / release incident');
  });

  it('writes the same in Korean', async () => {
    await command(t.ws, ALICE, CHANNEL, 'postmortem ko');
    await t.deliver();
    const ko = latestDraft(/Korean/);
    expect(ko).toContain('최고 SEV-1, 해결 시 SEV-2');
    expect(ko).toContain('## 롤백/재배포 기록');
    expect(ko).toContain('시나리오 변경: DB 장애 → 과부하(트래픽 급증)');
  });
});
