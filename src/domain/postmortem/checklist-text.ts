import type { Locale } from './model.js';

/** The words of the checklist's timeline lines and of the draft's "Response checklist" section, per locale. */
export interface ChecklistText {
  heading: string;
  attached: (title: string, how: 'matched' | 'manual' | 'tasks') => string;
  done: (text: string) => string;
  skipped: (text: string, reason: string) => string;
  reopened: (text: string) => string;
  assigned: (text: string, user: string) => string;
  added: (text: string) => string;
  /** Section lines: done by whom, minutes after detection; skipped by whom and why; left open. */
  itemDone: (text: string, who: string, minutes: number) => string;
  itemSkipped: (text: string, who: string, reason: string) => string;
  itemOpen: (text: string, assignee: string | null) => string;
  summary: (done: number, skipped: number, open: number) => string;
}

const HOW_EN = { matched: 'matched by severity and scenario', manual: 'attached by hand', tasks: 'created by /incident task' } as const;
const HOW_KO = { matched: '심각도·시나리오로 연결', manual: '수동 연결', tasks: '/incident task로 생성' } as const;

export const CHECKLIST_TEXT: Record<Locale, ChecklistText> = {
  en: {
    heading: 'Response checklist',
    attached: (title, how) => `Runbook attached: ${title} (${HOW_EN[how]})`,
    done: (text) => `Checklist step done: ${text}`,
    skipped: (text, reason) => `Checklist step skipped: ${text} — why: ${reason}`,
    reopened: (text) => `Checklist step reopened (undo): ${text}`,
    assigned: (text, user) => `Checklist step assigned to ${user}: ${text}`,
    added: (text) => `Task added: ${text}`,
    itemDone: (text, who, minutes) => `- [x] ${text} — done by ${who}, ${minutes} min after detection`,
    itemSkipped: (text, who, reason) => `- [ ] ~~${text}~~ — skipped by ${who}: ${reason}`,
    itemOpen: (text, assignee) => `- [ ] ${text} — left open${assignee ? ` (assigned to ${assignee})` : ''}`,
    summary: (done, skipped, open) => `${done} done, ${skipped} skipped, ${open} left open.`,
  },
  ko: {
    heading: '대응 체크리스트',
    attached: (title, how) => `런북 연결: ${title} (${HOW_KO[how]})`,
    done: (text) => `체크리스트 단계 완료: ${text}`,
    skipped: (text, reason) => `체크리스트 단계 건너뜀: ${text} — 사유: ${reason}`,
    reopened: (text) => `체크리스트 단계 다시 열림(실행 취소): ${text}`,
    assigned: (text, user) => `체크리스트 단계 담당 지정(${user}): ${text}`,
    added: (text) => `작업 추가: ${text}`,
    itemDone: (text, who, minutes) => `- [x] ${text} — ${who} 완료, 탐지 후 ${minutes}분`,
    itemSkipped: (text, who, reason) => `- [ ] ~~${text}~~ — ${who} 건너뜀: ${reason}`,
    itemOpen: (text, assignee) => `- [ ] ${text} — 미완료${assignee ? ` (담당: ${assignee})` : ''}`,
    summary: (done, skipped, open) => `완료 ${done}, 건너뜀 ${skipped}, 미완료 ${open}.`,
  },
};
