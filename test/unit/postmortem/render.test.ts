import { describe, expect, it } from 'vitest';
import { renderPostmortem, computeMetrics, type RenderOptions } from '../../../src/domain/postmortem/index.js';
import {
  DBA,
  kst,
  ONCALL,
  seed002,
  SEED_002_ACTIONS,
  SEED_002_FACTORS,
  SEED_002_TIMELINE,
  USER_NAMES,
  ZONE,
} from './fixtures.js';
import { CHECKBOX, headings, section, tablesIntact } from './helpers.js';

const EN: RenderOptions = { locale: 'en', variant: 'internal', timeZone: ZONE };
const KO: RenderOptions = { locale: 'ko', variant: 'internal', timeZone: ZONE };
const EXT_EN: RenderOptions = { locale: 'en', variant: 'external', timeZone: ZONE };
const EXT_KO: RenderOptions = { locale: 'ko', variant: 'external', timeZone: ZONE };

const EN_HEADINGS = [
  '# INC-42: Production Database Outage: order-service — Postmortem draft',
  '## Summary',
  '## Facts',
  '## Impact',
  '## Timeline',
  '## Root cause (confirmed)',
  '### Contributing factors',
  '## Resolution and recovery validation',
  '## Follow-ups',
  '## Action items',
  '### Immediate',
  '### Short-term',
  '### Long-term',
  '## Lessons learned',
  '### What went well',
  '### What went wrong',
  '### Where we got lucky',
  '## Metrics',
  '## Appendix: status updates as posted',
  '### Update 1 · 14:30 KST',
  '### Update 2 · 14:45 KST',
  '### Update 3 · 15:00 KST',
  '### Update 4 · 15:15 KST',
  '### Update 5 · 15:40 KST',
];

const KO_HEADINGS = [
  '# INC-42: Production Database Outage: order-service — 포스트모템 초안',
  '## 요약',
  '## 사실',
  '## 영향',
  '## 타임라인',
  '## 근본 원인 (확정)',
  '### 기여 요인',
  '## 해결 및 복구 검증',
  '## 후속조치',
  '## 조치 항목',
  '### 즉시',
  '### 단기',
  '### 장기',
  '## 교훈',
  '### 잘된 점',
  '### 잘못된 점',
  '### 운이 좋았던 점',
  '## 지표',
  '## 부록: 게시된 상태 업데이트',
  '### 업데이트 1 · 14:30 KST',
  '### 업데이트 2 · 14:45 KST',
  '### 업데이트 3 · 15:00 KST',
  '### 업데이트 4 · 15:15 KST',
  '### 업데이트 5 · 15:40 KST',
];

