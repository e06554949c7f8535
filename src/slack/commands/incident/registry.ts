import { helpMessage, type HelpLine } from '../../blocks/help.js';
import { assign } from './assign.js';
import type { Subcommand } from './context.js';
import { declare } from './declare.js';
import { checklist } from './checklist.js';
import { runbook } from './runbook.js';
import { task } from './task.js';
import { followup } from './followup.js';
import { followups } from './followups.js';
import { insights } from './insights.js';
import { list } from './list.js';
import { note } from './note.js';
import { postmortem } from './postmortem.js';
import { reopen } from './reopen.js';
import { resolve } from './resolve.js';
import { scenario } from './scenario.js';
import { severity } from './severity.js';
import { status } from './status.js';
import { timeline } from './timeline.js';
import { update } from './update.js';

export interface SubcommandEntry extends HelpLine {
  /** Other words that run it (`sev` for `severity`); not listed in help. */
  aliases?: readonly string[];
  run: Subcommand;
}

const help: Subcommand = async (ctx) => {
  await ctx.ack({ response_type: 'ephemeral', ...helpMessage({ lines: SUBCOMMANDS, texts: ctx.texts }) });
};

/**
 * Every `/incident` subcommand, once: routing and help both read this list. Each runs by its
 * English name and its Korean one; what it does and its arguments are in the message catalog
 * (src/domain/texts, `help.subcommands`), so a subcommand without its texts does not compile.
 */
export const SUBCOMMANDS: readonly SubcommandEntry[] = [
  { name: 'declare', korean: '선언', run: declare },
  { name: 'update', korean: '업데이트', run: update },
  { name: 'severity', korean: '심각도', aliases: ['sev'], run: severity },
  { name: 'status', korean: '상태', run: status },
  { name: 'assign', korean: '배정', run: assign },
  { name: 'note', korean: '메모', run: note },
  { name: 'timeline', korean: '타임라인', run: timeline },
  { name: 'scenario', korean: '시나리오', run: scenario },
  { name: 'resolve', korean: '해결', run: resolve },
  { name: 'reopen', korean: '재개', run: reopen },
  { name: 'checklist', korean: '체크리스트', run: checklist },
  { name: 'task', korean: '작업', run: task },
  { name: 'runbook', korean: '런북', run: runbook },
  { name: 'followup', korean: '후속조치', run: followup },
  { name: 'followups', korean: '후속조치목록', run: followups },
  { name: 'postmortem', korean: '사후분석', run: postmortem },
  { name: 'list', korean: '목록', run: list },
  { name: 'insights', korean: '인사이트', run: insights },
  { name: 'help', korean: '도움말', run: help },
];

/** A Map, not an object: `__proto__` or `constructor` typed by a user finds nothing. */
const BY_NAME = new Map<string, SubcommandEntry>(
  SUBCOMMANDS.flatMap((entry) => [entry.name, entry.korean, ...(entry.aliases ?? [])].map((name) => [name, entry] as const)),
);

/** The subcommand a typed word names: English in any case, Korean in either Unicode form. */
export function findSubcommand(name: string): SubcommandEntry | undefined {
  return BY_NAME.get(name.normalize('NFC').toLowerCase());
}
