/**
 * Seed 002 (the order-service database outage, 2024-11-15) replayed from Slack alone, through the
 * local workspace: detection backdated to 14:23 KST on the declare form, the acknowledgement at
 * 14:25 marked as a milestone, the entries from 14:30 to 15:30 as messages people post in the
 * incident channel and pin with 📌, the resolve at 15:47. The draft must tell it as the seed does.
 */
import { DateTime } from 'luxon';
import type { SubmittedValues } from 'local-slack-workspace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { strings } from '../../src/domain/postmortem/i18n.js';
import { DECLARE_INPUT, TIMELINE_INPUT, type InputId } from '../../src/slack/ids.js';
import { SEED_002_TIMELINE } from '../unit/postmortem/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, CAROL, command, declareValues, openedView, resolveValues } from '../helpers/flows.js';

const TOKEN = 'seed-api-token';
const kst = (hhmm: string) => DateTime.fromISO(`2024-11-15T${hhmm}:00`, { zone: 'Asia/Seoul' });
const unix = (hhmm: string) => String(Math.floor(kst(hhmm).toSeconds()));
const pick = (id: InputId, value: string): SubmittedValues => ({ [id.block]: { [id.action]: value } });

/** The seed's timeline, as its postmortem lists it. */
const SEED = SEED_002_TIMELINE;

let t: TestApp;
let channel: string;
beforeAll(async () => {
  // 14:24 KST: the on-call engineer declares a minute after the alert.
  t = await startTestApp({ clock: new SteppedClock(kst('14:24').toUTC().toISO()!), env: { EXPORT_TIME_ZONE: 'Asia/Seoul', API_TOKEN: TOKEN } });
  const at = (hhmm: string) => t.clock.set(kst(hhmm).toUTC());

  await command(t.ws, ALICE, 'general', 'declare sev1 Production database outage');
  const form = await openedView(t.ws, ALICE, 'incident_declare');
  const declared = await t.ws.submitView({
    userId: ALICE,
    viewId: form.id,
    values: {
      ...declareValues({ title: 'Production database outage', severity: 'sev1', scenario: 'database', impact: 'All writes to the order-service database fail', commander: ALICE }),
      ...pick(DECLARE_INPUT.startedAt, unix('14:23')),
      ...pick(DECLARE_INPUT.detectedAt, unix('14:23')),
    },
  });
  expect(declared.body).toBeFalsy();
  await t.deliver();
  channel = t.ws.channels().find((c) => c.name.startsWith('inc-1-'))!.name;

  // The alert and the acknowledgement, as timeline entries with their milestones.
  for (const [hhmm, text, milestone, who] of [
    ['14:23', SEED[0]![1], 'detected', ALICE],
    ['14:25', SEED[1]![1], 'acknowledged', BOB],
  ] as const) {
    at(hhmm === '14:23' ? '14:24' : '14:25');
    await command(t.ws, who, channel, 'timeline add');
    const entry = await openedView(t.ws, who, 'incident_timeline_entry');
    const ack = await t.ws.submitView({
      userId: who, viewId: entry.id,
      values: { ...pick(TIMELINE_INPUT.at, unix(hhmm)), ...pick(TIMELINE_INPUT.text, text), ...pick(TIMELINE_INPUT.milestone, milestone) },
    });
    expect(ack.body).toBeFalsy();
  }

  // What people said in the channel, pinned into the timeline as it happened.
  for (const [hhmm, text] of SEED.slice(2, 10)) {
    at(hhmm);
    const message = await t.ws.postAsUser({ userId: BOB, channelId: t.ws.channel(channel)!.id, text });
    await t.ws.react({ userId: CAROL, channelId: t.ws.channel(channel)!.id, ts: message.ts, name: 'pushpin' });
    await t.deliver();
  }

  at('15:47');
  await command(t.ws, ALICE, channel, 'resolve');
  const resolve = await openedView(t.ws, ALICE, 'incident_resolve');
  await t.ws.submitView({
    userId: ALICE, viewId: resolve.id,
    values: resolveValues({ summary: SEED[10]![1], rootCause: 'A long-running analytical query from the report-generator batch job' }),
  });
  await t.deliver();
}, 60_000);
afterAll(async () => t?.stop());

async function draft(locale: 'en' | 'ko'): Promise<string> {
  const res = await fetch(`${t.app.url}/api/incidents/INC-1/postmortem.md?locale=${locale}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The timeline's lines, Markdown escapes taken out so they read as people wrote them. */
const timelineLines = (markdown: string) => markdown.split('\n').filter((l) => /^- \d{2}:\d{2}/.test(l)).map((l) => l.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1'));

describe('seed 002 replayed from Slack alone', () => {
  it.each(['en', 'ko'] as const)('%s: 84 minutes from impact to resolution, 2 to acknowledge, the seed’s 11 entries at its KST times, once each and in order', async (locale) => {
    const markdown = await draft(locale);
    const s = strings(locale);
    expect(markdown).toContain(`| ${s.metrics.timeToResolve} | ${s.minutes(84)} |`);
    expect(markdown).toContain(`| ${s.metrics.timeToAcknowledge} | ${s.minutes(2)} |`);

    const lines = timelineLines(markdown);
    const found = SEED.map(([hhmm, text]) => {
      // The resolve is told in the draft's own words; the others in the words people used.
      const matches = hhmm === '15:47'
        ? lines.filter((l) => l.startsWith(`- 15:47`) && l.includes(s.events.resolved))
        : lines.filter((l) => l.includes(text));
      expect(matches, `${hhmm} ${text}`).toHaveLength(1);
      expect(matches[0]!.startsWith(`- ${hhmm}`), matches[0]).toBe(true);
      return lines.indexOf(matches[0]!);
    });
    expect(found).toEqual([...found].sort((a, b) => a - b));
  });
});
