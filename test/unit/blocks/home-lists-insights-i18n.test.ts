import { describe, expect, it } from 'vitest';
import type { HomeData } from '../../../src/domain/home.js';
import { emptyPeriodFigures, type InsightsReport } from '../../../src/domain/insights/figures.js';
import type { ConversationEntry } from '../../../src/domain/conversation.js';
import type { ActionItem, TimelineEvent } from '../../../src/domain/timeline.js';
import { en, textsFor, type Texts } from '../../../src/domain/texts/index.js';
import { HOME_SHOWN } from '../../../src/services/home-service.js';
import { appHome } from '../../../src/slack/blocks/app-home.js';
import { followupDueMessage, followupList } from '../../../src/slack/blocks/followup-list.js';
import { incidentList } from '../../../src/slack/blocks/incident-list.js';
import { insightsDigest } from '../../../src/slack/blocks/insights-digest.js';
import { insightsSummary } from '../../../src/slack/blocks/insights-summary.js';
import { timelinePageMessage } from '../../../src/slack/blocks/timeline-page.js';
import { englishLeftIn } from '../../helpers/catalog.js';
import { HOSTILE, makeIncident, T0 } from './fixtures.js';
import { expectBlockLimits, expectMessageLimits, renderedText } from './slack-checks.js';

const ko = textsFor('ko');
const LONG = '가'.repeat(400);

function report(): InsightsReport {
  const period = { from: T0.minus({ days: 28 }), to: T0 };
  const r: InsightsReport = {
    current: emptyPeriodFigures(period), previous: emptyPeriodFigures(period),
    responders: [{ userId: 'U1', hours: 12.34, workingHours: 5, eveningHours: 4, sleepHours: 3.3, woken: true }],
    followups: { doneOnTime: 3, doneLate: 1, overdue: 2, open: 4, byOwner: [] },
    repeats: Array.from({ length: 7 }, (_, i) => ({
      incidents: [`INC-${i}`, `INC-${i + 10}`],
      reasons: [{ scenario: 'database' as const, alertGroup: 'db/latency' }, { scenario: 'database' as const, word: 'replica' }, { scenario: 'database' as const, word: null }],
    })),
  };
  for (const s of ['sev1', 'sev2'] as const) {
    r.current.severities[s].resolved = 2;
    r.previous.severities[s].resolved = 1;
    for (const phase of ['detect', 'acknowledge', 'mitigate', 'resolve'] as const) {
      r.current.severities[s].phases[phase] = { n: 2, medianMinutes: 95, p90Minutes: 1500, valuesMinutes: [3, 1500] };
      r.previous.severities[s].phases[phase] = { n: 1, medianMinutes: 30, p90Minutes: 30, valuesMinutes: [30] };
    }
  }
  return r;
}

const item = (id: number, overrides: Partial<ActionItem> = {}): ActionItem => ({
  id, incidentId: 42, title: `${LONG} ${id}`, ownerId: id % 2 ? 'U_OWNER' : null, horizon: 'short_term', dueDate: '2024-11-20', done: id % 3 === 0, createdAt: T0, ...overrides,
});

/** The fullest App Home there is: every list as long as HomeService makes it, every title at its longest. */
function fullHome(): HomeData {
  const incidents = Array.from({ length: HOME_SHOWN.open }, (_, i) => makeIncident({ id: i + 1, title: `${HOSTILE} ${LONG}`, nextUpdateDueAt: T0.minus({ minutes: 1 }), isDrill: i === 1 }));
  const few = (n: number) => incidents.slice(0, n);
  return {
    userId: 'UCMDR', now: T0, open: incidents, moreOpen: 22, mine: few(HOME_SHOWN.mine), moreMine: 990, moreMineCapped: true,
    followUps: few(HOME_SHOWN.followUps).map((incident, i) => ({ item: item(i + 1), incident })),
    checklistItems: few(HOME_SHOWN.followUps).map((incident, i) => ({
      incident, runbookTitle: LONG, item: { id: `i${i}`, text: LONG, state: 'assigned' as const, assigneeId: 'UCMDR', closedBy: null, closedAt: null, reason: null },
    })),
    recentlyResolved: few(HOME_SHOWN.recent).map((i) => ({ ...i, status: 'resolved' as const, resolvedAt: T0 })),
    insights: report(),
  };
}

