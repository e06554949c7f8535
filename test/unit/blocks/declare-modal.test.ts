import { describe, expect, it } from 'vitest';
import { en, textsFor } from '../../../src/domain/texts/index.js';
import { englishLeftIn } from '../../helpers/catalog.js';
import { declareModal, parseDeclareView } from '../../../src/slack/blocks/declare-modal.js';
import { CALLBACK_ID, DECLARE_INPUT as D } from '../../../src/slack/ids.js';
import { HOSTILE, StateBuilder } from './fixtures.js';
import { expectModalLimits, renderedText } from './slack-checks.js';

function valid(): StateBuilder {
  return new StateBuilder()
    .text(D.title, '  Checkout API returning 5xx  ')
    .select(D.severity, 'sev2')
    .select(D.scenario, 'deploy')
    .text(D.impact, 'Checkout fails for 30% of users')
    .user(D.commander, 'UCMDR')
    .checkboxes(D.drill, []);
}

const parse = (s: StateBuilder) => parseDeclareView({ state: { values: s.values } });

describe('declareModal', () => {
  it('is a valid modal with every field, prefilled', () => {
    const view = declareModal({ commanderId: 'UDECL', title: 'DB down', severity: 'sev1' }, en);
    expectModalLimits(view);
    expect(view.callback_id).toBe(CALLBACK_ID.declare);
    const json = JSON.stringify(view);
    expect(json).toContain('"initial_user":"UDECL"');
    expect(json).toContain('"initial_value":"DB down"');
    expect(view.blocks.map((b) => b.block_id)).toEqual(
      [D.title, D.severity, D.scenario, D.impact, D.startedAt, D.detectedAt, D.commander, D.drill].map((i) => i.block),
    );
    const text = renderedText(view);
    expect(text).toContain('SEV-1 · Complete outage or critical data-integrity risk');
    expect(text).toContain('SEV-3 · Partial degradation with a workaround');
    expect(text).toContain('Redis / rate-limit backend outage');
  });

  it('leaves severity unselected without a prefill and clips a long prefilled title', () => {
    const view = declareModal({ commanderId: 'U1', title: 'x'.repeat(400) }, en);
    expect(JSON.stringify(view.blocks[1])).not.toContain('initial_option');
    expect(JSON.stringify(view)).toContain(`"initial_value":"${'x'.repeat(149)}…"`);
    expectModalLimits(view);
  });

  it('keeps a hostile prefilled title as plain text', () => {
    const view = declareModal({ commanderId: 'U1', title: HOSTILE }, en);
    expect(JSON.stringify(view)).toContain(JSON.stringify(HOSTILE).slice(1, -1));
  });
});

describe('parseDeclareView', () => {
  it('parses a valid submission, trimmed', () => {
    expect(parse(valid())).toEqual({
      ok: true,
      value: {
        title: 'Checkout API returning 5xx',
        severity: 'sev2',
        scenario: 'deploy',
        impact: 'Checkout fails for 30% of users',
        commanderId: 'UCMDR',
        isDrill: false,
        isPrivate: false,
      },
    });
  });

  it('reads the drill checkbox', () => {
    const r = parse(valid().checkboxes(D.drill, ['drill']));
    expect(r.ok && r.value.isDrill).toBe(true);
  });

  it.each([
    ['empty title', (s: StateBuilder) => s.text(D.title, '   '), D.title.block, 'Give the incident a title.'],
    ['title too long', (s: StateBuilder) => s.text(D.title, 'x'.repeat(151)), D.title.block, '150'],
    ['no severity', (s: StateBuilder) => s.select(D.severity, null), D.severity.block, 'Choose a severity.'],
    ['unknown severity', (s: StateBuilder) => s.select(D.severity, 'sev9'), D.severity.block, 'Choose a severity.'],
    ['no scenario', (s: StateBuilder) => s.select(D.scenario, null), D.scenario.block, 'scenario'],
    ['empty impact', (s: StateBuilder) => s.text(D.impact, ''), D.impact.block, 'impact'],
    ['no commander', (s: StateBuilder) => s.user(D.commander, null), D.commander.block, 'commander'],
  ])('%s → error on its block', (_name, mutate, block, message) => {
    const r = parse(mutate(valid()));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors)).toEqual([block]);
    expect(r.errors[block]).toContain(message);
  });

  it('reports every missing field at once', () => {
    const r = parseDeclareView({ state: { values: {} } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.errors).sort()).toEqual(
        [D.title, D.severity, D.scenario, D.impact, D.commander].map((i) => i.block).sort(),
      );
    }
  });
});

describe('the declare modal in Korean', () => {
  const ko = textsFor('ko');

  it("keeps Slack's modal limits and none of the English catalog's sentences; severity names stay SEV-n", () => {
    const view = declareModal({ commanderId: 'U1', title: 'DB 장애', severity: 'sev1', alertId: 7 }, ko);
    expectModalLimits(view);
    const text = renderedText(view);
    expect(englishLeftIn(JSON.stringify(view), en)).toEqual([]);
    expect(view.title.text).toBe('인시던트 선언');
    expect(text).toContain('SEV-1 · 전면 장애 또는 심각한 데이터 무결성 위험');
    expect(text).toContain('기본적으로 15분마다 상황 업데이트');
  });

  it('answers field errors in the language the form was shown in, and keeps the alert it came from', () => {
    const view = declareModal({ commanderId: 'U1', alertId: 7 }, ko);
    const empty = new StateBuilder().text(D.title, '').text(D.impact, '');
    const result = parseDeclareView({ state: { values: empty.values }, private_metadata: view.private_metadata });
    expect(result).toMatchObject({ ok: false, errors: { [D.title.block]: '인시던트 제목을 입력해 주세요.', [D.impact.block]: ko.declare.errors.impactMissing } });
    const english = parseDeclareView({ state: { values: empty.values }, private_metadata: declareModal({ commanderId: 'U1' }, en).private_metadata });
    expect(english).toMatchObject({ ok: false, errors: { [D.title.block]: 'Give the incident a title.' } });
    const submitted = parseDeclareView({ state: { values: valid().values }, private_metadata: view.private_metadata });
    expect(submitted).toMatchObject({ ok: true, value: { fromAlertId: 7 } });
  });
});
