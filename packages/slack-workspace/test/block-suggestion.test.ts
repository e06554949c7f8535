/**
 * External selects in a modal: the person types, Slack sends the app a signed `block_suggestion`
 * and shows what it answers within 3 s; only an option it answered can be picked and submitted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxHarness, type SandboxHarness } from './harness.js';

const picker = (extra: Record<string, unknown> = {}) => ({
  type: 'modal' as const,
  callback_id: 'pick',
  title: { type: 'plain_text' as const, text: 'Pick' },
  submit: { type: 'plain_text' as const, text: 'Add' },
  blocks: [{
    type: 'input', block_id: 'incident', label: { type: 'plain_text', text: 'Incident' },
    element: { type: 'external_select', action_id: 'choose', placeholder: { type: 'plain_text', text: 'Type to search' }, ...extra },
  }],
});
const option = (text: string, value: string) => ({ text: { type: 'plain_text', text }, value });

let h: SandboxHarness;
beforeEach(async () => {
  h = await startSandboxHarness();
});
afterEach(() => h.stop());

async function openPicker(extra: Record<string, unknown> = {}): Promise<string> {
  await h.workspace.slashCommand({ userId: 'U_ALICE', channelId: h.workspace.channel('incidents')!.id, text: 'pick' });
  const opened = await h.client.views.open({ trigger_id: String(h.bot.last().body['trigger_id']), view: picker(extra) as never });
  return opened.view!.id!;
}

describe('block_suggestion', () => {
  it('is sent signed, in Slack’s shape, once min_query_length characters are typed, and its answer is what can be picked', async () => {
    const viewId = await openPicker();
    const sent = h.bot.requests.length;
    // Slack's default min_query_length is 3: two characters send nothing.
    expect(await h.workspace.blockSuggestion({ userId: 'U_ALICE', viewId, actionId: 'choose', value: 'ch' })).toEqual({ ok: true, sent: false, options: [] });
    expect(h.bot.requests).toHaveLength(sent);

    h.bot.respond = () => ({ json: { options: [option('INC-1 · Checkout down', '1')] } });
    const result = await h.workspace.blockSuggestion({ userId: 'U_ALICE', viewId, actionId: 'choose', value: 'che' });
    expect(result).toEqual({ ok: true, sent: true, options: [option('INC-1 · Checkout down', '1')] });
    const payload = h.bot.last().body['payload'] as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: 'block_suggestion', action_id: 'choose', block_id: 'incident', value: 'che',
      user: { id: 'U_ALICE' }, team: { id: expect.any(String) }, api_app_id: expect.any(String),
      container: { type: 'view', view_id: viewId }, view: { id: viewId, callback_id: 'pick' },
    });

    // Only an option the app answered can be submitted, and it arrives as selected_option.
    await expect(h.workspace.submitView({ userId: 'U_ALICE', viewId, values: { incident: { choose: '2' } } })).rejects.toThrow(/no option/);
    h.bot.respond = () => undefined;
    await h.workspace.submitView({ userId: 'U_ALICE', viewId, values: { incident: { choose: '1' } } });
    const submitted = h.bot.last().body['payload'] as { view: { state: { values: unknown } } };
    expect(submitted.view.state.values).toEqual({ incident: { choose: { type: 'external_select', selected_option: option('INC-1 · Checkout down', '1') } } });
  });

  it('with min_query_length 0 asks as the menu opens, and shows option groups', async () => {
    const viewId = await openPicker({ min_query_length: 0 });
    h.bot.respond = () => ({ json: { option_groups: [{ label: { type: 'plain_text', text: 'SEV-1' }, options: [option('INC-7', '7')] }] } });
    const result = await h.workspace.blockSuggestion({ userId: 'U_ALICE', viewId, actionId: 'choose', value: '' });
    expect(result).toMatchObject({ ok: true, sent: true, option_groups: [{ options: [option('INC-7', '7')] }] });
    expect((h.bot.last().body['payload'] as { value: string }).value).toBe('');
  });

  it('shows no options for an answer Slack would refuse, an error status, or one later than 3 s', async () => {
    const viewId = await openPicker({ min_query_length: 1 });
    const ask = () => h.workspace.blockSuggestion({ userId: 'U_ALICE', viewId, actionId: 'choose', value: 'x' });
    h.bot.respond = () => ({ json: { options: Array.from({ length: 101 }, (_, i) => option(`INC-${i}`, String(i))) } });
    expect(await ask()).toMatchObject({ ok: false, error: 'invalid_answer', message: expect.stringContaining('no more than 100 items') });
    h.bot.respond = () => ({ json: { options: [option('x'.repeat(76), '1')] } });
    expect(await ask()).toMatchObject({ ok: false, error: 'invalid_answer', message: expect.stringContaining('less than 76 characters') });
    h.bot.respond = () => ({ status: 500 });
    expect(await ask()).toMatchObject({ ok: false, error: 'no_answer', message: 'the app answered 500' });
    h.bot.respond = () => ({ json: { options: [option('INC-1', '1')] }, delayMs: 3300 });
    expect(await ask()).toMatchObject({ ok: false, error: 'no_answer', message: 'the app did not answer within 3 seconds' });
    // Nothing answered in time can be picked.
    await expect(h.workspace.submitView({ userId: 'U_ALICE', viewId, values: { incident: { choose: '1' } } })).rejects.toThrow(/no option/);
  });
});
