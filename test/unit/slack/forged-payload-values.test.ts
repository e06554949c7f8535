import { describe, expect, it } from 'vitest';
import { parseTimelineMessageView } from '../../../src/slack/blocks/timeline-message-modal.js';
import type { SubmittedView } from '../../../src/slack/blocks/view-state.js';
import { entryMenuFromOption } from '../../../src/slack/button-values.js';

// Shapes Slack never sends but a signed request can carry (found by the hostile-property sweep with
// FUZZ_SEED=7 FUZZ_RUNS=600): each must read as "no value", never throw.
describe('values of a forged payload', () => {
  it('reads a timeline menu option that is not a string as out of date', () => {
    expect(entryMenuFromOption(42)).toBeUndefined();
    expect(entryMenuFromOption({ toString: () => 'edit:1:1' })).toBeUndefined();
    expect(entryMenuFromOption('edit:1:7')).toEqual({ command: 'edit', incidentId: 1, entryId: 7 });
  });

  it('answers a submitted form without state values with the field error, not a crash', () => {
    const view = { state: {}, private_metadata: '{}' } as unknown as SubmittedView;
    const parsed = parseTimelineMessageView(view);
    expect(parsed.ok).toBe(false);
  });
});