describe('seed 002 (2024-11-15 order-service outage), internal, English', () => {
  const doc = renderPostmortem(seed002(), EN);

  it('has every section heading, in order, and nothing else', () => {
    expect(headings(doc)).toEqual(EN_HEADINGS);
  });

  it('states the facts with KST times and an 84-minute duration', () => {
    const facts = section(doc, '## Facts').join('\n');
    expect(facts).toContain('| Severity | SEV-1 — Complete outage or critical data-integrity risk |');
    expect(facts).toContain('| Impact began | 2024-11-15 14:23 KST |');
    expect(facts).toContain('| Declared | 2024-11-15 14:23 KST |');
    expect(facts).toContain('| Mitigated | 2024-11-15 14:50 KST |');
    expect(facts).toContain('| Resolved | 2024-11-15 15:47 KST |');
    expect(facts).toContain('| Duration | 84 min (1 h 24 min) |');
    expect(facts).toContain('| Commander | Minji Park |');
    expect(facts).toContain('| Responders | Hana Kim, Minji Park, Seojun Lee |');
    expect(tablesIntact(doc)).toBe(true);
  });

  it('lists each of the 11 seed timeline entries exactly once, in order, as KST times of day', () => {
    const lines = section(doc, '## Timeline');
    expect(lines).toContain('All times KST (Asia/Seoul).');
    const events = lines.filter((l) => l.startsWith('- '));
    expect(events).toHaveLength(seed002().timeline.length);
    for (const l of events) expect(l).toMatch(/^- \d\d:\d\d · /);
    let last = -1;
    for (const [time, text] of SEED_002_TIMELINE) {
      const escaped = text.replace(/[>_]/g, (c) => `\\${c}`);
      const hits = events.filter((l) => l.includes(escaped));
      expect(hits, text).toHaveLength(1);
      expect(hits[0]!.startsWith(`- ${time} · `)).toBe(true);
      const index = events.indexOf(hits[0]!);
      expect(index).toBeGreaterThan(last);
      last = index;
    }
  });

  it('marks the key moments', () => {
    const events = section(doc, '## Timeline').filter((l) => l.startsWith('- '));
    expect(events[0]).toBe('- 14:23 · **Impact began · Detection · Declaration** · Incident declared (SEV-1)');
    expect(events.find((l) => l.includes('**Identified**'))).toMatch(/^- 14:35 · .*Investigating → Identified/);
    expect(events.find((l) => l.includes('**Mitigation**'))).toMatch(/^- 14:50 · .*Identified → Monitoring/);
    expect(events.find((l) => l.includes('**Recovery**'))).toMatch(/^- 15:30 · /);
    expect(events.find((l) => l.includes('**Resolution**'))).toBe(
      '- 15:47 · **Resolution** · Incident resolved — Minji Park',
    );
    expect(events.find((l) => l.startsWith('- 14:30 · Status update'))).toBe(
      '- 14:30 · Status update posted (SEV-1, Identified): Writes failing on order-service; primary CPU 100%. — Hana Kim',
    );
  });

  it('has the confirmed root cause and the five contributing factors numbered', () => {
    const factors = section(doc, '### Contributing factors').filter((l) => /^\d+\. /.test(l));
    expect(factors).toEqual(SEED_002_FACTORS.map((f, i) => `${i + 1}. ${f.replace(/_/g, '\\_')}`));
  });

  it('groups action items by horizon with checkbox state, owner and due date', () => {
    const groups: Record<string, string> = {
      immediate: '### Immediate',
      short_term: '### Short-term',
      long_term: '### Long-term',
    };
    for (const [horizon, title] of SEED_002_ACTIONS) {
      const lines = section(doc, groups[horizon]!);
      const escaped = title.replace(/_/g, '\\_');
      const line = lines.find((l) => l.includes(escaped));
      expect(line, title).toBeDefined();
      expect(line!.startsWith(horizon === 'immediate' ? '- [x] ' : '- [ ] ')).toBe(true);
      expect(line).toMatch(/ — owner: (Minji Park|Seojun Lee) — due: 2024-\d\d-\d\d$/);
    }
    const checkboxes = doc.split('\n').filter((l) => CHECKBOX.test(l));
    expect(checkboxes).toHaveLength(SEED_002_ACTIONS.length);
    expect(checkboxes.filter((l) => l.startsWith('- [x]'))).toHaveLength(3);
  });

  it('reports the metrics', () => {
    const m = computeMetrics(seed002());
    expect(m).toMatchObject({
      timeToDetectMinutes: 0,
      timeToAcknowledgeMinutes: 2,
      timeToMitigateMinutes: 27,
      timeToResolveMinutes: 84,
      durationMinutes: 84,
      updatesPosted: 5,
      updatesExpected: 5,
      longestGapMinutes: 25,
    });
    const metrics = section(doc, '## Metrics').join('\n');
    expect(metrics).toContain('| Time to detect | 0 min |');
    expect(metrics).toContain('| Time to acknowledge | 2 min |');
    expect(metrics).toContain('| Time to mitigate | 27 min |');
    expect(metrics).toContain('| Time to resolve | 84 min |');
    expect(metrics).toContain('| Status updates posted / called for by cadence | 5 / 5 |');
    expect(metrics).toContain('| Longest gap between updates | 25 min |');
  });

  it('has the impact figures and the updates as posted, labelled from SEVERITY_INFO', () => {
    const impact = section(doc, '## Impact').join('\n');
    expect(impact).toContain('  - 150 orders failed and required manual retry by customer support');
    expect(impact).toContain('- **Business impact:** Estimated revenue impact: approximately $15,000');
    const first = section(doc, '### Update 1 · 14:30 KST');
    expect(first).toContain('- **Current impact scope:** order-service writes \\| reads (30%)');
    expect(first).toContain('- **Customer impact:** Orders cannot be placed / or are delayed');
    expect(first).toContain('- **Workaround:** None');
    expect(first).toContain('- **Mitigation ETA:** 15:00 KST');
    expect(first).toContain('- **Full recovery ETA:** unknown');
  });

  it('is deterministic', () => {
    expect(renderPostmortem(seed002(), EN)).toBe(doc);
    const shuffled = seed002();
    shuffled.timeline.reverse();
    shuffled.updates.reverse();
    shuffled.actionItems.reverse();
    expect(renderPostmortem(shuffled, EN)).toBe(doc);
  });
});

