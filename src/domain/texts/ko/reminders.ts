import type { Texts } from '../catalog.js';

export const reminders: Texts['reminders'] = {
  which: (n) => `${n}번째 상황 업데이트`,
  cadence: (severity, minutes) => `${severity}: ${minutes}분마다`,
  dueNow: '지금 올릴 차례입니다',
  late: (minutes) => `*${minutes}분 늦었습니다*`,
  due: (commander, which, title, when, cadence, lateness) => `${commander}님, ${title}의 ${which} 기한은 ${when}입니다 (${cadence}). ${lateness}.`,
  duePlain: (incident, n) => `${incident}: ${n}번째 상황 업데이트 기한 (알림)`,
  escalated: (which, title, when, cadence, lateness, commander, comms) =>
    `${title}의 ${which}가 아직 없습니다 (기한 ${when}, ${cadence}). ${lateness}.\n` +
    `커맨더 ${commander}, 커뮤니케이션 담당: ${comms}. 누가 대신 올려 주실 수 있나요?`,
  noCommsLead: '배정되지 않음',
  escalatedPlain: (incident, n) => `${incident}: ${n}번째 상황 업데이트 지연 (에스컬레이션)`,
  overdue: (title, which, when, cadence, lateness, commander, where) =>
    `${title}: ${which}가 늦어지고 있습니다 (기한 ${when}, ${cadence}). ${lateness}. 커맨더 ${commander}. 진행 상황은 ${where}에서 보세요.`,
  itsChannel: '인시던트 채널',
  overduePlain: (incident, n) => `${incident}: ${n}번째 상황 업데이트 지연`,
  answered: (person, when) => `처리됨: ${person}님이 ${when}에 업데이트를 올렸습니다.`,
  answeredLate: (person, when, minutes) => `처리됨: ${person}님이 ${when}에 업데이트를 올렸습니다 (${minutes}분 지연).`,
  severityChanged: (person, severity) => `${person}님이 심각도를 ${severity}(으)로 바꿨습니다.`,
  severityChangedNext: (person, severity, when) => `${person}님이 심각도를 ${severity}(으)로 바꿨습니다. 다음 업데이트 기한은 ${when}입니다.`,
  resolved: (person, when) => `${person}님이 ${when}에 인시던트를 해결 처리했습니다. 더 올릴 업데이트는 없습니다.`,
  answeredPlain: (title) => `${title}: 알림 처리됨`,
  snooze: (minutes, left) => `${minutes}분 미루기 (${left}회 남음)`,
  snoozesLeft: (left, limit) => `이번 주기에 남은 미루기: ${limit}회 중 ${left}회.`,
  snoozed: (person, until) => `${person}님이 ${until}까지 미뤘습니다.`,
};
