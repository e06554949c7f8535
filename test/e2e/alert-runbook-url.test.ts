/**
 * An alert's own runbook (the `runbook_url` annotation Prometheus rules carry), sent by Debian's
 * real Alertmanager: the alert's post in #incidents and its notice in the incident channel link
 * it; a link that is not http(s) is never shown as one.
 */
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { startAlertmanager, type RunningAlertmanager } from '../helpers/alertmanager.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const TOKEN = 'am-runbook-secret';
let t: TestApp | undefined;
let am: RunningAlertmanager | undefined;
afterEach(async () => {
  await am?.stop();
  await t?.stop();
  am = undefined;
  t = undefined;
});

/** What the message says in mrkdwn: its section and context texts. */
const mrkdwnOf = (message: { blocks: unknown[] }): string =>
  JSON.stringify(message.blocks).match(/"text":"(?:[^"\\]|\\.)*"/g)?.join('\n') ?? '';

describe("an alert's runbook_url", () => {
  it('is linked from the post in #incidents and from the notice in the incident channel; a javascript: one is not', async () => {
    t = await startTestApp({ env: { HOOKS_TOKEN: TOKEN }, clock: new SteppedClock(DateTime.utc().toISO()) });
    am = await startAlertmanager(`${t.app.url}/hooks/alertmanager`, TOKEN);
    const startsAt = DateTime.utc().minus({ minutes: 3 }).startOf('second').toISO();

    // No severity label the default rules know: posted to #incidents with a Declare button.
    await am.postAlerts([{
      labels: { alertname: 'DiskFilling', instance: 'db-2' },
      annotations: { summary: 'Disk 80% on db-2', runbook_url: 'https://runbooks.example.com/disk?host=db-2&fs=/var' },
      startsAt,
    }]);
    const post = await vi.waitFor(async () => {
      await t!.deliver();
      const found = t!.ws.messages('incidents').find((m) => m.text.includes('Disk 80% on db-2'));
      if (!found) throw new Error('not posted yet');
      return found;
    }, { timeout: 15_000, interval: 200 });
    expect(mrkdwnOf(post)).toContain('<https://runbooks.example.com/disk?host=db-2&amp;fs=/var|runbook>');

    // A critical alert declares; the next alert of its group joins the incident with a notice.
    const critical = { alertname: 'OrderDbPoolExhausted', severity: 'critical' };
    await am.postAlerts([{ labels: { ...critical, instance: 'order-1' }, annotations: { summary: 'order-service pool exhausted' }, startsAt }]);
    await vi.waitFor(async () => expect(await t!.app.incidents.find(1)).toBeDefined(), { timeout: 15_000, interval: 100 });
    await am.postAlerts([
      { labels: { ...critical, instance: 'order-2' }, annotations: { summary: 'order-2 pool exhausted', runbook_url: 'https://runbooks.example.com/order-db#pool' }, startsAt },
      { labels: { ...critical, instance: 'order-3' }, annotations: { summary: 'order-3 pool exhausted', runbook_url: 'javascript:alert(document.cookie)' }, startsAt },
    ]);
    const channel = () => t!.ws.channels().find((c) => c.name.startsWith('inc-1-'))!.name;
    const notices = await vi.waitFor(async () => {
      await t!.deliver();
      const found = t!.ws.messages(channel()).filter((m) => m.text.includes('alert firing'));
      if (found.length < 2) throw new Error(`${found.length} notices so far`);
      return found;
    }, { timeout: 15_000, interval: 200 });
    const order2 = notices.find((m) => m.text.includes('order-2'))!;
    const order3 = notices.find((m) => m.text.includes('order-3'))!;
    expect(mrkdwnOf(order2)).toContain('<https://runbooks.example.com/order-db#pool|runbook>');
    expect(mrkdwnOf(order3)).not.toContain('javascript');
    expect(mrkdwnOf(order3)).not.toContain('runbook');
  }, 60_000);
});