describe('seed 002 in Korean', () => {
  const doc = renderPostmortem(seed002(), KO);

  it('has the Korean headings in order and no English heading left', () => {
    expect(headings(doc)).toEqual(KO_HEADINGS);
    for (const h of EN_HEADINGS.slice(1)) expect(doc).not.toContain(h);
    for (const l of headings(doc).slice(1)) expect(l.replace(/ KST$/, '')).not.toMatch(/[A-Za-z]/);
  });

  it('keeps times in KST, the 84 minutes, the timeline and the metrics', () => {
    expect(doc).toContain('| 지속 시간 | 84분 (1시간 24분) |');
    expect(doc).toContain('모든 시각은 KST (Asia/Seoul) 기준입니다.');
    expect(doc).toContain('| 해결까지 걸린 시간 | 84분 |');
    expect(doc).toContain('| 게시된 상태 업데이트 / 주기상 필요한 업데이트 | 5 / 5 |');
    const events = section(doc, '## 타임라인').filter((l) => l.startsWith('- '));
    expect(events).toHaveLength(seed002().timeline.length);
    expect(events[0]).toBe('- 14:23 · **영향 시작 · 감지 · 선언** · 인시던트 선언 (SEV-1)');
    expect(section(doc, '### 즉시').filter((l) => l.startsWith('- [x] '))).toHaveLength(3);
    expect(section(doc, '### 업데이트 1 · 14:30 KST')).toContain('- **임시조치 ETA:** 15:00 KST');
  });

  it('is deterministic', () => {
    expect(renderPostmortem(seed002(), KO)).toBe(doc);
  });
});

