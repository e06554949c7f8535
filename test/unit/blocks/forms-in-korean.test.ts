import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../src/domain/severity.js';
import { en, textsFor, type Texts } from '../../../src/domain/texts/index.js';
import { checklistSkipModal, parseChecklistSkipView } from '../../../src/slack/blocks/checklist-skip-modal.js';
import { followupModal, parseFollowupView } from '../../../src/slack/blocks/followup-modal.js';
import { progressModal } from '../../../src/slack/blocks/progress-modal.js';
import { parseResolveView, RESOLVE_MAX_ACTION_ITEM_ROWS, resolveModal } from '../../../src/slack/blocks/resolve-modal.js';
import { parseTimelineEntryView, timelineEntryModal } from '../../../src/slack/blocks/timeline-entry-modal.js';
import { parseTimelineMessageView, timelineMessageModal } from '../../../src/slack/blocks/timeline-message-modal.js';
import { parseUpdateView, updateModal } from '../../../src/slack/blocks/update-modal.js';
import type { ParseResult, SubmittedView } from '../../../src/slack/blocks/view-state.js';
import { actionItemInput, CHECKLIST_SKIP_INPUT, RESOLVE_INPUT, TIMELINE_INPUT, TIMELINE_MESSAGE_INPUT, UPDATE_INPUT, updateFieldInput } from '../../../src/slack/ids.js';
import { englishLeftIn } from '../../helpers/catalog.js';
import { makeIncident, StateBuilder, T0 } from './fixtures.js';
import { expectModalLimits } from './slack-checks.js';
import type { ModalView } from '@slack/types';

const ko = textsFor('ko');
/** A long incident reference: ten million incidents (at Postgres' largest integer the English follow-ups title is clipped by a character). */
const LONGEST_REF = 'INC-9999999';
const message = { channelId: 'C1', messageTs: '1.2', authorId: 'U1', content: { text: '', files: [], editedTs: null } };
const incident = makeIncident({ isDrill: true, title: '결제 API 5xx' });

/** Every modal of this area, with the most it shows: each severity, a drill, open checklist items, every row, every note. */
function everyForm(texts: Texts): Record<string, ModalView> {
  return {
    ...Object.fromEntries(SEVERITIES.map((severity) => [`update ${severity}`, updateModal({ incident: { ...incident, severity } }, texts)])),
    resolve: resolveModal({ incident, openChecklistItems: 3 }, texts),
    'resolve, every row': resolveModal({ incident, rows: RESOLVE_MAX_ACTION_ITEM_ROWS, openChecklistItems: 1 }, texts),
    followup: followupModal({ incident, title: '커넥션 풀 상한 조정' }, texts),
    'timeline entry': timelineEntryModal(incident, texts),
    'timeline entry, edited': timelineEntryModal(incident, texts, { id: 3, at: T0, text: 'DBA 호출', milestone: 'mitigated' }),
    'add to timeline, nothing to add to': timelineMessageModal({ hasChoices: false, message }, texts),
    'add to timeline': timelineMessageModal({ hasChoices: true, message }, texts),
    'checklist skip': checklistSkipModal(7, { id: 'pause-rollout', text: '롤아웃 일시 중지' }, texts),
  };
}

describe('every form in Korean', () => {
  it.each(Object.entries(everyForm(ko)))("%s: none of the English catalog's sentences, within Slack's limits, nothing clipped", (_name, view) => {
    expectModalLimits(view);
    const json = JSON.stringify(view);
    expect(englishLeftIn(json, en)).toEqual([]);
    expect(json.replaceAll(ko.forms.saving.stillSaving, '')).not.toContain('…');
  });

  it('shows a slow submission in Korean', () => {
    const view = progressModal({ title: '인시던트 선언', text: ko.forms.saving.stillSaving }, ko);
    expect(view.type === 'modal' && view.close?.text).toBe('닫기');
    expect(englishLeftIn(JSON.stringify(view), en)).toEqual([]);
  });

  it('keeps titles and buttons within 24 characters with the longest incident reference', () => {
    for (const texts of [en, ko]) {
      const f = texts.forms;
      const shown = [
        f.update.title(LONGEST_REF), f.update.submit, f.resolve.title(LONGEST_REF), f.resolve.submit, f.followup.title(LONGEST_REF),
        f.timelineEntry.title, f.timelineEntry.editTitle, f.timelineEntry.submit, f.timelineMessage.title, f.checklistSkip.title,
        f.checklistSkip.submit, f.cancel, f.close, f.add, f.resolve.addRow,
      ];
      for (const text of shown) expect({ text, length: text.length }).toEqual({ text, length: Math.min(text.length, 24) });
    }
  });

  it('shows the same forms in English as before (the English default is unchanged)', () => {
    const forms = everyForm(en);
    expect(forms['update sev1']!.title.text).toBe('Update INC-42');
    expect(JSON.stringify(forms['update sev1'])).toContain('SEV-1 updates must state: current impact scope, customer impact, workaround, mitigation eta, full recovery eta.');
    expect(JSON.stringify(forms.resolve)).toContain('3 checklist items are still open.');
    expect(forms.followup!.title.text).toBe('Follow-ups INC-42');
    expect(forms['timeline entry, edited']!.title.text).toBe('Edit timeline entry');
    expect(forms['checklist skip']!.submit?.text).toBe('Skip it');
  });
});

/** A form shown in `texts`, submitted empty: its field errors. */
function errorsOf(view: ModalView, parse: (view: SubmittedView) => ParseResult<unknown>, values = new StateBuilder()): Record<string, string> {
  const result = parse({ state: { values: values.values }, private_metadata: view.private_metadata });
  expect(result.ok).toBe(false);
  return result.ok ? {} : result.errors;
}

