import { describe, expect, it } from 'vitest';
import { announcement } from '../../../src/slack/blocks/announcement.js';
import { HOSTILE, makeIncident, T0 } from './fixtures.js';
import { expectMessageLimits, expectNoSmuggling, renderedText } from './slack-checks.js';
import { en } from '../../../src/domain/texts/index.js';

describe('announcement', () => {
  it('summarises the incident and links its channel', () => {
    const msg = announcement({ texts: en, incident: makeIncident() });
    const text = renderedText(msg.blocks);
    expect(text).toContain('*SEV-1*');
    expect(text).toContain(':mag: Investigating');
    expect(text).toContain('*INC-42* Checkout API returning 5xx');
    expect(text).toContain('<#CINC42>');
    expect(text).toContain('<@UCMDR>');
    expect(text).toContain(`<!date^${T0.plus({ minutes: 15 }).toSeconds()}^`);
    expect(msg.text).toBe('SEV-1 Investigating: INC-42 Checkout API returning 5xx');
    expectMessageLimits(msg);
  });

  it('says the channel is coming when it does not exist yet', () => {
    const text = renderedText(announcement({ texts: en, incident: makeIncident({ channelId: null }) }).blocks);
    expect(text).not.toContain('<#');
    expect(text).toContain('channel being created');
  });

  it('shows resolution time once resolved', () => {
    const msg = announcement({ texts: en,
      incident: makeIncident({ status: 'resolved', resolvedAt: T0.plus({ hours: 2 }), nextUpdateDueAt: null }),
    });
    const text = renderedText(msg.blocks);
    expect(text).toContain(':white_check_mark: Resolved');
    expect(text).toContain(`Resolved <!date^${T0.plus({ hours: 2 }).toSeconds()}^`);
  });

  it('marks a drill', () => {
    const msg = announcement({ texts: en, incident: makeIncident({ isDrill: true }) });
    expect(renderedText(msg.blocks)).toContain('DRILL');
    expect(msg.text.startsWith('[DRILL]')).toBe(true);
  });

  it('escapes hostile text', () => {
    const msg = announcement({ texts: en, incident: makeIncident({ title: HOSTILE, impact: HOSTILE.repeat(300) }) });
    expectNoSmuggling(msg);
    expectMessageLimits(msg);
  });
});
