import { DateTime } from 'luxon';
import { en } from '../../../src/domain/texts/index.js';
import { describe, expect, it } from 'vitest';
import { parseResolveView, resolveModal, splitLines } from '../../../src/slack/blocks/resolve-modal.js';
import { ACTION_ID, actionItemInput, CALLBACK_ID, RESOLVE_INPUT as R } from '../../../src/slack/ids.js';
import { HOSTILE, makeIncident, StateBuilder, T0 } from './fixtures.js';
import { expectModalLimits, expectNoSmuggling, renderedText } from './slack-checks.js';

const meta = JSON.stringify({ incidentId: 42 });
const required = () =>
  new StateBuilder()
    .text(R.summary, 'Failed over to the replica')
    .text(R.rootCause, 'Primary disk full')
    .radio(R.rootCauseCertainty, 'confirmed');

const parse = (s: StateBuilder, now?: DateTime) =>
  parseResolveView({ state: { values: s.values }, private_metadata: meta }, now);

describe('resolveModal', () => {
  it('asks for summary, root cause, certainty and the optional recovery facts', () => {
    const view = resolveModal({ incident: makeIncident({ title: HOSTILE, isDrill: true }) }, en);
    expectModalLimits(view);
    expectNoSmuggling(view);
    expect(view.callback_id).toBe(CALLBACK_ID.resolve);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ incidentId: 42, rows: 4, locale: 'en' });
    const text = renderedText(view);
    for (const label of ['Resolution summary', 'Root cause', 'Confirmed', 'Suspected', 'Contributing factors', 'Recovery signal', 'Which signal showed recovery', 'Recovered at', 'Customer-facing impact', 'Business impact', 'DRILL']) {
      expect(text).toContain(label);
    }
    const optional = view.blocks.filter((b) => (b as { optional?: boolean }).optional).map((b) => b.block_id).filter((id) => id?.startsWith('resolve_'));
    expect(optional.sort()).toEqual(
      [R.contributingFactors, R.recoverySignal, R.recoveredAt, R.customerImpact, R.businessImpact].map((i) => i.block).sort(),
    );
  });
});

describe('action-item rows of the resolve modal', () => {
  const rowsOf = (view: ReturnType<typeof resolveModal>) =>
    view.blocks.filter((b) => b.block_id?.startsWith('action_item_') && b.block_id.endsWith('_title')).length;
  const addButton = (view: ReturnType<typeof resolveModal>) => JSON.stringify(view.blocks).includes(ACTION_ID.addActionItemRow);
  type Element = { initial_value?: string; initial_option?: { value: string }; initial_user?: string; initial_date_time?: number };
  const element = (view: ReturnType<typeof resolveModal>, blockId: string) =>
    (view.blocks.find((b) => b.block_id === blockId) as { element?: Element } | undefined)?.element;

  it('starts with four rows and a button for another, and stops offering it at ten', () => {
    const first = resolveModal({ incident: makeIncident() }, en);
    expect(rowsOf(first)).toBe(4);
    expect(addButton(first)).toBe(true);
    const full = resolveModal({ incident: makeIncident(), rows: 10 }, en);
    expect(rowsOf(full)).toBe(10);
    expect(addButton(full)).toBe(false);
    expect(renderedText(full)).toContain('/incident followup');
    expectModalLimits(full);
    expect(rowsOf(resolveModal({ incident: makeIncident(), rows: 11 }, en))).toBe(10);
  });

  it('keeps what was entered when it is rebuilt with another row', () => {
    const entered = required()
      .text(R.customerImpact, 'Some customers could not pay')
      .dateTime(R.recoveredAt, 1_732_500_000)
      .text(actionItemInput(3, 'title'), 'Alert on replica lag')
      .user(actionItemInput(3, 'owner'), 'U_BOB')
      .select(actionItemInput(3, 'horizon'), 'long_term').values;
    const view = resolveModal({ incident: makeIncident(), rows: 5, entered }, en);
    expect(rowsOf(view)).toBe(5);
    expect(element(view, R.summary.block)?.initial_value).toBe('Failed over to the replica');
    expect(element(view, R.rootCauseCertainty.block)?.initial_option?.value).toBe('confirmed');
    expect(element(view, R.customerImpact.block)?.initial_value).toBe('Some customers could not pay');
    expect(element(view, R.recoveredAt.block)?.initial_date_time).toBe(1_732_500_000);
    expect(element(view, actionItemInput(3, 'title').block)?.initial_value).toBe('Alert on replica lag');
    expect(element(view, actionItemInput(3, 'owner').block)?.initial_user).toBe('U_BOB');
    expect(element(view, actionItemInput(3, 'horizon').block)?.initial_option?.value).toBe('long_term');
    expect(element(view, actionItemInput(4, 'title').block)?.initial_value).toBeUndefined();
    expectModalLimits(view);
  });

  it('reads as many rows as the form had', () => {
    const values = required().text(actionItemInput(9, 'title'), 'Tenth item').values;
    const parsed = parseResolveView({ state: { values }, private_metadata: JSON.stringify({ incidentId: 42, rows: 10 }) });
    expect(parsed.ok && parsed.value.actionItems.map((i) => i.title)).toEqual(['Tenth item']);
    const older = parseResolveView({ state: { values }, private_metadata: meta });
    expect(older.ok && older.value.actionItems).toEqual([]);
  });
});

