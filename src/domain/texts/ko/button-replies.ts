import type { Texts } from '../catalog.js';

export const buttonReplies: Texts['buttonReplies'] = {
  incidentGone: '그 인시던트는 더 이상 없습니다.',
  alertGone: '그 알림은 더 이상 여기서 알 수 없습니다.',
  noteButtonOutOfDate: '오래된 버튼입니다. `/incident timeline`으로 항목을 찾으세요.',
  timelineButtonOutOfDate: '오래된 버튼입니다. `/incident timeline`을 다시 실행하세요.',
  timelineMenuOutOfDate: '오래된 메뉴입니다. `/incident timeline`을 다시 실행하세요.',
  entryRemoved: '타임라인에서 지웠습니다. 삭제 사실은 기록되며, 포스트모템 초안에서는 이 항목이 빠집니다.',
  correctTheTime: '시각 고치기',
  recordItNow: '지금 시각으로 기록',
  notedNow: (when) => `*지금 시각으로 기록*을 누른 시각 ${when}(으)로 타임라인에 기록했습니다.`,
  notedAlready: '그 메모는 이미 타임라인에 있습니다. *지금 시각으로 기록*은 한 번만 기록합니다.',
  snoozed: (ref, when, left) => `미뤘습니다. ${ref}의 다음 리마인더는 빨라도 ${when}에 옵니다. 이번 주기에 ${left}번 더 미룰 수 있습니다.`,
  messageUnreadable: '그 메시지를 읽을 수 없어 아무것도 추가하지 않았습니다.',
  pinned: (ref) => `${ref} 타임라인에 게시된 시각으로 추가했습니다.`,
  pinnedAlready: (ref) => `그 메시지는 이미 ${ref} 타임라인에 있습니다.`,
};
