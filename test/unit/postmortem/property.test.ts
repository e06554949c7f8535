import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, STATUSES, type Incident } from '../../../src/domain/incident.js';
import {
  computeMetrics,
  renderPostmortem,
  SCENARIO_SECTION,
  strings,
  type Locale,
  type PostmortemInput,
} from '../../../src/domain/postmortem/index.js';
import { DEFAULT_CADENCE, SEVERITIES } from '../../../src/domain/severity.js';
import {
  HORIZONS,
  CONVERSATION_KINDS,
  CORRECTION_KINDS,
  DELIVERY_RECORD_KINDS,
  TIMELINE_KINDS,
  type ActionItem,
  type StatusUpdate,
  type TimelineEvent,
} from '../../../src/domain/timeline.js';
import { looseEvent } from '../../helpers/loose-event.js';
import { CHECKBOX, headings, section, tablesIntact } from './helpers.js';

const HOSTILE = [
  '# heading',
  '## h2',
  '| a | b |',
  '|',
  '\n',
  '\r\n',
  '\n\n',
  '`code`',
  '```',
  '- [ ] todo',
  '- [x] done',
  '* star',
  '+ plus',
  '1. one',
  '> quote',
  '<!channel>',
  '<@U0123ABCD>',
  '<#C0123ABCD|general>',
  '---',
  '===',
  '_under_',
  '**bold**',
  '[link](http://x)',
  '\\',
  '\\|',
  '    indented',
  '\t',
  '~~~',
  '&amp;',
  '<script>',
  '한국어',
  ' ',
  'x',
];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 })), { maxLength: 6 })
  .map((parts) => parts.join(''));

const USERS = ['U0AAAAAAA', 'U0BBBBBBB', 'U0CCCCCCC'];
const BASE = DateTime.fromISO('2024-03-09T20:00:00Z');
const ZONES = ['Asia/Seoul', 'UTC', 'America/Los_Angeles', 'Europe/Berlin'];

/** Each note carries a unique token so its line can be found. */
const token = (id: number): string => `TOKEN${id}Z`;

