import { describe, expect, it } from 'vitest';
import type { RecordedAlert } from '../../../src/domain/alerts/alert.js';
import type { ReminderView } from '../../../src/domain/reminder-view.js';
import type { AttachedRunbook, ChecklistItem } from '../../../src/domain/runbooks/index.js';
import { en, textsFor, type Texts } from '../../../src/domain/texts/index.js';
import { alertNotice, alertPost } from '../../../src/slack/blocks/alert-message.js';
import { announcement } from '../../../src/slack/blocks/announcement.js';
import { checklistMessages } from '../../../src/slack/blocks/checklist-message.js';
import { draftMessage } from '../../../src/slack/blocks/draft-message.js';
import { eventNotice, type EventNotice } from '../../../src/slack/blocks/event-notice.js';
import { incidentCard } from '../../../src/slack/blocks/incident-card.js';
import type { BlockMessage } from '../../../src/slack/blocks/message.js';
import { reminderMessage } from '../../../src/slack/blocks/reminder.js';
import { statusUpdateMessage } from '../../../src/slack/blocks/status-update-message.js';
import { englishLeftIn } from '../../helpers/catalog.js';
import { makeIncident, makeUpdate, T0 } from './fixtures.js';
import { expectMessageLimits, renderedText } from './slack-checks.js';

const ko = textsFor('ko');

/** Korean user text, as a Korean team types it. */
const incident = makeIncident({ title: '결제 API 5xx 응답', impact: 'ap-northeast-2의 모든 결제 요청 실패', commsLeadId: 'UCOMMS', scribeId: 'USCRIBE' });
const update = makeUpdate({
  fields: { impact_scope: '전 리전 /api/checkout', customer_impact: '결제 불가', mitigation_eta: '15:30 KST', old_field: '이전 심각도의 항목', summary: '주 DB 페일오버 중' },
});
const reminder: ReminderView = {
  cycle: 1, stage: 1, updateNumber: 3, dueAt: T0.toISO()!, remindedAt: T0.plus({ minutes: 8 }).toISO()!, severity: 'sev1', cadenceMinutes: 15,
  commanderId: 'UCMDR', commsLeadId: null, snoozeCount: 1, snoozeLimit: 3,
};
const alert: RecordedAlert = {
  id: 5, fingerprint: 'f', status: 'firing', title: 'DB 연결 고갈', labels: { alertname: 'DbPoolExhausted', severity: 'critical' },
  startsAt: T0, endsAt: null, detailsUrl: 'https://grafana.example.com/d/1', runbookUrl: 'https://runbooks.example.com/db',
  source: 'alertmanager', sourceName: 'alertmanager', groupKey: 'g', incidentId: 42,
};
const item = (id: string, over: Partial<ChecklistItem> = {}): ChecklistItem => ({
  id, text: '롤아웃을 멈춥니다', state: 'open', assigneeId: null, closedBy: null, closedAt: null, reason: null, ...over,
});
const runbook = (items: ChecklistItem[]): AttachedRunbook => ({
  id: 1, incidentId: 42, runbookId: 'db', title: 'DB 장애 대응', attachedAt: T0, items,
});
const events: EventNotice[] = [
  { kind: 'severity_changed', actorId: 'UA', from: 'sev1', to: 'sev2', cadenceMinutes: 30, nextUpdateDueAt: T0.plus({ minutes: 30 }) },
  { kind: 'status_changed', actorId: 'UA', from: 'investigating', to: 'monitoring' },
  { kind: 'role_assigned', actorId: 'UA', role: 'comms', userId: 'UB' },
  { kind: 'note_added', authorId: 'UA', text: '롤백 완료' },
  { kind: 'resolved', actorId: 'UA', summary: '페일오버로 복구', rootCause: '커넥션 누수', rootCauseConfirmed: false, severity: { peak: 'sev1', final: 'sev2' } },
  { kind: 'reopened', actorId: 'UA' },
  { kind: 'scenario_changed', actorId: 'UA', from: 'database', to: 'deploy' },
  { kind: 'checklist_item_due', recipientId: 'UA', runbookTitle: 'DB 장애 대응', itemText: '읽기 트래픽을 줄입니다', dueAt: T0, link: 'https://runbooks.example.com/db' },
];
const draftLine = (version: number) => ({ version, fileName: `INC-42-postmortem-v${version}.md`, permalink: `https://files.example.com/${version}`, writtenAt: T0 });

