import type { Texts } from '../catalog.js';

export const insights: Texts['insights'] = {
  phase: { detect: '탐지', acknowledge: '확인', mitigate: '완화', resolve: '해결' },
  minutes: (m) => `${m}분`,
  hours: (h) => `${h}시간`,
  hoursMinutes: (h, m) => `${h}시간 ${m}분`,
  days: (d) => `${d}일`,
  daysHours: (d, h) => `${d}일 ${h}시간`,
  heading: (days) => `*인사이트, 최근 ${days}일* (괄호 안은 그 이전 ${days}일)`,
  severityHead: (sev, resolved, before, open, drills) => `*${sev}* · 해결 ${resolved}건 (${before}) · 진행 중 ${open}건 · 훈련 ${drills}건`,
  noneResolved: '해결된 인시던트가 없습니다.',
  phaseNone: '해당 인시던트 없음',
  phaseFigures: (n, median, p90) => `${n}건 · 중앙값 ${median} · p90 ${p90}`,
  was: (median) => `(이전 ${median})`,
  legend: '최고 심각도별 소요 시간(분)의 중앙값과 90백분위수입니다. 띠는 각 인시던트를 1분부터 하루까지의 눈금에 찍습니다. 훈련과 진행 중인 인시던트는 소요 시간에서 뺍니다.',
  fallback: (days, totals) => `인사이트, 최근 ${days}일 해결 건수: ${totals}.`,
  people: (responders, hours, sleep, woken) =>
    `*대응 인원:* ${responders}명, 인시던트에 ${hours}시간(그중 수면 시간대 ${sleep}시간), 자다가 깬 사람 ${woken}명.`,
  followUps: (onTime, late, overdue, open) => `*후속 조치:* 기한 내 완료 ${onTime}건, 늦게 완료 ${late}건, 기한 지남 ${overdue}건, 진행 중 ${open}건.`,
  repeats: (list) => `*반복:* ${list}`,
  repeatsMore: (count) => `외 ${count}건`,
  repeat: {
    alertGroup: (scenario, group) => `같은 시나리오(${scenario})에 같은 알림 그룹 ${group}`,
    word: (scenario, word) => `같은 시나리오(${scenario})에 제목에 같은 단어 "${word}"`,
    hiddenWord: (scenario) => `같은 시나리오(${scenario})에 제목에 같은 단어`,
  },
  home: {
    line: (sev, resolved, open) => `*${sev}* 해결 ${resolved}건, 진행 중 ${open}건`,
    timing: (median, p90) => `해결까지 중앙값 ${median}, p90 ${p90}`,
    more: '단계별 수치는 `/incident insights`.',
  },
  dayFormat: 'yyyy년 M월 d일',
  digest: {
    heading: (to) => `:bar_chart: *주간 인사이트* (${to}까지)`,
    empty: (days) => `최근 ${days}일 동안 인시던트가 없었습니다.`,
    fallback: (summary) => `주간 인사이트: ${summary}`,
  },
  chart: {
    title: (from, to) => `해결까지 걸린 시간, ${from} – ${to}`,
    axis: '해결까지 걸린 시간 (분, 로그 눈금)',
    thisPeriod: '이번 기간',
    periodBefore: '이전 기간',
  },
};