describe('external variant', () => {
  const hostile = (): ReturnType<typeof seed002> => {
    const input = seed002();
    input.incident.title = 'INC-42 order DB down, ping <@U01ONCALL1> in #inc-42-order-db-outage';
    input.resolution!.summary =
      'Minji Park saw it in <#C07INCIDNT|inc-42-order-db-outage>; see https://acme.slack.com/archives/C07INCIDNT/p1 and @seojun';
    input.resolution!.customerImpact = 'Checkout failed (per U02DBADMIN)\n- Seojun Lee confirmed <!channel>';
    input.actionItems[0]!.title = 'Ask Hana Kim to add a timeout (see INC-41)';
    input.timeline.push({
      id: 999,
      incidentId: 42,
      kind: 'note_added',
      actorId: DBA,
      occurredAt: kst('15:00'),
      data: { text: 'SECRET internal note' },
    });
    return input;
  };

  for (const options of [EXT_EN, EXT_KO]) {
    for (const [name, make] of [
      ['seed 002', seed002],
      ['hostile texts', hostile],
    ] as const) {
      it(`${options.locale}, ${name}: no user ids, names, channels, Slack links or notes`, () => {
        const doc = renderPostmortem(make(), options);
        expect(doc).not.toMatch(/\b[UWC][A-Z0-9]{6,}\b/);
        for (const n of Object.values(USER_NAMES)) expect(doc).not.toContain(n);
        expect(doc).not.toMatch(/<[#@!]/);
        expect(doc).not.toMatch(/\\?#inc/i);
        expect(doc).not.toContain('slack.com');
        expect(doc).not.toMatch(/INC-\d/);
        expect(doc).not.toContain('@seojun');
        expect(doc).not.toContain('SECRET');
        expect(doc).not.toContain('Automated alert');
        expect(doc).not.toMatch(/\[[ x]\]/);
        expect(doc).not.toContain(ONCALL);
        expect(tablesIntact(doc)).toBe(true);
      });
    }
  }

  it('says what happened, when, who was affected, what was done and what will prevent it', () => {
    const doc = renderPostmortem(seed002(), EXT_EN);
    expect(headings(doc)).toEqual([
      '# Production Database Outage: order-service — Incident report',
      '## What happened',
      '## When',
      '## Who was affected',
      '## What we did',
      '## What we are doing to prevent it',
    ]);
    expect(doc).toContain('From 2024-11-15 14:23 KST to 2024-11-15 15:47 KST, 84 min (1 h 24 min).');
    expect(doc).toContain('- Deploy PgBouncer as connection pooler\n');
    expect(doc).not.toContain('owner');
    const ko = renderPostmortem(seed002(), EXT_KO);
    expect(headings(ko).slice(1)).toEqual([
      '## 무슨 일이 있었나요',
      '## 발생 시간',
      '## 영향을 받은 사용자',
      '## 조치 내용',
      '## 재발 방지 대책',
    ]);
  });
});

describe('dates on timeline lines', () => {
  it('a single-day incident shows only times of day', () => {
    const lines = section(renderPostmortem(seed002(), EN), '## Timeline').filter((l) => l.startsWith('- '));
    for (const l of lines) expect(l).toMatch(/^- \d\d:\d\d · /);
  });

  it('an incident across midnight in the zone shows the date on every line', () => {
    const input = seed002();
    const resolve = input.timeline.find((e) => e.kind === 'resolved')!;
    resolve.occurredAt = kst('01:10', '2024-11-16');
    input.incident.resolvedAt = resolve.occurredAt;
    const doc = renderPostmortem(input, EN);
    const lines = section(doc, '## Timeline').filter((l) => l.startsWith('- '));
    for (const l of lines) expect(l).toMatch(/^- 2024-11-1[56] \d\d:\d\d · /);
    expect(lines.at(-1)).toBe('- 2024-11-16 01:10 · **Resolution** · Incident resolved — Minji Park');
    expect(doc).toContain('| Duration | 647 min (10 h 47 min) |');
  });

  it('uses the zone of the options: the same incident is one day in KST but two in UTC-8', () => {
    const input = seed002();
    const la = renderPostmortem(input, { ...EN, timeZone: 'America/Los_Angeles' });
    // 14:23–15:47 KST is 21:23–22:47 PST on 2024-11-14: still one day.
    expect(section(la, '## Timeline').filter((l) => l.startsWith('- '))[0]).toMatch(/^- 21:23 · /);
    expect(la).toContain('All times PST (America/Los_Angeles).');
    const resolve = input.timeline.find((e) => e.kind === 'resolved')!;
    resolve.occurredAt = kst('17:30');
    const la2 = renderPostmortem(input, { ...EN, timeZone: 'America/Los_Angeles' });
    expect(section(la2, '## Timeline').filter((l) => l.startsWith('- '))[0]).toMatch(/^- 2024-11-14 21:23 · /);
  });

  it('rejects an unknown zone', () => {
    expect(() => renderPostmortem(seed002(), { ...EN, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