/** One entry of (nearly) every kind a timeline page shows, and a pinned message not read yet. */
function everyKind(): { entries: TimelineEvent[]; messages: ConversationEntry[] } {
  const at = T0;
  const base = { incidentId: 42, actorId: 'U_CMD', occurredAt: at };
  const ref = { attachmentId: 1, runbookId: 'db', itemId: 'a', text: 'Fail over the primary' };
  const entries: TimelineEvent[] = [
    { ...base, id: 1, kind: 'declared', data: { title: '결제 장애', severity: 'sev1', scenario: 'database', commanderId: 'U_CMD' } },
    { ...base, id: 2, kind: 'status_changed', data: { from: 'investigating', to: 'identified' } },
    { ...base, id: 3, kind: 'severity_changed', data: { from: 'sev2', to: 'sev1' } },
    { ...base, id: 4, kind: 'update_posted', data: { updateId: 1, status: 'monitoring' } },
    { ...base, id: 5, kind: 'reminder_withdrawn', data: { cycle: 1, stage: 1 } },
    { ...base, id: 6, kind: 'snoozed', data: { cycle: 1, minutes: 10, until: at.toISO()!, count: 1, limit: 3 } },
    { ...base, id: 7, kind: 'resolved', data: { from: 'monitoring', summary: '복구됨', rootCauseConfirmed: true } },
    { ...base, id: 8, kind: 'reopened', data: {} },
    { ...base, id: 9, kind: 'action_item_added', data: { actionItemId: 1, title: '알림 기준 조정', horizon: 'short_term' } },
    { ...base, id: 10, kind: 'scenario_changed', data: { from: 'other', to: 'database' } },
    { ...base, id: 11, kind: 'alert_fired', data: { alertId: 1, source: 'alertmanager', title: 'DBDown', detailsUrl: null } },
    { ...base, id: 12, kind: 'postmortem_generated', data: { locale: 'ko' } },
    { ...base, id: 13, kind: 'checklist_item_done', data: ref },
    { ...base, id: 14, kind: 'runbook_attached', data: { attachmentId: 1, runbookId: 'db', title: 'DB 장애', reason: 'matched', items: 5 } },
    { ...base, id: 15, kind: 'note_added', data: { text: '메모', milestone: 'detected' }, recordedAt: at.plus({ minutes: 30 }), editedAt: at.plus({ minutes: 40 }) },
    { ...base, id: 16, kind: 'update_overdue', data: { cycle: 1, stage: 2, updateNumber: 1, dueAt: at.toISO()!, remindedAt: at.toISO()!, severity: 'sev1', cadenceMinutes: 15, commanderId: 'U_CMD', commsLeadId: null, snoozeCount: 0, snoozeLimit: 3 } },
  ];
  const messages: ConversationEntry[] = [{ channelId: 'C1', messageTs: '1.0', at, authorId: null, text: null, files: [{ name: 'a.png', permalink: 'https://example.com/f' }], permalink: 'https://example.com/m', firstEventId: 99 }];
  return { entries, messages };
}

const note = (id: number): TimelineEvent => ({ id, incidentId: 42, kind: 'note_added', actorId: 'U_AUTHOR', occurredAt: T0.plus({ minutes: id }), data: { text: LONG, milestone: null } });

/** Everything this part renders, in one language. */
function rendered(texts: Texts) {
  const incident = makeIncident({ title: '결제 API 5xx 오류' });
  const items = Array.from({ length: 50 }, (_, i) => item(i + 1));
  return {
    home: appHome({ data: fullHome(), draftLinks: new Map([[1, 'https://example.com/pm']]), texts }),
    emptyHome: appHome({ data: { userId: 'U1', now: T0, open: [], moreOpen: 0, mine: [], followUps: [], recentlyResolved: [] }, draftLinks: new Map(), texts }),
    list: incidentList({ incidents: Array.from({ length: 60 }, (_, i) => makeIncident({ id: i + 1, title: LONG })), total: 70, search: LONG, now: T0.plus({ hours: 1 }) }, texts),
    emptyList: incidentList({ incidents: [] }, texts),
    noMatch: incidentList({ incidents: [], search: 'db' }, texts),
    followups: followupList({ incident, items }, texts),
    noFollowups: followupList({ incident, items: [] }, texts),
    fewFollowups: followupList({ incident, items: items.slice(0, 3) }, texts),
    due: followupDueMessage({ incident, item: item(1) }, texts),
    done: followupDueMessage({ incident, item: item(3) }, texts),
    timeline: timelinePageMessage({ incident, entries: Array.from({ length: 45 }, (_, i) => note(i + 1)), page: 1, viewerId: 'U_AUTHOR' }, texts),
    everyKind: timelinePageMessage({ incident, ...everyKind(), page: 0, viewerId: 'U_CMD' }, texts),
    emptyTimeline: timelinePageMessage({ incident, entries: [], page: 0, viewerId: 'U_AUTHOR' }, texts),
    insights: insightsSummary({ report: report(), days: 28 }, texts),
    digest: insightsDigest(report(), 7, T0, texts),
    emptyDigest: insightsDigest({ ...report(), current: emptyPeriodFigures({ from: T0, to: T0 }) }, 7, T0, texts),
  };
}