describe("a form's field errors come back in the language it was shown in", () => {
  const now = T0.plus({ hours: 1 });
  const cases = (texts: Texts) => ({
    update: errorsOf(updateModal({ incident }, texts), parseUpdateView, new StateBuilder().text(updateFieldInput('workaround'), 'x'.repeat(2001))),
    resolve: errorsOf(
      resolveModal({ incident }, texts),
      (v) => parseResolveView(v, now, 'Asia/Seoul'),
      new StateBuilder()
        .dateTime(RESOLVE_INPUT.recoveredAt, now.plus({ hours: 1 }).toUnixInteger())
        .text(RESOLVE_INPUT.businessImpact, 'x'.repeat(3001))
        .text(actionItemInput(0, 'title'), '')
        .user(actionItemInput(0, 'owner'), 'U1')
        .text(actionItemInput(1, 'title'), 'x'.repeat(301))
        .text(actionItemInput(2, 'title'), '롤백')
        .select(actionItemInput(2, 'horizon'), 'someday'),
    ),
    'resolve, past due date': errorsOf(resolveModal({ incident }, texts), (v) => parseResolveView(v, now, 'Asia/Seoul'), dueOn('2020-01-01')),
    'resolve, bad due date': errorsOf(resolveModal({ incident }, texts), (v) => parseResolveView(v, now, 'Asia/Seoul'), dueOn('2020-13-45')),
    followup: errorsOf(followupModal({ incident }, texts), (v) => parseFollowupView(v, now)),
    'timeline entry': errorsOf(timelineEntryModal(incident, texts), parseTimelineEntryView, new StateBuilder().select(TIMELINE_INPUT.milestone, 'eureka')),
    'timeline entry, too long': errorsOf(timelineEntryModal(incident, texts), parseTimelineEntryView, new StateBuilder().text(TIMELINE_INPUT.text, 'x'.repeat(3001))),
    'add to timeline': errorsOf(timelineMessageModal({ hasChoices: true, message }, texts), parseTimelineMessageView),
    'add to timeline, stale': errorsOf({ ...timelineMessageModal({ hasChoices: true, message }, texts), private_metadata: JSON.stringify({ locale: texts.locale }) }, parseTimelineMessageView, new StateBuilder().select(TIMELINE_MESSAGE_INPUT.incident, '42')),
    'checklist skip': errorsOf(checklistSkipModal(7, { id: 'pause-rollout', text: 'x' }, texts), parseChecklistSkipView),
    'checklist skip, gone': errorsOf({ ...checklistSkipModal(7, { id: 'pause-rollout', text: 'x' }, texts), private_metadata: JSON.stringify({ item: '?', locale: texts.locale }) }, parseChecklistSkipView, new StateBuilder().text(CHECKLIST_SKIP_INPUT.reason, '왜')),
  });

  it('in Korean: every error, none of them English', () => {
    const errors = cases(ko);
    for (const [name, shown] of Object.entries(errors)) {
      expect({ name, count: Object.keys(shown).length > 0 }).toEqual({ name, count: true });
      expect({ name, english: englishLeftIn(JSON.stringify(shown), en) }).toEqual({ name, english: [] });
    }
    expect(errors.update[updateFieldInput('customer_impact').block]).toBe('고객 영향 항목을 채워 주세요. (지금 고객에게 보이는 현상)');
    expect(errors.update[updateFieldInput('workaround').block]).toBe('2000자 이하로 써 주세요.');
    expect(errors.update[UPDATE_INPUT.status.block]).toBe(ko.forms.update.errors.statusMissing);
    expect(errors.resolve[RESOLVE_INPUT.recoveredAt.block]).toBe(ko.forms.resolve.errors.recoveredInFuture);
    expect(errors.resolve[actionItemInput(2, 'horizon').block]).toBe(ko.forms.actionItem.errors.horizonUnknown);
    expect(errors.followup[actionItemInput(0, 'title').block]).toBe(ko.forms.followup.noneGiven);
    expect(errors['checklist skip, gone'][CHECKLIST_SKIP_INPUT.reason.block]).toBe(ko.forms.checklistSkip.gone);
  });

  it('in English, as before', () => {
    const errors = cases(en);
    expect(errors.update[updateFieldInput('customer_impact').block]).toBe('Fill in the customer impact: What customers see right now.');
    expect(errors.followup[actionItemInput(0, 'title').block]).toBe('Give at least one follow-up a title.');
    expect(errors['timeline entry'][TIMELINE_INPUT.at.block]).toBe('Pick when it happened.');
  });

  it('in English for a form opened before forms kept their language', () => {
    const legacy = { state: { values: {} }, private_metadata: JSON.stringify({ incidentId: 42, severity: 'sev1' }) };
    expect(parseUpdateView(legacy)).toMatchObject({ ok: false, errors: { [UPDATE_INPUT.summary.block]: 'Say what changed and what happens next.' } });
    const skip = parseChecklistSkipView({ state: { values: new StateBuilder().text(CHECKLIST_SKIP_INPUT.reason, 'not needed').values }, private_metadata: '7:pause-rollout' });
    expect(skip).toEqual({ ok: true, value: { attachmentId: 7, itemId: 'pause-rollout', reason: 'not needed' } });
  });
});

function dueOn(date: string): StateBuilder {
  const b = new StateBuilder().text(actionItemInput(0, 'title'), '롤백');
  b.values[actionItemInput(0, 'due').block] = { [actionItemInput(0, 'due').action]: { type: 'datepicker', selected_date: date } };
  return b;
}