const arbInput = fc
  .record({
    title: hostileText,
    impact: hostileText,
    severity: fc.constantFrom(...SEVERITIES),
    status: fc.constantFrom(...STATUSES),
    scenario: fc.constantFrom(...SCENARIOS),
    names: fc.tuple(hostileText, hostileText, hostileText),
    events: fc.array(
      fc.record({
        // The conversation kinds fold into one line per message (test/unit/domain/conversation.test.ts), not one per event.
        kind: fc.constantFrom(...TIMELINE_KINDS.filter((k) => !DELIVERY_RECORD_KINDS.has(k) && !CONVERSATION_KINDS.has(k) && !CORRECTION_KINDS.has(k))),
        offset: fc.integer({ min: 0, max: 3 * 24 * 60 }),
        actor: fc.option(fc.constantFrom(...USERS), { nil: null }),
        text: hostileText,
        from: fc.oneof(fc.constantFrom(...STATUSES, ...SEVERITIES), hostileText),
        to: fc.oneof(fc.constantFrom(...STATUSES, ...SEVERITIES), hostileText),
        updateRef: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: 25 },
    ),
    updates: fc.array(
      fc.record({
        offset: fc.integer({ min: 0, max: 3 * 24 * 60 }),
        severity: fc.constantFrom(...SEVERITIES),
        status: fc.constantFrom(...STATUSES),
        summary: hostileText,
        field: hostileText,
        extraKey: hostileText,
      }),
      { maxLength: 5 },
    ),
    items: fc.array(
      fc.record({
        title: hostileText,
        horizon: fc.constantFrom(...HORIZONS),
        done: fc.boolean(),
        owner: fc.option(fc.constantFrom(...USERS), { nil: null }),
        due: fc.option(hostileText, { nil: null }),
      }),
      { maxLength: 6 },
    ),
    resolution: fc.option(
      fc.record({
        summary: hostileText,
        rootCause: hostileText,
        rootCauseConfirmed: fc.boolean(),
        contributingFactors: fc.array(hostileText, { maxLength: 4 }),
        recoverySignal: fc.option(hostileText, { nil: null }),
        customerImpact: fc.option(hostileText, { nil: null }),
        businessImpact: fc.option(hostileText, { nil: null }),
      }),
      { nil: null },
    ),
    locale: fc.constantFrom<Locale>('en', 'ko'),
    zone: fc.constantFrom(...ZONES),
  })
  .map((g) => {
    const at = (m: number): DateTime => BASE.plus({ minutes: m });
    const declared: TimelineEvent = looseEvent({
      id: 5000,
      incidentId: 1,
      kind: 'declared',
      actorId: USERS[0]!,
      occurredAt: BASE,
      data: { severity: g.severity },
    });
    const timeline: TimelineEvent[] = g.events.map((e, i) => looseEvent({
      id: 1000 - i * 7, // ids not in insertion order, so ties test the id rule
      incidentId: 1,
      kind: e.kind,
      actorId: e.actor,
      occurredAt: at(e.offset),
      data:
        e.kind === 'note_added'
          ? { text: `${e.text}${token(1000 - i * 7)}${e.text}` }
          : e.kind === 'action_item_added'
            ? { title: e.text }
            : e.kind === 'role_assigned'
              ? { role: e.text, userId: e.actor }
              : e.kind === 'update_posted'
                ? { updateId: e.updateRef }
                : { from: e.from, to: e.to, text: e.text },
    }));
    timeline.push(declared);
    const updates: StatusUpdate[] = g.updates.map((u, i) => ({
      id: i,
      incidentId: 1,
      authorId: USERS[i % USERS.length]!,
      status: u.status,
      severity: u.severity,
      postedAt: at(u.offset),
      fields: { summary: u.summary, impact_scope: u.field, workaround: u.field, [u.extraKey]: u.field },
    }));
    const actionItems: ActionItem[] = g.items.map((x, i) => ({
      id: i,
      incidentId: 1,
      title: x.title,
      ownerId: x.owner,
      horizon: x.horizon,
      dueDate: x.due,
      done: x.done,
      createdAt: at(i),
    }));
    const incident: Incident = {
      id: 1,
      title: g.title,
      severity: g.severity,
      status: g.status,
      scenario: g.scenario,
      impact: g.impact,
      commanderId: USERS[0]!,
      commsLeadId: null,
      scribeId: null,
      declaredBy: USERS[0]!,
      channelId: 'C0DDDDDDD',
      channelName: 'inc-1',
      startedAt: BASE,
      detectedAt: BASE,
      declaredAt: BASE,
      lastUpdateAt: null,
      nextUpdateDueAt: null,
      resolvedAt: g.status === 'resolved' ? at(3 * 24 * 60) : null,
      isDrill: false, isPrivate: false,
    };
    const input: PostmortemInput = {
      incident,
      timeline,
      updates,
      actionItems,
      resolution: g.resolution && { ...g.resolution, recoveredAt: null },
      userNames: { [USERS[0]!]: g.names[0], [USERS[1]!]: g.names[1], [USERS[2]!]: g.names[2] },
      cadence: DEFAULT_CADENCE,
    };
    return { input, locale: g.locale, zone: g.zone };
  });

function expectedHeadings(input: PostmortemInput, locale: Locale, zone: string, doc: string): string[] {
  const h = strings(locale).headings;
  const appendix = headings(doc).filter((l) => l.startsWith(`### ${h.update(1, '').split(' ')[0]} `));
  return [
    `## ${h.summary}`,
    `## ${h.facts}`,
    `## ${h.impact}`,
    `## ${h.timeline}`,
    `## ${h.rootCause(input.resolution?.rootCauseConfirmed ?? false)}`,
    `### ${h.contributingFactors}`,
    `## ${h.resolution}`,
    `## ${h.scenario[SCENARIO_SECTION[input.incident.scenario]]}`,
    `## ${h.actionItems}`,
    ...HORIZONS.map((x) => `### ${h.horizons[x]}`),
    `## ${h.lessons}`,
    `### ${h.wentWell}`,
    `### ${h.wentWrong}`,
    `### ${h.gotLucky}`,
    `## ${h.metrics}`,
    `## ${h.appendix}`,
    ...input.updates.map((_, i) => appendix[i] ?? `missing update heading ${i + 1} (${zone})`),
  ];
}

describe('renderPostmortem under generated hostile histories', () => {
  it('keeps every event once, in order, and the structure intact', () => {
    fc.assert(
      fc.property(arbInput, ({ input, locale, zone }) => {
        const options = { locale, variant: 'internal' as const, timeZone: zone };
        const doc = renderPostmortem(input, options);
        const h = strings(locale).headings;

        // Headings: exactly the expected set, in order (title first).
        const all = headings(doc);
        expect(all[0]).toMatch(/^# INC-1: /);
        expect(all.slice(1)).toEqual(expectedHeadings(input, locale, zone, doc));
        for (const [i, l] of all.slice(-input.updates.length).entries()) {
          if (input.updates.length > 0) expect(l.startsWith(`### ${h.update(i + 1, '')}`)).toBe(true);
        }

        // Timeline: one line per event, in (time, id) order.
        const sorted = [...input.timeline].sort(
          (a, b) => a.occurredAt.toMillis() - b.occurredAt.toMillis() || a.id - b.id,
        );
        const lines = section(doc, `## ${h.timeline}`).filter((l) => l.startsWith('- '));
        expect(lines).toHaveLength(sorted.length);
        const { resolvedAt } = computeMetrics(input);
        const days = new Set(
          [...sorted.map((e) => e.occurredAt), input.incident.startedAt, ...(resolvedAt ? [resolvedAt] : [])]
            .map((t) => t.setZone(zone).toFormat('yyyy-MM-dd')),
        );
        const fmt = days.size > 1 ? 'yyyy-MM-dd HH:mm' : 'HH:mm';
        sorted.forEach((e, i) => {
          expect(lines[i]!.startsWith(`- ${e.occurredAt.setZone(zone).toFormat(fmt)} · `)).toBe(true);
          if (e.kind === 'note_added') {
            expect(lines[i]).toContain(token(e.id));
            expect(doc.split(token(e.id)).length - 1).toBe(1);
          }
        });

        // Tables: every row of a table has as many unescaped pipes as its header.
        expect(tablesIntact(doc)).toBe(true);
        // Checkboxes only in the action items section, one per item.
        const items = section(doc, `## ${h.actionItems}`);
        const boxes = doc.split('\n').filter((l) => CHECKBOX.test(l));
        expect(boxes).toHaveLength(input.actionItems.length);
        for (const b of boxes) expect(items).toContain(b);
        // No block-level constructs from user text: no quotes, fences, HTML or indented code.
        for (const l of doc.split('\n')) {
          expect(l).not.toMatch(/^\s*(>|```|~~~|<)/);
          expect(l).not.toMatch(/^ {4,}\S/);
          if (/^\s*[-*+] /.test(l)) expect(l).toMatch(/^( {2})?- /);
        }

        // Deterministic.
        expect(renderPostmortem(input, options)).toBe(doc);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('the external variant never leaks ids, names or channels', () => {
    fc.assert(
      fc.property(arbInput, ({ input, locale, zone }) => {
        const doc = renderPostmortem(input, { locale, variant: 'external', timeZone: zone });
        expect(doc).not.toMatch(/\b[UC]0[A-Z]{7}\b/);
        expect(doc).not.toContain('TOKEN');
        expect(doc).not.toMatch(/(?<!\\)<[#@!]/);
        expect(doc).not.toMatch(/\binc-1\b/i);
        expect(tablesIntact(doc)).toBe(true);
        expect(doc.split('\n').filter((l) => CHECKBOX.test(l))).toHaveLength(0);
        expect(headings(doc)).toHaveLength(6);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
