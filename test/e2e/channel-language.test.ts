import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/domain/texts/index.js';
import { englishLeftIn } from '../helpers/catalog.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, command, declare, textOf } from '../helpers/flows.js';

/**
 * BOT_LOCALE=ko: what the bot says in channels is Korean; what one person sees alone stays in
 * their Slack language (Alice reads Slack in English; Minji in Korean).
 */
const MINJI = 'U_MINJI';
const CHANNEL = 'inc-1-checkout-failing';

const TOKEN = 'hooks-secret';
/** Alerts of team payments declare a SEV-1. */
const RULES = join(tmpdir(), `channel-language-rules-${process.pid}.yaml`);

let t: TestApp;
beforeAll(async () => {
  writeFileSync(RULES, ['rules:', '  - match: { team: payments }', '    severity: sev1'].join('\n'));
  t = await startTestApp({ env: { BOT_LOCALE: 'ko', HOOKS_TOKEN: TOKEN, ALERT_RULES: RULES } });
  await declare(t.ws, ALICE, 'sev1 Checkout failing', { title: 'Checkout failing', severity: 'sev1' });
  await t.deliver();
});
afterAll(async () => t?.stop());

describe('a workspace whose bot speaks Korean (BOT_LOCALE=ko)', () => {
  it('pins the card in Korean and announces the incident in #incidents in Korean', () => {
    const card = t.ws.pins(CHANNEL).map(textOf).find((text) => text.includes('"header"'))!;
    expect(card).toContain('SEV-1 — 전면 장애 또는 심각한 데이터 무결성 위험');
    expect(card).toContain('다음 업데이트 기한');
    expect(card).toContain('업데이트 게시');
    expect(englishLeftIn(card, en)).toEqual([]);

    const announcement = textOf(t.ws.messages('incidents')[0]!);
    expect(announcement).toContain('조사 중');
    expect(announcement).toContain('커맨더 <@U_ALICE>');
    expect(englishLeftIn(announcement, en)).toEqual([]);
    for (const message of t.ws.messages(CHANNEL)) expect(englishLeftIn(textOf(message), en)).toEqual([]);
  });

  it('reminds of a due status update in #incidents in Korean, under the announcement', async () => {
    t.clock.advance({ minutes: 15 });
    expect(await t.app.reminders.tick()).toBe(1);
    await t.deliver();
    const announcement = t.ws.messages('incidents')[0]!;
    const reminder = t.ws.replies('incidents', announcement.ts).map(textOf).find((text) => text.includes('상황 업데이트 기한'))!;
    expect(reminder).toContain('<@U_ALICE>님, *INC-1* Checkout failing의 1번째 상황 업데이트 기한은');
    expect(reminder).toContain('10분 미루기 (3회 남음)');
    expect(englishLeftIn(reminder, en)).toEqual([]);
  });

  it("answers an English reader's command in English, and a Korean reader's in Korean", async () => {
    expect(await command(t.ws, ALICE, CHANNEL, 'help')).toContain('Post a status update (opens a form)');
    const english = await command(t.ws, ALICE, 'general', 'update');
    expect(english).toContain("works in an incident's channel");
    const korean = await command(t.ws, MINJI, 'general', 'update');
    expect(korean).toContain('인시던트 채널에서만 쓸 수 있습니다');
  });

  it("writes what the bot puts into an incident an alert declared in Korean: its impact and the step to follow the alert's runbook", async () => {
    const body = {
      version: '4', groupKey: '{}:{alertname="PaymentsDbDown"}', status: 'firing', receiver: 'bot', groupLabels: {}, commonLabels: { team: 'payments' },
      commonAnnotations: {}, externalURL: 'http://alertmanager:9093', truncatedAlerts: 0,
      alerts: [{
        status: 'firing', fingerprint: 'a1', startsAt: '2026-11-25T02:55:00Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: '',
        labels: { alertname: 'PaymentsDbDown', team: 'payments' }, annotations: { summary: '결제 DB 다운', runbook_url: 'https://runbooks.example.com/payments-db' },
      }],
    };
    const answer = await fetch(`${t.app.url}/hooks/alertmanager`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body),
    });
    expect(await answer.json()).toEqual({ outcome: 'declared', incident: 'INC-2' });
    await t.deliver();
    const channel = t.ws.channels().find((c) => c.name.startsWith('inc-2-'))!.name;
    const shown = t.ws.messages(channel).map(textOf);
    expect(shown.join('\n')).toContain('Alertmanager 알림으로 선언됨: 결제 DB 다운');
    const tasks = shown.find((text) => text.includes('체크리스트: 작업'))!;
    expect(tasks).toContain('알림의 런북을 따릅니다: 결제 DB 다운');
    expect(tasks).toContain('런북 링크');
    for (const text of shown) expect(englishLeftIn(text, en)).toEqual([]);
  });
});
