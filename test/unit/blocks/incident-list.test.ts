import { describe, expect, it } from 'vitest';
import { en } from '../../../src/domain/texts/index.js';
import { incidentList } from '../../../src/slack/blocks/incident-list.js';
import { HOSTILE, makeIncident, T0 } from './fixtures.js';
import { expectMessageLimits, expectNoSmuggling, renderedText } from './slack-checks.js';

describe('incidentList', () => {
  it('has an empty state', () => {
    const msg = incidentList({ incidents: [makeIncident({ status: 'resolved' })] }, en);
    expect(renderedText(msg.blocks)).toContain('No open incidents');
    expectMessageLimits(msg);
  });

  it('lists open incidents, most severe first, with what a reader needs', () => {
    const msg = incidentList({
      incidents: [
        makeIncident({ id: 1, severity: 'sev3', title: 'Search slow', channelId: 'C1' }),
        makeIncident({ id: 2, severity: 'sev1', title: 'DB down', channelId: 'C2', status: 'identified', isDrill: true }),
        makeIncident({ id: 3, status: 'resolved' }),
      ],
      now: T0.plus({ minutes: 20 }),
    }, en);
    const text = renderedText(msg.blocks);
    expect(text).toContain('2 open incidents');
    expect(text.indexOf('INC-2')).toBeLessThan(text.indexOf('INC-1'));
    expect(text).not.toContain('INC-3');
    expect(text).toContain('SEV-1 · :dart: Identified · <#C2>');
    expect(text).toContain('[DRILL] *INC-2* DB down');
    expect(text).toContain(`next update <!date^${T0.plus({ minutes: 15 }).toSeconds()}^`);
    expect(text).toContain('overdue');
    expectMessageLimits(msg);
  });

  it('stays within 50 blocks and says how many are left out', () => {
    const incidents = Array.from({ length: 120 }, (_, i) => makeIncident({ id: i + 1, title: HOSTILE }));
    const msg = incidentList({ incidents }, en);
    expectMessageLimits(msg);
    expectNoSmuggling(msg);
    expect(renderedText(msg.blocks)).toContain('…and 72 more.');
  });
});