/** Every channel message, in every state it has, in one language. */
function everyMessage(texts: Texts): Record<string, BlockMessage> {
  const drill = { ...incident, isDrill: true };
  const resolved = { ...drill, status: 'resolved' as const, resolvedAt: T0.plus({ hours: 2 }), nextUpdateDueAt: null };
  const states: ChecklistItem[] = [
    item('a', { role: 'commander', dueAfterSeconds: 600, link: 'https://runbooks.example.com/a', warn: '쓰기 트래픽 주의' }),
    item('b', { state: 'assigned', assigneeId: 'UB' }),
    item('c', { state: 'done', closedBy: 'UB', closedAt: T0 }),
    item('d', { state: 'skipped', closedBy: 'UB', closedAt: T0, reason: '해당 없음' }),
  ];
  return {
    card: incidentCard({ incident, cadenceMinutes: 15, texts }),
    'card (resolved drill, peak)': incidentCard({ incident: { ...resolved, impact: '' }, severity: { peak: 'sev1', final: 'sev2' }, texts }),
    announcement: announcement({ incident: { ...drill, channelId: null }, postmortemUrl: 'https://files.example.com/pm', severity: { peak: 'sev1', final: 'sev2' }, texts }),
    'announcement (resolved, draft in the channel)': announcement({ incident: resolved, postmortemUrl: 'F123', texts }),
    'announcement (private)': announcement({ incident: { ...incident, isPrivate: true }, texts }),
    'announcement (private, resolved)': announcement({ incident: { ...resolved, isPrivate: true }, texts }),
    'status update': statusUpdateMessage({ incident: drill, update, texts }),
    ...Object.fromEntries(events.map((event) => [`notice ${event.kind}`, eventNotice({ incident: drill, event, texts })])),
    'reminder (due now)': reminderMessage({ incident: drill, reminder: { ...reminder, remindedAt: reminder.dueAt }, texts }),
    'reminder (late, snoozed)': reminderMessage({ incident, reminder: { ...reminder, snoozed: { by: 'UB', until: T0.plus({ minutes: 10 }).toISO()! } }, texts }),
    'reminder (escalated)': reminderMessage({ incident, reminder: { ...reminder, stage: 2 }, texts }),
    'reminder (overdue)': reminderMessage({ incident: { ...incident, channelId: null }, reminder: { ...reminder, stage: 3 }, texts }),
    'reminder (answered late)': reminderMessage({ incident, reminder, closed: { type: 'answered', by: 'UB', at: T0.plus({ minutes: 9 }).toISO()! }, texts }),
    'reminder (answered)': reminderMessage({ incident, reminder, closed: { type: 'answered', by: 'UB', at: T0.toISO()! }, texts }),
    'reminder (severity changed)': reminderMessage({
      incident, reminder, closed: { type: 'severity_changed', by: 'UB', to: 'sev2', at: T0.toISO()!, nextDueAt: T0.plus({ minutes: 30 }).toISO()! }, texts,
    }),
    'reminder (severity changed, none due)': reminderMessage({
      incident, reminder, closed: { type: 'severity_changed', by: 'UB', to: 'sev3', at: T0.toISO()!, nextDueAt: null }, texts,
    }),
    'reminder (resolved)': reminderMessage({ incident, reminder, closed: { type: 'resolved', by: 'UB', at: T0.toISO()! }, texts }),
    'alert in #incidents': alertPost(alert, texts),
    'alert firing': alertNotice(incident, alert, false, texts),
    'alert resolved, every one': alertNotice(incident, { ...alert, status: 'resolved', endsAt: T0.plus({ minutes: 5 }) }, true, texts),
    ...Object.fromEntries(checklistMessages({ incident: drill, runbook: runbook(states), texts }).map((m, i) => [`checklist ${i}`, m])),
    'postmortem draft': draftMessage({ incident, locale: 'ko', variant: 'internal', current: draftLine(12), earlier: Array.from({ length: 11 }, (_, i) => draftLine(i + 1)), texts }),
    'customer postmortem draft': draftMessage({ incident: drill, locale: 'en', variant: 'external', current: draftLine(1), earlier: [], texts }),
  };
}

