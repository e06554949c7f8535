import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, textsFor } from '../../src/domain/texts/index.js';
import { DECLARE_INPUT, UPDATE_INPUT } from '../../src/slack/ids.js';
import { englishLeftIn } from '../helpers/catalog.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, command, declare, declareValues, openedView, resolveValues, updateValues, visibleText } from '../helpers/flows.js';

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
    expect(forbidden).toContain('INC-1의 심각도를 바꿀 수 있는 사람은 커맨더(<@U_ALICE>)');
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
    expect(korean).toMatch(/Checkout failing · \*인시던트 커맨더\*/);
    expect(korean).toContain('인시던트 선언');
    expect(englishLeftIn(korean, en)).toEqual([]);
    const english = await homeOf(ALICE);
    expect(english).toContain('Open incidents (1)');
    expect(english).toContain('Declare incident');
    expect(english).not.toMatch(/[\uac00-\ud7a3]/);
  });
});

describe("every reply of a subcommand, in the typist's language", () => {
  it('answers a Korean commander in Korean throughout, each run by its Korean name', async () => {
    await declare(t.ws, ALICE, 'sev3 Search slow', { title: 'Search slow', severity: 'sev3', commander: MINJI });
    await t.deliver();
    const channel = t.ws.channel('inc-3-search-slow')!.id;
    const expectations: [string, string][] = [
      ['심각도', '심각도를 지정해 주세요'],
      ['심각도 sev2', 'INC-3의 심각도를 SEV-2(으)로 바꿨습니다. 상태 업데이트는 30분마다입니다.'],
      ['심각도 sev2', 'INC-3은(는) 이미 SEV-2입니다.'],
      ['상태', '상태를 지정해 주세요'],
      ['상태 resolved', '`/incident resolve`를 쓰세요'],
      ['상태 identified', "INC-3의 상태를 '원인 파악'(으)로 바꿨습니다."],
      ['배정 scribe <@U_ALICE>', '<@U_ALICE> 님이 이제 INC-3의 기록 담당입니다.'],
      ['배정 scribe', '역할과 사람을 지정해 주세요'],
      ['메모 검색 인덱스 재구축 시작', '타임라인에 기록했습니다.'],
      ['메모 23:59 캐시 비움', '현재('],
      ['메모 25:99 캐시 비움', '읽을 수 없는 시각입니다'],
      ['시나리오', '시나리오를 지정해 주세요'],
      ['시나리오 deploy', "INC-3의 시나리오를 '배포 / 릴리스 인시던트'(으)로 바꿨습니다."],
      ['체크리스트', 'INC-3에는 체크리스트가 없습니다.'],
      ['작업', '할 일을 적어 주세요'],
      ['작업 검색 클러스터 증설 <@U_ALICE>', 'INC-3의 할 일에 추가하고 <@U_ALICE> 님에게 배정했습니다: 검색 클러스터 증설.'],
      ['런북', '불러온 런북이 없습니다'],
      ['사후분석 영어', '어떤 초안인지 지정해 주세요'],
      ['타임라인 처음', '최근 항목은'],
      ['후속조치목록', '아직 후속 조치가 없습니다.'],
      [`후속조치 ${'가'.repeat(400)}`, '후속 조치 제목은 최대'],
      ['재개', 'INC-3은(는) 아직 진행 중입니다.'],
      ['인사이트 언제나', '형식으로 입력하세요'],
    ];
    for (const [typed, expected] of expectations) {
      const reply = await command(t.ws, MINJI, channel, typed);
      expect({ typed, reply }).toEqual({ typed, reply: expect.stringContaining(expected) });
      expect({ typed, left: englishLeftIn(reply ?? '', en) }).toEqual({ typed, left: [] });
    }
    // The future note's refusal offers to record it now, on a Korean button.
    expect(JSON.stringify(t.ws.ephemerals(MINJI).find((m) => m.text.includes('23:59'))?.blocks)).toContain('지금 시각으로 기록');
  });
});

describe('a form in the language of the person who opens it', () => {
  it("opens a Korean reader's update form in Korean and answers a bad submission's field errors in Korean; an English reader's stays English", async () => {
    await declare(t.ws, ALICE, 'sev1 Database down', { title: 'Database down', severity: 'sev1' });
    await t.deliver();
    const { id: channel, name } = t.ws.channels().find((c) => c.name.endsWith('-database-down'))!;
    const ref = `INC-${name.split('-')[1]}`;

    await command(t.ws, MINJI, channel, '업데이트');
    const korean = await openedView(t.ws, MINJI, 'incident_update');
    expect(korean.title).toBe(`${ref} 업데이트`);
    expect(JSON.stringify(korean.blocks)).toContain('현재 영향 범위');
    expect(englishLeftIn(JSON.stringify(korean), en)).toEqual([]);
    const refused = await t.ws.submitView({ userId: MINJI, viewId: korean.id, values: { ...updateValues('sev1', 'identified'), [UPDATE_INPUT.summary.block]: { [UPDATE_INPUT.summary.action]: '   ' } } });
    expect(refused.body).toEqual({ response_action: 'errors', errors: { [UPDATE_INPUT.summary.block]: '무엇이 바뀌었고 다음에 무엇을 하는지 적어 주세요.' } });

    await command(t.ws, ALICE, channel, 'update');
    const english = await openedView(t.ws, ALICE, 'incident_update');
    expect(english.title).toBe(`Update ${ref}`);
    const answered = await t.ws.submitView({ userId: ALICE, viewId: english.id, values: { ...updateValues('sev1', 'identified'), [UPDATE_INPUT.summary.block]: { [UPDATE_INPUT.summary.action]: '   ' } } });
    expect(answered.body).toEqual({ response_action: 'errors', errors: { [UPDATE_INPUT.summary.block]: 'Say what changed and what happens next.' } });
  });
});

describe("a form's refusal by the domain, in the language the form was shown in", () => {
  it("puts the declare form's time error in Korean on its field", async () => {
    await command(t.ws, MINJI, 'general', '선언 sev2 결제 장애');
    const view = await openedView(t.ws, MINJI, 'incident_declare');
    // An hour after the clock's now (START): the domain refuses an impact that starts in the future.
    const future = String(Math.floor(Date.parse('2026-11-25T04:00:00Z') / 1000));
    const ack = await t.ws.submitView({
      userId: MINJI, viewId: view.id, values: { ...declareValues({ title: '결제 장애', severity: 'sev2' }), [DECLARE_INPUT.startedAt.block]: { [DECLARE_INPUT.startedAt.action]: future } },
    });
    expect(ack.body).toEqual({ response_action: 'errors', errors: { [DECLARE_INPUT.startedAt.block]: textsFor('ko').errors.impactInFuture } });
    await t.ws.closeView(MINJI);
  });
});
