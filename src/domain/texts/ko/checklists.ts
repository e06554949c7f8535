import type { Texts } from '../catalog.js';

export const checklists: Texts['checklists'] = {
  title: (runbook) => `체크리스트: ${runbook}`,
  tasks: '작업',
  followAlertRunbook: (alert) => `알림의 런북을 따릅니다: ${alert}`,
  progress: (done, total) => `${total}개 중 ${done}개 완료 또는 건너뜀`,
  drill: '*훈련* — 연습입니다',
  assignedTo: (person) => `담당: ${person}`,
  doneBy: (person, when) => `${person}님이 ${when}에 완료`,
  skippedBy: (person, reason) => `${person}님이 건너뜀: ${reason}`,
  forRole: (role) => `역할: ${role}`,
  due: (when) => `기한 ${when}`,
  runbookLink: '런북 링크',
  done: '완료',
  skip: '건너뛰기…',
  assign: '담당 지정',
  undo: '실행 취소',
};
