import { HORIZONS } from '../timeline.js';
import { bullet, fullTime, inlineOrSubList, userName, type RenderContext } from './formatting.js';
import { SCENARIO_SECTION } from './i18n.js';
import { escapeBlock, escapeInline } from './markdown.js';

/** 5. Root cause (confirmed or suspected) and contributing factors. */
export function rootCauseSection(ctx: RenderContext): string[] {
  const { s } = ctx;
  const h = s.headings;
  const { resolution } = ctx.input;
  const factors = (resolution?.contributingFactors ?? []).filter((x) => x.trim() !== '');
  return [
    `## ${h.rootCause(resolution?.rootCauseConfirmed ?? false)}`,
    resolution?.rootCause.trim() ? escapeBlock(resolution.rootCause) : s.rootCause.prompt,
    `### ${h.contributingFactors}`,
    factors.length > 0
      ? factors.map((x, i) => `${i + 1}. ${escapeInline(x)}`).join('\n')
      : s.rootCause.factorsPrompt,
  ];
}

/** 6. Resolution and recovery validation: the recovery signal and when it was seen. */
export function resolutionSection(ctx: RenderContext): string[] {
  const { s } = ctx;
  const { resolution } = ctx.input;
  if (resolution && (resolution.recoverySignal?.trim() || resolution.recoveredAt)) {
    return [
      `## ${s.headings.resolution}`,
      [
        bullet(s.resolution.signal, resolution.recoverySignal?.trim() ? inlineOrSubList(resolution.recoverySignal) : s.toFillIn),
        bullet(s.resolution.when, resolution.recoveredAt ? fullTime(ctx, resolution.recoveredAt) : s.toFillIn),
      ].join('\n'),
    ];
  }
  return [`## ${s.headings.resolution}`, s.resolution.prompt];
}

/** The scenario's own section: its prompts, as a list when there are several. */
export function scenarioSection(ctx: RenderContext): string[] {
  const { s } = ctx;
  const section = SCENARIO_SECTION[ctx.input.incident.scenario];
  const prompts = s.scenarioPrompts[section];
  return [
    `## ${s.headings.scenario[section]}`,
    prompts.length === 1 ? (prompts[0] ?? '') : prompts.map((p) => `- ${p}`).join('\n'),
  ];
}

/** 7. Action items as checkboxes, grouped by horizon, oldest first. */
export function actionItemsSection(ctx: RenderContext): string[] {
  const { s } = ctx;
  const h = s.headings;
  const out = [`## ${h.actionItems}`];
  const items = [...ctx.input.actionItems].sort(
    (a, b) => a.createdAt.toMillis() - b.createdAt.toMillis() || a.id - b.id,
  );
  for (const horizon of HORIZONS) {
    out.push(`### ${h.horizons[horizon]}`);
    const group = items.filter((i) => i.horizon === horizon);
    out.push(
      group.length === 0
        ? s.actionItems.none
        : group
            .map((i) => {
              const owner = i.ownerId ? userName(ctx, i.ownerId) : s.actionItems.unassigned;
              const due = i.dueDate ? ` — ${s.actionItems.due}: ${escapeInline(i.dueDate)}` : '';
              return `- [${i.done ? 'x' : ' '}] ${escapeInline(i.title)} — ${s.actionItems.owner}: ${owner}${due}`;
            })
            .join('\n'),
    );
  }
  return out;
}

/** 8. Lessons learned: three prompts for the review meeting. */
export function lessonsSection(ctx: RenderContext): string[] {
  const { s } = ctx;
  const h = s.headings;
  return [
    `## ${h.lessons}`,
    `### ${h.wentWell}`,
    s.lessons.wentWell,
    `### ${h.wentWrong}`,
    s.lessons.wentWrong,
    `### ${h.gotLucky}`,
    s.lessons.gotLucky,
  ];
}