describe('channel messages in Korean (BOT_LOCALE=ko)', () => {
  const korean = everyMessage(ko);

  it.each(Object.keys(korean))('%s: none of the English sentences left, within Slack limits', (name) => {
    const msg = korean[name]!;
    expect(englishLeftIn(JSON.stringify(msg), en)).toEqual([]);
    expectMessageLimits(msg);
  });

  it('says the card, the announcement and a reminder as a Korean team writes them; severity names stay SEV-n', () => {
    const card = renderedText(korean.card!.blocks);
    expect(card).toContain('*심각도*\nSEV-1 — 전면 장애 또는 심각한 데이터 무결성 위험');
    expect(card).toContain('*인시던트 커맨더*\n<@UCMDR>');
    expect(card).toContain('상황 업데이트는 15분마다 올립니다.');
    expect(korean.card!.text).toBe('INC-42 결제 API 5xx 응답 — SEV-1, 조사 중');
    expect(renderedText(korean['card (resolved drill, peak)']!.blocks)).toContain('최고 SEV-1, 해결 시 SEV-2');
    expect(renderedText(korean.announcement!.blocks)).toContain('_채널 생성 중_');
    expect(renderedText(korean['reminder (escalated)']!.blocks)).toContain('3번째 상황 업데이트');
    expect(renderedText(korean['reminder (late, snoozed)']!.blocks)).toContain('*8분 늦었습니다*');
    expect(JSON.stringify(korean['reminder (late, snoozed)'])).toContain('10분 미루기 (2회 남음)');
    expect(renderedText(korean['status update']!.blocks)).toContain('*고객 영향*\n>결제 불가');
    expect(renderedText(korean['postmortem draft']!.blocks)).toContain('…그 밖에 이전 버전 1개');
    expect(renderedText(korean['notice role_assigned']!.blocks)).toContain('<@UB>님이 이제 *커뮤니케이션 담당*입니다 (배정: <@UA>).');
    expect(renderedText(korean['notice note_added']!.blocks)).toContain('<@UA>님의 메모:\n>롤백 완료');
    const resolved = renderedText(korean['notice resolved']!.blocks);
    expect(resolved).toContain(':white_check_mark: <@UA>님이 해결 처리했습니다. *최고 SEV-1, 해결 시 SEV-2*.');
    expect(resolved).toContain('*요약*\n>페일오버로 복구\n*근본 원인 (추정)*');
    const tasks = checklistMessages({ incident, runbook: { ...runbook([item('t1')]), runbookId: '_tasks', title: 'Tasks' }, texts: ko })[0]!;
    expect(tasks.text).toBe('체크리스트: 작업');
    expect(renderedText(korean['alert firing']!.blocks)).toContain('*alertmanager: 알림 발생* — DB 연결 고갈');
  });

  it('keeps the English messages English: the same check finds their sentences', () => {
    const english = everyMessage(en);
    // These four say too little between their placeholders for the check (three words in a row):
    // their Korean is asserted by name above.
    const found = Object.keys(english).filter((name) => englishLeftIn(JSON.stringify(english[name]), en).length > 0);
    expect(Object.keys(english).filter((name) => !found.includes(name))).toEqual(['notice role_assigned', 'notice note_added', 'notice resolved', 'alert firing']);
    expect(renderedText(english['notice role_assigned']!.blocks)).toContain('<@UB> is now *Communications lead* (assigned by <@UA>).');
    expect(renderedText(english['reminder (escalated)']!.blocks)).toContain('the 3rd status update for *INC-42*');
  });
});

describe("Slack's limits with the longest Korean texts", () => {
  const long = '가'.repeat(5000);

  it('splits a 50-step checklist with the longest Korean steps into 3 messages of at most 42 blocks within Slack\'s limits', () => {
    const items = Array.from({ length: 50 }, (_, i) =>
      item(`s${i}`, {
        text: `${i}번 단계 ${long}`, warn: long, link: `https://runbooks.example.com/${'p'.repeat(1000)}`, role: 'comms', dueAfterSeconds: 60 * i,
        ...(i % 3 === 1 ? { state: 'skipped' as const, closedBy: 'UB', closedAt: T0, reason: long } : {}),
        ...(i % 3 === 2 ? { state: 'assigned' as const, assigneeId: 'UB' } : {}),
      }),
    );
    const parts = checklistMessages({ incident: { ...incident, isDrill: true, title: long }, runbook: { ...runbook(items), title: long }, texts: ko });
    expect(parts).toHaveLength(3);
    for (const part of parts) {
      expectMessageLimits(part);
      expect(part.blocks.length).toBeLessThanOrEqual(42);
      expect(englishLeftIn(JSON.stringify(part), en)).toEqual([]);
    }
    expect(parts[2]!.blocks[0]).toMatchObject({ type: 'header' });
    expect(JSON.stringify(parts[0]!.blocks[0])).toContain('(1/3)');
  });

  it('keeps every message within limits when every user text is at its longest', () => {
    const huge = makeIncident({ title: long, impact: `${long}\n`.repeat(4), isDrill: true, channelId: null });
    const fields = Object.fromEntries(['impact_scope', 'customer_impact', 'workaround', 'mitigation_eta', 'recovery_eta', 'summary'].map((k) => [k, long]));
    const messages = [
      incidentCard({ incident: huge, cadenceMinutes: 15, texts: ko }),
      announcement({ incident: huge, texts: ko }),
      statusUpdateMessage({ incident: huge, update: makeUpdate({ fields }), texts: ko }),
      eventNotice({ incident: huge, event: { kind: 'resolved', actorId: 'UA', summary: long, rootCause: long, rootCauseConfirmed: true }, texts: ko }),
      eventNotice({ incident: huge, event: { kind: 'checklist_item_due', recipientId: 'UA', runbookTitle: long, itemText: long, dueAt: T0 }, texts: ko }),
      reminderMessage({ incident: huge, reminder: { ...reminder, stage: 2 }, texts: ko }),
      alertPost({ ...alert, title: long, sourceName: long }, ko),
      draftMessage({ incident: huge, locale: 'ko', variant: 'external', current: { ...draftLine(1), fileName: long }, earlier: [], texts: ko }),
    ];
    for (const msg of messages) expectMessageLimits(msg);
  });
});