describe('App Home, lists, timeline pages, insights and the digest in Korean', () => {
  const korean = rendered(ko);

  it('leave none of the English catalog’s sentences in any of them', () => {
    for (const [name, view] of Object.entries(korean)) expect({ name, left: englishLeftIn(JSON.stringify(view), en) }).toEqual({ name, left: [] });
    const home = renderedText(korean.home.blocks);
    for (const word of ['진행 중인 인시던트 (42)', '내 체크리스트 항목', '최근 28일', '인시던트 선언', '해결까지 중앙값 1시간 35분, p90 1일 1시간', '…외 990건 이상(역할을 맡은 인시던트 중 덜 심각하거나 더 오래된 것)']) expect(home).toContain(word);
    expect(home).toContain(`${ko.channel.drillTag} *INC-2*`);
    expect(home).not.toContain(en.channel.drillTag);
    expect(renderedText(korean.digest.blocks)).toContain('*주간 인사이트* (2024년 11월 21일까지)');
    expect(renderedText(korean.everyKind.blocks)).toContain(`:triangular_flag_on_post: *${ko.forms.timelineEntry.milestone.detected.label}*`);
    expect(renderedText(korean.emptyDigest.blocks)).toContain('최근 7일 동안 인시던트가 없었습니다.');
  });

  it('hold Slack’s limits with the longest Korean texts: App Home at most 100 blocks, sections at most 3000 characters', () => {
    expect(korean.home.blocks.length).toBeLessThanOrEqual(100);
    expectBlockLimits(korean.home.blocks);
    expectBlockLimits(korean.emptyHome.blocks);
    for (const [name, message] of Object.entries(korean)) if (name !== 'home' && name !== 'emptyHome') expectMessageLimits(message as Parameters<typeof expectMessageLimits>[0]);
  });

  it('line the insights strips up in Korean as in English', () => {
    const strips = (texts: Texts) => renderedText(rendered(texts).insights.blocks).split('\n').filter((l) => l.startsWith('`'));
    const width = (line: string) => [...line.slice(1, line.indexOf('`', 1))].reduce((n, ch) => n + (/[\uac00-\ud7a3]/.test(ch) ? 2 : 1), 0);
    expect(new Set(strips(ko).map(width)).size).toBe(1);
    expect(strips(en)[0]).toMatch(/^`detect {6}[·•●]{16}` n 2 · median 1h 35m \(was 30m\) · p90 1d 1h$/);
  });

  it('keep a repeat of thousands of incidents to a short line, so the figures before it still fit', () => {
    const huge: InsightsReport = { ...report(), repeats: [{ incidents: Array.from({ length: 10_000 }, (_, i) => `INC-${i + 1}`), reasons: [{ scenario: 'database', word: 'checkout' }] }] };
    const text = renderedText(insightsSummary({ report: huge, days: 90 }, en).blocks);
    expect(text).toContain('*Repeats:* INC-1, INC-2, INC-3, INC-4, INC-5, INC-6 and 9994 more (');
    expect(text).not.toContain('INC-7,');
    expect(text).not.toContain('…');
  });

  it('stay English for an English reader', () => {
    const english = rendered(en);
    expect(renderedText(english.home.blocks)).toContain('Open incidents (42)');
    expect(renderedText(english.home.blocks)).toContain('My checklist items');
    expect(renderedText(english.list.blocks)).toContain('…and 22 more. `/incident list <words from the title or INC-number>` finds one.');
    expect(renderedText(english.digest.blocks)).toContain(':bar_chart: *Weekly insights* to 2024-11-21');
    expect(JSON.stringify(english)).not.toMatch(/인시던트|후속 조치|타임라인|해결|기한/);
  });
});
