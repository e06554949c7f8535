import type { Role, Scenario, Status } from '../incident.js';
import type { Severity } from '../severity.js';
import type { Horizon } from '../timeline.js';
import type { Locale, Variant } from './model.js';

/** Key moments marked on the timeline. */
export type KeyMoment =
  | 'started'
  | 'detection'
  | 'declaration'
  | 'acknowledgement'
  | 'identified'
  | 'mitigation'
  | 'recovery'
  | 'resolution';

/** The scenario's own section, after the runbook (seed 001) templates. */
export type ScenarioSection = 'follow_ups' | 'rollback' | 'capacity';

export const SCENARIO_SECTION: Record<Scenario, ScenarioSection> = {
  database: 'follow_ups',
  redis: 'follow_ups',
  other: 'follow_ups',
  deploy: 'rollback',
  overload: 'capacity',
};

export interface EventText {
  declared: (severity: string | null) => string;
  status_changed: (from: string, to: string) => string;
  severity_changed: (from: string, to: string) => string;
  role_assigned: (role: string, user: string) => string;
  update_posted: (label: string | null, summary: string) => string;
  note_added: (text: string) => string;
  entry_edited: string;
  entry_removed: string;
  reminder_sent: string;
  reminder_escalated: string;
  update_overdue: string;
  reminder_withdrawn: string;
  snoozed: (minutes: number | null) => string;
  resolved: string;
  reopened: string;
  alert_fired: (title: string, source: string) => string;
  alert_resolved: (title: string, source: string) => string;
  action_item_added: (title: string) => string;
  postmortem_generated: string;
  scenario_changed: (from: string, to: string) => string;
  action_item_done: (title: string) => string;
  channel_created: string;
  postmortem_shared: string;
  /** A message of the conversation; `text` null until it was read from Slack. */
  message_pinned: (author: string, text: string | null) => string;
  message_link: string;
  message_files: string;
  message_history: string;
}

export interface PostmortemStrings {
  titleSuffix: string;
  /** The uploaded file's title in Slack (`ref`: `INC-7`), before its version number. */
  fileTitle: (ref: string, variant: Variant) => string;
  headings: {
    summary: string;
    facts: string;
    impact: string;
    timeline: string;
    rootCause: (confirmed: boolean) => string;
    contributingFactors: string;
    resolution: string;
    scenario: Record<ScenarioSection, string>;
    actionItems: string;
    horizons: Record<Horizon, string>;
    lessons: string;
    wentWell: string;
    wentWrong: string;
    gotLucky: string;
    metrics: string;
    appendix: string;
    update: (n: number, when: string) => string;
  };
  facts: {
    field: string;
    value: string;
    severity: string;
    status: string;
    scenario: string;
    started: string;
    detected: string;
    declared: string;
    mitigated: string;
    resolved: string;
    duration: string;
    commander: string;
    roles: Record<Role, string>;
    responders: string;
    channel: string;
    drill: string;
  };
  impact: { scope: string; customer: string; business: string };
  timeline: { timesIn: (zone: string) => string; empty: string; added: (at: string) => string; edited: (at: string) => string };
  keyMoments: Record<KeyMoment, string>;
  events: EventText;
  rootCause: { prompt: string; factorsPrompt: string };
  resolution: { signal: string; when: string; summary: string; prompt: string };
  scenarioPrompts: Record<ScenarioSection, readonly string[]>;
  actionItems: { owner: string; unassigned: string; due: string; none: string };
  lessons: { wentWell: string; wentWrong: string; gotLucky: string };
  metrics: {
    metric: string;
    value: string;
    timeToDetect: string;
    timeToAcknowledge: string;
    timeToIdentify: string;
    timeToMitigate: string;
    timeToResolve: string;
    updates: string;
    updatesValue: (posted: number, expected: number | null) => string;
    longestGap: string;
  };
  appendix: { postedBy: string; summary: string; none: string };
  unknown: string;
  notYet: string;
  toFillIn: string;
  minutes: (n: number) => string;
  duration: (n: number) => string;
  summaryLine: (sev: string, scenario: string, duration: string | null) => string;
  /** The peak beside the final severity, when they differ: at resolution, or now while open. */
  severityWithPeak: (peak: string, final: string, resolved: boolean) => string;
  status: Record<Status, string>;
  scenario: Record<Scenario, string>;
  severityMeaning: Record<Severity, string>;
  /** Report field labels per severity (fallback: SEVERITY_INFO label). */
  reportFields: Partial<Record<Severity, Record<string, string>>>;
  external: {
    titleSuffix: string;
    whatHappened: string;
    when: string;
    whoAffected: string;
    whatWeDid: string;
    prevention: string;
    cause: (confirmed: boolean) => string;
    whenLine: (start: string, end: string | null, duration: string | null) => string;
    detected: (at: string) => string;
    mitigated: (at: string) => string;
    resolved: (at: string) => string;
    recovery: (signal: string) => string;
    noDetails: string;
    noPrevention: string;
    redacted: string;
  };
}

