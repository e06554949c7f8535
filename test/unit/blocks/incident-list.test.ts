import { describe, expect, it } from 'vitest';
import { en, textsFor } from '../../../src/domain/texts/index.js';
import { appHome } from '../../../src/slack/blocks/app-home.js';
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

  it('says a count that stopped at its bound is a floor, in English and Korean, in the list and on App Home', () => {
    const incidents = Array.from({ length: 20 }, (_, i) => makeIncident({ id: i + 1 }));
    const list = renderedText(incidentList({ incidents, total: 1000, capped: true }, en).blocks);
    expect(list).toContain('1000+ open incidents');
    expect(list).toContain('…and 980+ more. `/incident list <words from the title or INC-number>` finds one.');
    const ko = renderedText(incidentList({ incidents, total: 1000, capped: true }, textsFor('ko')).blocks);
    expect(ko).toContain('진행 중인 인시던트 1000건 이상');
    expect(ko).toContain('…외 980건 이상.');
    // Not capped: the exact figures, no "+".
    expect(renderedText(incidentList({ incidents, total: 999 }, en).blocks)).toContain('…and 979 more.');

    const data = { userId: 'U1', now: T0, open: incidents, moreOpen: 980, moreOpenCapped: true, mine: [], followUps: [], recentlyResolved: [] };
    const home = renderedText(appHome({ data, draftLinks: new Map(), texts: en }).blocks);
    expect(home).toContain('Open incidents (1000+)');
    expect(home).toContain('…and 980+ more, less severe or older');
    const homeKo = renderedText(appHome({ data, draftLinks: new Map(), texts: textsFor('ko') }).blocks);
    expect(homeKo).toContain('진행 중인 인시던트 (1000+)');
    expect(homeKo).toContain('…외 980건 이상(');
  });
});
