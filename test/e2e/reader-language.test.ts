import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/domain/texts/index.js';
import { englishLeftIn } from '../helpers/catalog.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, command, declare, openedView, resolveValues, visibleText } from '../helpers/flows.js';

/** Minji reads Slack in Korean (ko-KR in users.info); Alice in English. The bot speaks English (BOT_LOCALE unset). */
const MINJI = 'U_MINJI';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

describe("what a person sees alone, in their Slack language", () => {
  it('gives a Korean reader help in Korean, run by its Korean name, and an English reader help in English', async () => {
    const korean = await command(t.ws, MINJI, 'general', '도움말');
    expect(korean).toContain('/incident 선언 [sev1|sev2|sev3] [제목]');
    expect(korean).toContain('인시던트를 선언합니다');
    expect(englishLeftIn(korean ?? '', en)).toEqual([]);
    const english = await command(t.ws, ALICE, 'general', 'help');
    expect(english).toContain('Declare an incident (opens a form, prefilled)');
    expect(english).toContain('also `선언`');
  });

  it('opens the declare form in Korean from the Korean alias (its field errors: test/unit/blocks/declare-modal.test.ts)', async () => {
    await command(t.ws, MINJI, 'general', '선언 sev2 결제 장애');
    const view = await openedView(t.ws, MINJI, 'incident_declare');
    expect(view.title).toBe('인시던트 선언');
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain('결제 장애');
    expect(shown).toContain('영향받는 사용자');
    expect(englishLeftIn(shown, en)).toEqual([]);
    expect(JSON.parse(view.privateMetadata)).toEqual({ locale: 'ko' });
  });

  it('refuses in Korean for a Korean reader and in English for an English one', async () => {
    const korean = await command(t.ws, MINJI, 'general', '업데이트');
    expect(korean).toContain('인시던트 채널에서만 쓸 수 있습니다');
    expect(await command(t.ws, MINJI, 'general', '없는명령')).toContain('알 수 없는 명령입니다');
    const english = await command(t.ws, ALICE, 'general', 'update');
    expect(english).toContain("works in an incident's channel");
  });
});

describe("a refusal of the domain, in the language of the person refused", () => {
  it('refuses a Korean reader in Korean and an English reader in English, before and after the incident is resolved', async () => {
    await declare(t.ws, ALICE, 'sev2 Checkout API errors', { title: 'Checkout API errors', severity: 'sev2' });
    await t.deliver();
    const channel = t.ws.channel('inc-1-checkout-api-errors')!.id;

    // Minji is no lead, responder or admin: the policy refuses her, by the Korean alias, in Korean.
    const forbidden = await command(t.ws, MINJI, channel, '심각도 sev1');
    expect(forbidden).toContain('INC-1의 심각도를 바꿀 수 있는 사람은 지휘자(<@U_ALICE>)');
    expect(englishLeftIn(forbidden ?? '', en)).toEqual([]);

    await command(t.ws, ALICE, channel, 'resolve');
    const view = await openedView(t.ws, ALICE, 'incident_resolve');
    await t.ws.submitView({ userId: ALICE, viewId: view.id, values: resolveValues() });
    const korean = await command(t.ws, MINJI, channel, '업데이트');
    expect(korean).toBe(':warning: INC-1은(는) 이미 해결되었습니다. 다시 발생했다면 먼저 `/incident reopen`으로 재개하세요.');
    expect(await command(t.ws, ALICE, channel, 'update')).toBe(':warning: INC-1 is resolved. Use `/incident reopen` first if it is back.');
  });
});

describe("App Home, in the viewer's language", () => {
  it("publishes a Korean reader's App Home in Korean and an English reader's in English", async () => {
    await declare(t.ws, ALICE, 'sev1 Checkout failing', { title: 'Checkout failing', severity: 'sev1', commander: MINJI });
    const homeOf = async (userId: string) => {
      const published = () => t.ws.callLog().filter((c) => c.method === 'views.publish' && c.params['user_id'] === userId && c.outcome === 'ok').length;
      const before = published();
      await t.ws.openAppHome(userId);
      await expect.poll(async () => {
        await t.deliver();
        return published();
      }).toBeGreaterThan(before);
      await t.deliver();
      const home = t.ws.homeView(userId);
      return home ? visibleText({ text: '', blocks: home.blocks }) : '';
    };
    const korean = await homeOf(MINJI);
    expect(korean).toContain('진행 중인 인시던트 (1)');
    expect(korean).toMatch(/Checkout failing · \*인시던트 지휘자\*/);
    expect(korean).toContain('인시던트 선언');
    expect(englishLeftIn(korean, en)).toEqual([]);
    const english = await homeOf(ALICE);
    expect(english).toContain('Open incidents (1)');
    expect(english).toContain('Declare incident');
    expect(english).not.toMatch(/[\uac00-\ud7a3]/);
  });
});