const hm = (n: number): [number, number] => [Math.floor(n / 60), n % 60];

const en: PostmortemStrings = {
  titleSuffix: 'Postmortem draft',
  fileTitle: (ref, variant) => `${ref} postmortem draft${variant === 'external' ? ' (customer-facing)' : ''}`,
  headings: {
    summary: 'Summary',
    facts: 'Facts',
    impact: 'Impact',
    timeline: 'Timeline',
    rootCause: (c) => (c ? 'Root cause (confirmed)' : 'Root cause (suspected)'),
    contributingFactors: 'Contributing factors',
    resolution: 'Resolution and recovery validation',
    scenario: {
      follow_ups: 'Follow-ups',
      rollback: 'Rollback / redeploy record',
      capacity: 'Capacity / performance follow-ups',
    },
    actionItems: 'Action items',
    horizons: { immediate: 'Immediate', short_term: 'Short-term', long_term: 'Long-term' },
    lessons: 'Lessons learned',
    wentWell: 'What went well',
    wentWrong: 'What went wrong',
    gotLucky: 'Where we got lucky',
    metrics: 'Metrics',
    appendix: 'Appendix: status updates as posted',
    update: (n, when) => `Update ${n} · ${when}`,
  },
  facts: {
    field: 'Field',
    value: 'Value',
    severity: 'Severity',
    status: 'Status',
    scenario: 'Scenario',
    started: 'Impact began',
    detected: 'Detected',
    declared: 'Declared',
    mitigated: 'Mitigated',
    resolved: 'Resolved',
    duration: 'Duration',
    commander: 'Commander',
    roles: { commander: 'Commander', comms: 'Communications lead', scribe: 'Scribe' },
    responders: 'Responders',
    channel: 'Channel',
    drill: 'This was a drill.',
  },
  impact: { scope: 'Scope', customer: 'Customer impact', business: 'Business impact' },
  timeline: { timesIn: (z) => `All times ${z}.`, empty: 'No events recorded.', added: (t) => `(added ${t})`, edited: (t) => `(edited ${t})` },
  keyMoments: {
    started: 'Impact began',
    detection: 'Detection',
    declaration: 'Declaration',
    acknowledgement: 'Acknowledged',
    identified: 'Identified',
    mitigation: 'Mitigation',
    recovery: 'Recovery',
    resolution: 'Resolution',
  },
  events: {
    declared: (s) => (s ? `Incident declared (${s})` : 'Incident declared'),
    status_changed: (f, t) => `Status changed: ${f} → ${t}`,
    severity_changed: (f, t) => `Severity changed: ${f} → ${t}`,
    role_assigned: (r, u) => `${r} assigned: ${u}`,
    update_posted: (l, s) => `Status update posted${l ? ` (${l})` : ''}${s ? `: ${s}` : ''}`,
    note_added: (t) => `Note: ${t}`,
    entry_edited: 'Timeline entry edited',
    entry_removed: 'Timeline entry removed',
    reminder_sent: 'Update reminder sent',
    reminder_escalated: 'Update reminder escalated',
    update_overdue: 'Status update overdue',
    reminder_withdrawn: 'Update reminder withdrawn before it reached Slack',
    snoozed: (m) => (m ? `Reminder snoozed for ${m} min` : 'Reminder snoozed'),
    resolved: 'Incident resolved',
    reopened: 'Incident reopened',
    alert_fired: (title, source) => `Alert fired (${source}): ${title}`,
    alert_resolved: (title, source) => `Alert resolved (${source}): ${title}`,
    action_item_added: (t) => `Action item added: ${t}`,
    postmortem_generated: 'Postmortem draft generated',
    scenario_changed: (f, t) => `Scenario changed: ${f} → ${t}`,
    action_item_done: (t) => `Action item done: ${t}`,
    channel_created: 'Incident channel created',
    postmortem_shared: 'Postmortem draft shared in the incident channel',
    message_pinned: (a, t) => (t === null ? `Message from ${a}` : `${a}: ${t}`),
    message_link: 'message',
    message_files: 'files',
    message_history: 'Message on the timeline changed',
  },
  rootCause: {
    prompt: '_To fill in: what caused the incident, and how it was confirmed._',
    factorsPrompt: '_To fill in: what made it possible, worse or longer._',
  },
  resolution: {
    signal: 'Recovery signal',
    when: 'Recovery confirmed at',
    summary: 'How it was resolved',
    prompt: '_To fill in: which metric or check showed recovery, and when._',
  },
  scenarioPrompts: {
    follow_ups: ['_To fill in: follow-up work beyond the action items (tickets, owners, runbook changes)._'],
    rollback: [
      'Deploy / version that caused it: _to fill in_',
      'Previous known-good version rolled back to, and when: _to fill in_',
      'Schema or configuration changes involved: _to fill in_',
      'Redeploy of the fix, and when: _to fill in_',
    ],
    capacity: [
      'Peak load against capacity: _to fill in_',
      'Scaling or throttling done during the incident: _to fill in_',
      'Capacity and performance changes planned: _to fill in_',
    ],
  },
  actionItems: { owner: 'owner', unassigned: 'unassigned', due: 'due', none: '_None yet._' },
  lessons: {
    wentWell: '_To fill in: what worked — detection, tooling, communication._',
    wentWrong: '_To fill in: what slowed us down or made it worse._',
    gotLucky: '_To fill in: what could have gone worse but did not._',
  },
  metrics: {
    metric: 'Metric',
    value: 'Value',
    timeToDetect: 'Time to detect',
    timeToAcknowledge: 'Time to acknowledge',
    timeToIdentify: 'Time to identify',
    timeToMitigate: 'Time to mitigate',
    timeToResolve: 'Time to resolve',
    updates: 'Status updates posted / called for by cadence',
    updatesValue: (p, e) => `${p} / ${e ?? 'unknown'}`,
    longestGap: 'Longest gap between updates',
  },
  appendix: { postedBy: 'Posted by', summary: 'Summary', none: '_No status updates were posted._' },
  unknown: 'unknown',
  notYet: 'not yet',
  toFillIn: '_to fill in_',
  minutes: (n) => `${n} min`,
  duration: (n) => {
    const [h, m] = hm(n);
    return n >= 60 ? `${n} min (${h} h ${m} min)` : `${n} min`;
  },
  summaryLine: (sev, sc, d) => `${sev} · ${sc}${d ? ` · ${d}` : ''}.`,
  severityWithPeak: (p, f, resolved) => (resolved ? `${p} peak, ${f} at resolution` : `${f} now, ${p} peak`),
  status: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
  scenario: {
    database: 'Database outage',
    redis: 'Redis / rate-limit backend outage',
    deploy: 'Deploy / release incident',
    overload: 'Overload / traffic surge',
    other: 'Other',
  },
  severityMeaning: {
    sev1: 'Complete outage or critical data-integrity risk',
    sev2: 'Major degradation of key workflows',
    sev3: 'Partial degradation with a workaround',
  },
  reportFields: {},
  external: {
    titleSuffix: 'Incident report',
    whatHappened: 'What happened',
    when: 'When',
    whoAffected: 'Who was affected',
    whatWeDid: 'What we did',
    prevention: 'What we are doing to prevent it',
    cause: (c) => (c ? 'Cause:' : 'Suspected cause (our investigation continues):'),
    whenLine: (s, e, d) =>
      e ? `From ${s} to ${e}${d ? `, ${d}` : ''}.` : `Since ${s}; the incident is not resolved yet.`,
    detected: (a) => `We detected the problem at ${a}.`,
    mitigated: (a) => `We mitigated the impact at ${a}.`,
    resolved: (a) => `The service was fully restored at ${a}.`,
    recovery: (s) => `Recovery was confirmed by: ${s}`,
    noDetails: 'Details will follow.',
    noPrevention: 'We are reviewing the incident and will share follow-up work.',
    redacted: '(redacted)',
  },
};

