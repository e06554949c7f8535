import { describe, expect, it } from 'vitest';
import { incidentCard } from '../../../src/slack/blocks/incident-card.js';
import { ACTION_ID } from '../../../src/slack/ids.js';
import { HOSTILE, makeIncident, T0 } from './fixtures.js';
import { expectMessageLimits, expectNoSmuggling, renderedText } from './slack-checks.js';
import { en } from '../../../src/domain/texts/index.js';

function actionIds(blocks: unknown[]): string[] {
  return JSON.stringify(blocks).match(/"action_id":"[^"]+"/g)?.map((s) => s.slice(13, -1)) ?? [];
}

describe('incidentCard', () => {
  it('shows the facts a responder needs', () => {
    const msg = incidentCard({ texts: en,
      incident: makeIncident({ commsLeadId: 'UCOMMS', scribeId: 'USCRIBE' }),
      cadenceMinutes: 15,
    });
    const text = renderedText(msg.blocks);
    expect(text).toContain('INC-42 · Checkout API returning 5xx');
    expect(text).toContain('SEV-1 — Complete outage or critical data-integrity risk');
    expect(text).toContain('Investigating');
    expect(text).toContain('<@UCMDR>');
    expect(text).toContain('<@UCOMMS>');
    expect(text).toContain('<@USCRIBE>');
    expect(text).toContain('Database outage');
    expect(text).toContain(`<!date^${T0.toSeconds()}^`);
    expect(text).toContain(`<!date^${T0.plus({ minutes: 15 }).toSeconds()}^`);
    expect(text).toContain('All checkout requests fail in ap-northeast-2');
    expect(text).toContain('every 15 min');
    expect(msg.text).toContain('INC-42');
    expectMessageLimits(msg);
  });

  it('offers Post update and Resolve while open', () => {
    const msg = incidentCard({ texts: en, incident: makeIncident() });
    expect(actionIds(msg.blocks)).toEqual([ACTION_ID.openUpdate, ACTION_ID.openResolve]);
    expect(JSON.stringify(msg.blocks)).toContain('"value":"42"');
  });

  it('offers Reopen and no due time once resolved', () => {
    const msg = incidentCard({ texts: en,
      incident: makeIncident({ status: 'resolved', resolvedAt: T0.plus({ hours: 1 }), nextUpdateDueAt: null }),
    });
    expect(actionIds(msg.blocks)).toEqual([ACTION_ID.reopen]);
    const text = renderedText(msg.blocks);
    expect(text).toContain('Resolved');
    expect(text).not.toContain('Next update due');
  });

  it('shows — when no update is due, and comms lead unassigned, scribe hidden', () => {
    const text = renderedText(incidentCard({ texts: en, incident: makeIncident({ nextUpdateDueAt: null }) }).blocks);
    expect(text).toContain('*Next update due*\n—');
    expect(text).toContain('_unassigned_');
    expect(text).not.toContain('Scribe');
  });

  it('marks a drill', () => {
    const msg = incidentCard({ texts: en, incident: makeIncident({ isDrill: true }) });
    expect(renderedText(msg.blocks)).toContain('DRILL');
    expect(msg.text).toContain('[DRILL]');
    expect(renderedText(incidentCard({ texts: en, incident: makeIncident() }).blocks)).not.toContain('DRILL');
  });

  it('escapes a hostile title and impact and clips huge ones', () => {
    const msg = incidentCard({ texts: en, incident: makeIncident({ title: HOSTILE, impact: `${HOSTILE}\n`.repeat(500) }) });
    expectNoSmuggling(msg);
    expect(renderedText(msg.blocks)).toContain('&lt;!channel&gt;');
    expectMessageLimits(msg);
    expectMessageLimits(incidentCard({ texts: en, incident: makeIncident({ title: 'x'.repeat(5000) }) }));
  });
});
