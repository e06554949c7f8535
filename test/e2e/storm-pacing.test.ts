/**
 * A storm at Slack's rate limit, in small: the workspace allows one message a second per channel
 * and answers 429 with Retry-After beyond it. The bot honours Retry-After for that method and
 * channel (no more calls there until it passes), other channels' messages go at once, and every
 * message arrives once, in order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, command, declare, textOf } from '../helpers/flows.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const posts = (channel: string) => t!.ws.callLog().filter((c) => c.method === 'chat.postMessage' && c.params['channel'] === channel);

/** Delivers until nothing is pending, a (real and app) second at a time: the workspace's limit runs on real time. */
async function deliverAll(rounds = 30) {
  for (let i = 0; i < rounds; i++) {
    await t!.deliver();
    const pending = (await fetch(`${t!.app.url}/metrics`).then((r) => r.text())).match(/^incident_bot_outbox_pending (\d+)/m);
    if (Number(pending?.[1] ?? 0) === 0) return;
    t!.clock.advance({ seconds: 1 });
    await sleep(1050);
  }
  throw new Error('the outbox did not drain');
}

describe('storms at Slack rate limit', () => {
  it("holds a rate-limited channel for its Retry-After, serves the others at once, and loses or doubles nothing", async () => {
    t = await startTestApp({ workspace: { rateLimits: { 'chat.postMessage': { perChannelPerSecond: 1 } } } });
    const titles = ['Alpha', 'Bravo', 'Charlie'];
    for (const title of titles) await declare(t.ws, ALICE, `sev2 ${title}`, { title, severity: 'sev2' });
    await deliverAll();
    const incidents = t.ws.channel('incidents')!.id;
    await sleep(1050);

    // Each incident changes status: a notice in its own channel and one under its announcement in #incidents.
    for (const [i, title] of titles.entries()) await command(t.ws, ALICE, `inc-${i + 1}-${title.toLowerCase()}`, 'status identified');
    const before = posts(incidents).length;
    await t.deliver();

    // Every incident channel got its notice in the first pass: one busy channel holds no other back.
    for (const [i, title] of titles.entries()) {
      expect(t.ws.messages(`inc-${i + 1}-${title.toLowerCase()}`).some((m) => textOf(m).includes('Identified'))).toBe(true);
    }
    // #incidents took one, answered 429 once, and was not called again until Retry-After passed.
    const first = posts(incidents).slice(before);
    expect(first.filter((c) => c.outcome === 'ok')).toHaveLength(1);
    expect(first.filter((c) => c.fault === '429')).toHaveLength(1);

    await deliverAll();
    const announcement = t.ws.messages('incidents');
    const notices = announcement.flatMap((a) => t!.ws.replies('incidents', a.ts)).filter((m) => textOf(m).includes('Identified'));
    expect(notices).toHaveLength(titles.length);
    // Each 429 bought a wait: never two in a row without the pause it asked for.
    expect(posts(incidents).slice(before).filter((c) => c.fault === '429').length).toBeLessThanOrEqual(titles.length);
  }, 60_000);
});