const ko: PostmortemStrings = {
  titleSuffix: '포스트모템 초안',
  fileTitle: (ref, variant) => `${ref} 포스트모템 초안${variant === 'external' ? '(고객용)' : ''}`,
  headings: {
    summary: '요약',
    facts: '사실',
    impact: '영향',
    timeline: '타임라인',
    rootCause: (c) => (c ? '근본 원인 (확정)' : '근본 원인 (추정)'),
    contributingFactors: '기여 요인',
    resolution: '해결 및 복구 검증',
    scenario: {
      follow_ups: '후속조치',
      rollback: '롤백/재배포 기록',
      capacity: '용량/성능 후속조치',
    },
    actionItems: '조치 항목',
    horizons: { immediate: '즉시', short_term: '단기', long_term: '장기' },
    lessons: '교훈',
    wentWell: '잘된 점',
    wentWrong: '잘못된 점',
    gotLucky: '운이 좋았던 점',
    metrics: '지표',
    appendix: '부록: 게시된 상태 업데이트',
    update: (n, when) => `업데이트 ${n} · ${when}`,
  },
  facts: {
    field: '항목',
    value: '값',
    severity: '심각도',
    status: '상태',
    scenario: '시나리오',
    started: '영향 시작',
    detected: '감지',
    declared: '선언',
    mitigated: '완화',
    resolved: '해결',
    duration: '지속 시간',
    commander: '인시던트 커맨더',
    roles: { commander: '인시던트 커맨더', comms: '커뮤니케이션 담당', scribe: '기록 담당' },
    responders: '대응자',
    channel: '채널',
    drill: '이 인시던트는 훈련이었습니다.',
  },
  impact: { scope: '영향 범위', customer: '고객 영향', business: '비즈니스 영향' },
  timeline: { timesIn: (z) => `모든 시각은 ${z} 기준입니다.`, empty: '기록된 이벤트가 없습니다.', added: (t) => `(${t}에 추가)`, edited: (t) => `(${t}에 수정)` },
  keyMoments: {
    started: '영향 시작',
    detection: '감지',
    declaration: '선언',
    acknowledgement: '확인',
    identified: '원인 파악',
    mitigation: '완화',
    recovery: '복구',
    resolution: '해결',
  },
  events: {
    declared: (s) => (s ? `인시던트 선언 (${s})` : '인시던트 선언'),
    status_changed: (f, t) => `상태 변경: ${f} → ${t}`,
    severity_changed: (f, t) => `심각도 변경: ${f} → ${t}`,
    role_assigned: (r, u) => `${r} 지정: ${u}`,
    update_posted: (l, s) => `상태 업데이트 게시${l ? ` (${l})` : ''}${s ? `: ${s}` : ''}`,
    note_added: (t) => `메모: ${t}`,
    entry_edited: '타임라인 항목 수정',
    entry_removed: '타임라인 항목 삭제',
    reminder_sent: '업데이트 리마인더 발송',
    reminder_escalated: '업데이트 리마인더 에스컬레이션',
    update_overdue: '상태 업데이트 지연',
    reminder_withdrawn: 'Slack 전달 전 업데이트 리마인더 철회',
    snoozed: (m) => (m ? `리마인더 ${m}분 연기` : '리마인더 연기'),
    resolved: '인시던트 해결',
    reopened: '인시던트 재개',
    alert_fired: (title, source) => `알림 발생 (${source}): ${title}`,
    alert_resolved: (title, source) => `알림 해소 (${source}): ${title}`,
    action_item_added: (t) => `조치 항목 추가: ${t}`,
    postmortem_generated: '포스트모템 초안 생성',
    scenario_changed: (f, t) => `시나리오 변경: ${f} → ${t}`,
    action_item_done: (t) => `조치 항목 완료: ${t}`,
    channel_created: '인시던트 채널 생성',
    postmortem_shared: '인시던트 채널에 포스트모템 초안 공유',
    message_pinned: (a, t) => (t === null ? `${a}의 메시지` : `${a}: ${t}`),
    message_link: '메시지',
    message_files: '파일',
    message_history: '타임라인 메시지 변경',
  },
  rootCause: {
    prompt: '_작성 필요: 무엇이 인시던트를 일으켰고 어떻게 확인했는지._',
    factorsPrompt: '_작성 필요: 무엇이 인시던트를 가능하게 하거나 키우거나 길게 만들었는지._',
  },
  resolution: {
    signal: '복구 확인 지표',
    when: '복구 확인 시각',
    summary: '해결 방법',
    prompt: '_작성 필요: 어떤 지표나 점검으로 언제 복구를 확인했는지._',
  },
  scenarioPrompts: {
    follow_ups: ['_작성 필요: 조치 항목 외의 후속 작업 (티켓, 담당자, 런북 변경)._'],
    rollback: [
      '원인이 된 배포/버전: _작성 필요_',
      '롤백한 이전 정상 버전과 시각: _작성 필요_',
      '관련 스키마/설정 변경: _작성 필요_',
      '수정 재배포와 시각: _작성 필요_',
    ],
    capacity: [
      '최대 부하 대비 용량: _작성 필요_',
      '인시던트 중 수행한 확장/제한 조치: _작성 필요_',
      '계획된 용량/성능 개선: _작성 필요_',
    ],
  },
  actionItems: { owner: '담당', unassigned: '미지정', due: '기한', none: '_아직 없음._' },
  lessons: {
    wentWell: '_작성 필요: 잘 작동한 것 — 감지, 도구, 커뮤니케이션._',
    wentWrong: '_작성 필요: 대응을 늦추거나 악화시킨 것._',
    gotLucky: '_작성 필요: 더 나빠질 수 있었지만 그렇지 않았던 것._',
  },
  metrics: {
    metric: '지표',
    value: '값',
    timeToDetect: '감지까지 걸린 시간',
    timeToAcknowledge: '확인까지 걸린 시간',
    timeToIdentify: '원인 파악까지 걸린 시간',
    timeToMitigate: '완화까지 걸린 시간',
    timeToResolve: '해결까지 걸린 시간',
    updates: '게시된 상태 업데이트 / 주기상 필요한 업데이트',
    updatesValue: (p, e) => `${p} / ${e ?? '알 수 없음'}`,
    longestGap: '업데이트 간 최장 간격',
  },
  appendix: { postedBy: '게시자', summary: '요약', none: '_게시된 상태 업데이트가 없습니다._' },
  unknown: '알 수 없음',
  notYet: '아직 없음',
  toFillIn: '_작성 필요_',
  minutes: (n) => `${n}분`,
  duration: (n) => {
    const [h, m] = hm(n);
    return n >= 60 ? `${n}분 (${h}시간 ${m}분)` : `${n}분`;
  },
  summaryLine: (sev, sc, d) => `${sev} · ${sc}${d ? ` · ${d}` : ''}.`,
  severityWithPeak: (p, f, resolved) => (resolved ? `최고 ${p}, 해결 시 ${f}` : `현재 ${f}, 최고 ${p}`),
  status: { investigating: '조사 중', identified: '원인 파악', monitoring: '모니터링', resolved: '해결됨' },
  scenario: {
    database: 'DB 장애',
    redis: 'Redis/rate_limit_backend 장애',
    deploy: '배포/릴리스 장애',
    overload: '과부하(트래픽 급증)',
    other: '기타',
  },
  severityMeaning: {
    sev1: '전면 장애 또는 심각한 데이터 무결성 위험',
    sev2: '주요 기능의 큰 저하',
    sev3: '우회 경로가 있는 부분 저하',
  },
  reportFields: {
    sev1: {
      impact_scope: '현재 영향 범위',
      customer_impact: '고객 영향',
      workaround: '우회 불가 여부',
      mitigation_eta: '임시조치 ETA',
      recovery_eta: '최종 복구 ETA',
    },
    sev2: {
      impact_scope: '주요 기능 영향 범위',
      workaround: '우회 가능 여부',
      recovery_eta: '완화/복구 ETA',
    },
    sev3: {
      impact_scope: '부분 영향 범위',
      workaround: '임시 우회 경로',
      fix_schedule: '영구 조치 일정',
    },
  },
  external: {
    titleSuffix: '장애 보고',
    whatHappened: '무슨 일이 있었나요',
    when: '발생 시간',
    whoAffected: '영향을 받은 사용자',
    whatWeDid: '조치 내용',
    prevention: '재발 방지 대책',
    cause: (c) => (c ? '원인:' : '추정 원인 (조사 진행 중):'),
    whenLine: (s, e, d) =>
      e ? `${s}부터 ${e}까지${d ? `, ${d}` : ''}.` : `${s}부터 진행 중이며 아직 해결되지 않았습니다.`,
    detected: (a) => `${a}에 문제를 감지했습니다.`,
    mitigated: (a) => `${a}에 영향을 완화했습니다.`,
    resolved: (a) => `${a}에 서비스가 완전히 복구되었습니다.`,
    recovery: (s) => `복구 확인: ${s}`,
    noDetails: '자세한 내용은 추후 안내드리겠습니다.',
    noPrevention: '인시던트를 검토 중이며 후속 조치를 공유드리겠습니다.',
    redacted: '(비공개)',
  },
};

export const STRINGS: Record<Locale, PostmortemStrings> = { en, ko };

export function strings(locale: Locale): PostmortemStrings {
  return STRINGS[locale];
}
