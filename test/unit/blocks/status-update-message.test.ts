import { describe, expect, it } from 'vitest';
import { statusUpdateMessage } from '../../../src/slack/blocks/status-update-message.js';
import { HOSTILE, makeIncident, makeUpdate, T0 } from './fixtures.js';
import { expectMessageLimits, expectNoSmuggling, renderedText } from './slack-checks.js';
import { en } from '../../../src/domain/texts/index.js';

describe('statusUpdateMessage', () => {
  it('shows author, status, severity, every report field with its label, and the summary', () => {
    const msg = statusUpdateMessage({ texts: en, incident: makeIncident(), update: makeUpdate() });
    const text = renderedText(msg.blocks);
    expect(text).toContain('<@UCMDR>');
    expect(text).toContain(':dart: Identified');
    expect(text).toContain('SEV-1');
    for (const [label, value] of [
      ['Current impact scope', '/api/checkout in all regions'],
      ['Customer impact', 'Customers cannot pay'],
      ['Workaround', 'None'],
      ['Mitigation ETA', '15:30 KST'],
      ['Full recovery ETA', 'unknown'],
    ]) {
      expect(text).toContain(`*${label}*\n>${value}`);
    }
    expect(text).toContain('*Summary / next steps*\n>Failing over the primary database');
    expect(text).toContain(`<!date^${T0.plus({ minutes: 14 }).toSeconds()}^`);
    expect(msg.text).toContain('INC-42 update: Identified, SEV-1');
    expectMessageLimits(msg);
  });

  it('flags a required field left empty instead of hiding it', () => {
    const update = makeUpdate({ severity: 'sev3', fields: { impact_scope: 'search is slow' } });
    const text = renderedText(statusUpdateMessage({ texts: en, incident: makeIncident(), update }).blocks);
    expect(text).toContain('*Partial impact scope*\n>search is slow');
    expect(text).toContain('*Temporary workaround*\n_not given_');
  });

  it('marks a drill', () => {
    const msg = statusUpdateMessage({ texts: en, incident: makeIncident({ isDrill: true }), update: makeUpdate() });
    expect(renderedText(msg.blocks)).toContain('DRILL');
    expect(msg.text).toContain('[DRILL]');
  });

  it('escapes hostile titles and fields and stays within limits', () => {
    const fields = Object.fromEntries(
      ['impact_scope', 'customer_impact', 'workaround', 'summary', 'x1', 'x2'].map((k) => [k, HOSTILE.repeat(200)]),
    );
    const msg = statusUpdateMessage({ texts: en, incident: makeIncident({ title: HOSTILE }), update: makeUpdate({ fields }) });
    expectNoSmuggling(msg);
    expectMessageLimits(msg);
  });
});
