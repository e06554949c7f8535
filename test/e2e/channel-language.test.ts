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

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { BOT_LOCALE: 'ko' } });
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
    expect(announcement).toContain('지휘자 <@U_ALICE>');
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
});
