import { describe, expect, it } from 'vitest';
import { en } from '../../../src/domain/texts/index.js';
import type { Severity } from '../../../src/domain/severity.js';
import { SEVERITIES, SEVERITY_INFO } from '../../../src/domain/severity.js';
import { parseUpdateView, updateModal } from '../../../src/slack/blocks/update-modal.js';
import { CALLBACK_ID, UPDATE_INPUT, updateFieldInput } from '../../../src/slack/ids.js';
import { HOSTILE, makeIncident, StateBuilder } from './fixtures.js';
import { expectModalLimits, expectNoSmuggling, renderedText } from './slack-checks.js';

function filled(severity: Severity): StateBuilder {
  const s = new StateBuilder();
  for (const f of SEVERITY_INFO[severity].reportFields) s.text(updateFieldInput(f.id), ` ${f.id} text `);
  return s.text(UPDATE_INPUT.summary, 'Rolling back').select(UPDATE_INPUT.status, 'identified');
}

const metadata = (severity: Severity) => JSON.stringify({ incidentId: 42, severity });

describe('updateModal', () => {
  it.each(SEVERITIES)('%s: asks for every report field of the severity', (severity) => {
    const view = updateModal({ incident: makeIncident({ severity, title: HOSTILE, isDrill: true }) }, en);
    expectModalLimits(view);
    expect(view.callback_id).toBe(CALLBACK_ID.update);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ incidentId: 42, severity, locale: 'en' });
    const text = renderedText(view);
    for (const f of SEVERITY_INFO[severity].reportFields) {
      expect(text).toContain(f.label);
      expect(text).toContain(f.hint);
      const block = view.blocks.find((b) => b.block_id === updateFieldInput(f.id).block);
      expect(JSON.stringify(block)).toContain(f.multiline ? '"multiline":true' : '"max_length"');
      expect(JSON.stringify(block)).not.toContain('"optional"');
    }
    expect(text).toContain('DRILL');
    expectNoSmuggling(view);
  });

  it('offers only open statuses, current one selected, and prefills', () => {
    const view = updateModal({
      incident: makeIncident({ status: 'monitoring' }),
      initial: { workaround: 'none', summary: 'prev' },
    }, en);
    const status = view.blocks.find((b) => b.block_id === UPDATE_INPUT.status.block);
    const json = JSON.stringify(status);
    expect(json).toContain('"initial_option":{"text":{"type":"plain_text","text":"Monitoring"');
    expect(json).not.toContain('resolved');
    expect(JSON.stringify(view)).toContain('"initial_value":"none"');
    expect(JSON.stringify(view)).toContain('"initial_value":"prev"');
  });
});

describe('parseUpdateView', () => {
  it('parses a valid submission', () => {
    const r = parseUpdateView({ state: { values: filled('sev2').values }, private_metadata: metadata('sev2') });
    expect(r).toEqual({
      ok: true,
      value: {
        incidentId: 42,
        severity: 'sev2',
        status: 'identified',
        fields: { impact_scope: 'impact_scope text', workaround: 'workaround text', recovery_eta: 'recovery_eta text' },
        summary: 'Rolling back',
      },
    });
  });

  it.each(SEVERITY_INFO.sev1.reportFields.map((f) => f.id))('blank %s → error on its block', (fieldId) => {
    const s = filled('sev1').text(updateFieldInput(fieldId), '  ');
    const r = parseUpdateView({ state: { values: s.values }, private_metadata: metadata('sev1') });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.errors)).toEqual([updateFieldInput(fieldId).block]);
      expect(r.errors[updateFieldInput(fieldId).block]).toMatch(/^Fill in the /);
    }
  });

  it('requires the summary and an open status', () => {
    const s = filled('sev3').text(UPDATE_INPUT.summary, '').select(UPDATE_INPUT.status, 'resolved');
    const r = parseUpdateView({ state: { values: s.values }, private_metadata: metadata('sev3') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual([UPDATE_INPUT.status.block, UPDATE_INPUT.summary.block].sort());
  });

  it('asks to reopen the form when the metadata is missing or forged', () => {
    for (const meta of [undefined, '', 'nope', '{"incidentId":"42","severity":"sev1"}', '{"incidentId":42,"severity":"sev7"}']) {
      const r = parseUpdateView({ state: { values: filled('sev1').values }, ...(meta === undefined ? {} : { private_metadata: meta }) });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[UPDATE_INPUT.summary.block]).toContain('Close it and open it again');
    }
  });
});
