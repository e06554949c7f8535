import { describe, expect, it } from 'vitest';
import { eventNotice, type EventNotice } from '../../../src/slack/blocks/event-notice.js';
import { HOSTILE, makeIncident, T0 } from './fixtures.js';
import { expectMessageLimits, expectNoSmuggling, expectShownAsWritten, MARKUP, renderedText, richTextLeaves } from './slack-checks.js';
import { en, textsFor } from '../../../src/domain/texts/index.js';
import { visibleText } from '../../helpers/flows.js';
import { englishLeftIn } from '../../helpers/catalog.js';

const ko = textsFor('ko');

const incident = makeIncident();
const render = (event: EventNotice, drill = false) =>
  eventNotice({ texts: en, incident: { ...incident, isDrill: drill }, event });

describe('eventNotice', () => {
  it('severity change: from, to, new cadence, next due', () => {
    const due = T0.plus({ minutes: 30 });
    const msg = render({ kind: 'severity_changed', actorId: 'UA', from: 'sev1', to: 'sev2', cadenceMinutes: 30, nextUpdateDueAt: due });
    const text = renderedText(msg.blocks);
    expect(text).toContain('from *SEV-1* to *SEV-2*');
    expect(text).toContain('every *30 min*');
    expect(text).toContain(`<!date^${due.toSeconds()}^`);
    expect(msg.text).toBe('INC-42: Severity changed from SEV-1 to SEV-2');
    expectMessageLimits(msg);
  });

  it('status change', () => {
    const text = renderedText(render({ kind: 'status_changed', actorId: 'UA', from: 'investigating', to: 'monitoring' }).blocks);
    expect(text).toContain('<@UA> moved the incident from *Investigating* to *Monitoring*');
  });

  it('role assignment', () => {
    const text = renderedText(render({ kind: 'role_assigned', actorId: 'UA', role: 'comms', userId: 'UB' }).blocks);
    expect(text).toContain('<@UB> is now *Communications lead*');
  });

  it('note: author and escaped text', () => {
    const msg = render({ kind: 'note_added', authorId: 'UA', text: `rolled back\n${HOSTILE}` });
    const text = renderedText(msg.blocks);
    expect(text).toContain('<@UA>');
    expect(text).toContain('>rolled back');
    expectNoSmuggling(msg);
    expectMessageLimits(render({ kind: 'note_added', authorId: 'UA', text: HOSTILE.repeat(1000) }));
  });

  it('resolved: summary and whether the root cause is confirmed or suspected', () => {
    const base = { kind: 'resolved', actorId: 'UA', summary: 'Failed over', rootCause: 'Disk full' } as const;
    const confirmed = renderedText(render({ ...base, rootCauseConfirmed: true }).blocks);
    expect(confirmed).toContain('*Root cause (confirmed)*\n>Disk full');
    expect(confirmed).toContain('>Failed over');
    const suspected = renderedText(render({ ...base, rootCauseConfirmed: false }).blocks);
    expect(suspected).toContain('Root cause (suspected)');
    const huge = render({ ...base, rootCauseConfirmed: true, summary: HOSTILE.repeat(500), rootCause: HOSTILE.repeat(500) });
    expectNoSmuggling(huge);
    expectMessageLimits(huge);
  });

  it('reopened', () => {
    expect(renderedText(render({ kind: 'reopened', actorId: 'UA' }).blocks)).toContain('<@UA> reopened the incident');
  });

  it('marks a drill', () => {
    const msg = render({ kind: 'reopened', actorId: 'UA' }, true);
    expect(renderedText(msg.blocks)).toContain('DRILL');
    expect(msg.text).toContain('[DRILL]');
  });

  it('a checklist step that fell due: mentions whom it is for, shows the step and runbook as written, links only http(s)', () => {
    const due = T0.plus({ minutes: 10 });
    const step = { kind: 'checklist_item_due', recipientId: 'UB', runbookTitle: `DB ${HOSTILE}`, itemText: `Page the DBA ${HOSTILE}`, dueAt: due } as const;
    const msg = render({ ...step, link: 'https://runbooks.example.com/db?a=1&b=2' }, true);
    const text = visibleText(msg);
    expect(text).toContain(':alarm_clock: <@UB>, this step of DB <!channel> & <https://evil|click> was due ');
    expect(text).toContain(`was due <!date^${due.toSeconds()}^`);
    expect(text).toContain('and is still open:\nPage the DBA <!channel>');
    expect(text).toContain('<https://runbooks.example.com/db?a=1&b=2|how>');
    expect(text).toContain('DRILL');
    expect(msg.blocks[0]).toMatchObject({ type: 'rich_text', elements: [{ type: 'rich_text_section' }, { type: 'rich_text_quote' }, { type: 'rich_text_section' }] });
    expect(richTextLeaves(msg.blocks)).toContainEqual({ type: 'text', text: `DB ${HOSTILE}`, style: { bold: true } });
    expect(richTextLeaves(msg.blocks)).toContainEqual({ type: 'text', text: `Page the DBA ${HOSTILE}` });
    expectNoSmuggling(msg);
    expect(JSON.stringify(render({ ...step, link: 'javascript:alert(1)' }).blocks)).not.toContain('javascript');
    expectMessageLimits(render({ ...step, itemText: HOSTILE.repeat(1000), runbookTitle: HOSTILE.repeat(100) }));
  });

  it.each([['English', en], ['Korean', ko]] as const)('shows `*`, `_`, `~` and backticks in a due step and its runbook as written (%s)', (_language, texts) => {
    const event = { kind: 'checklist_item_due', recipientId: 'UB', runbookTitle: `DB ${MARKUP}`, itemText: MARKUP, dueAt: T0 } as const;
    const msg = eventNotice({ texts, incident, event });
    expectShownAsWritten(msg.blocks, `DB ${MARKUP}`, { bold: true });
    expectShownAsWritten(msg.blocks, MARKUP);
    expectMessageLimits(msg);
    if (texts === ko) expect(englishLeftIn(JSON.stringify(msg.blocks), en)).toEqual([]);
  });
});