describe('parseResolveView', () => {
  it('parses the required fields, optional ones null or empty', () => {
    // toMatchObject: the modal also gathers action items (action-item-inputs.ts, tested there).
    expect(parse(required())).toMatchObject({
      ok: true,
      value: {
        incidentId: 42,
        summary: 'Failed over to the replica',
        rootCause: 'Primary disk full',
        rootCauseConfirmed: true,
        contributingFactors: [],
        recoverySignal: null,
        recoveredAt: null,
        customerImpact: null,
        businessImpact: null,
      },
    });
  });

  it('parses everything, with factors one per line and the recovery time in UTC', () => {
    const at = T0.plus({ minutes: 50 });
    const s = required()
      .radio(R.rootCauseCertainty, 'suspected')
      .text(R.contributingFactors, '- no disk alert\n\n2. log rotation off\n• big batch job ')
      .text(R.recoverySignal, '5xx ratio < 0.1%')
      .dateTime(R.recoveredAt, at.toSeconds())
      .text(R.customerImpact, 'Checkout failed for 40 min')
      .text(R.businessImpact, '1,200 orders delayed');
    const r = parse(s, T0.plus({ hours: 1 }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rootCauseConfirmed).toBe(false);
    expect(r.value.contributingFactors).toEqual(['no disk alert', 'log rotation off', 'big batch job']);
    expect(r.value.recoverySignal).toBe('5xx ratio < 0.1%');
    expect(r.value.recoveredAt?.toISO()).toBe('2024-11-21T05:50:00.000Z');
    expect(r.value.customerImpact).toBe('Checkout failed for 40 min');
    expect(r.value.businessImpact).toBe('1,200 orders delayed');
  });

  it.each([
    ['summary', (s: StateBuilder) => s.text(R.summary, ' '), R.summary.block],
    ['root cause', (s: StateBuilder) => s.text(R.rootCause, ''), R.rootCause.block],
    ['certainty', (s: StateBuilder) => s.radio(R.rootCauseCertainty, null), R.rootCauseCertainty.block],
    ['forged certainty', (s: StateBuilder) => s.radio(R.rootCauseCertainty, 'maybe'), R.rootCauseCertainty.block],
    ['huge business impact', (s: StateBuilder) => s.text(R.businessImpact, 'x'.repeat(3001)), R.businessImpact.block],
  ])('missing or invalid %s → error on its block', (_n, mutate, block) => {
    const r = parse(mutate(required()));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.errors)).toEqual([block]);
      expect(r.errors[block]?.length).toBeGreaterThan(10);
    }
  });

  it('rejects a recovery time in the future', () => {
    const r = parse(required().dateTime(R.recoveredAt, T0.plus({ hours: 2 }).toSeconds()), T0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[R.recoveredAt.block]).toContain('future');
  });

  it('asks to reopen the form when metadata is bad', () => {
    const r = parseResolveView({ state: { values: required().values }, private_metadata: '{"incidentId":-1}' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[R.summary.block]).toContain('open it again');
  });
});

describe('splitLines', () => {
  it('drops bullets, numbering and blank lines', () => {
    expect(splitLines('1) a\r\n * b\n\n  c  ')).toEqual(['a', 'b', 'c']);
  });
});
