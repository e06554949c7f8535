import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxHarness, type SandboxHarness } from './harness.js';

let h: SandboxHarness;
beforeEach(async () => {
  h = await startSandboxHarness();
});
afterEach(() => h.stop());

const home = (text: string) => ({
  type: 'home',
  blocks: [
    { type: 'section', text: { type: 'mrkdwn', text } },
    { type: 'actions', elements: [{ type: 'button', action_id: 'declare', text: { type: 'plain_text', text: 'Declare' }, value: 'd' }] },
  ],
});

describe('App Home, as Slack has it', () => {
  it('views.publish sets one person’s Home tab; a modal, an unknown person or a stale hash is refused', async () => {
    const first = await h.client.views.publish({ user_id: 'U_BOB', view: home('one') as never });
    expect(first.ok).toBe(true);
    expect(h.workspace.homeView('U_BOB')?.blocks[0]).toMatchObject({ text: { text: 'one' } });
    expect(h.workspace.homeView('U_ALICE')).toBeUndefined();

    await expect(h.client.views.publish({ user_id: 'U_NOBODY', view: home('x') as never })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    await expect(h.client.views.publish({ user_id: 'U_BOB', view: { ...home('x'), type: 'modal', title: { type: 'plain_text', text: 'x' } } as never }))
      .rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    await expect(h.client.views.publish({ user_id: 'U_BOB', view: home('x') as never, hash: 'stale' })).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
    const again = await h.client.views.publish({ user_id: 'U_BOB', view: home('two') as never, hash: (first.view as { hash: string }).hash });
    expect((again.view as { id: string }).id).toBe((first.view as { id: string }).id);
  });

  it('opening the tab sends app_home_opened with the published view; a click sends block_actions from a view container', async () => {
    h.bot.respond = () => ({ status: 200 });
    await h.workspace.openAppHome('U_BOB');
    const opened = h.bot.last().body as { type: string; event: Record<string, unknown> };
    expect(opened.type).toBe('event_callback');
    expect(opened.event).toMatchObject({ type: 'app_home_opened', user: 'U_BOB', tab: 'home' });
    expect(opened.event['view']).toBeUndefined();

    await h.client.views.publish({ user_id: 'U_BOB', view: home('hello') as never });
    await h.workspace.openAppHome('U_BOB');
    expect((h.bot.last().body as { event: { view: { type: string } } }).event.view.type).toBe('home');

    await h.workspace.clickHomeAction({ userId: 'U_BOB', actionId: 'declare' });
    const payload = h.bot.last().body['payload'] as Record<string, unknown>;
    expect(payload).toMatchObject({ type: 'block_actions', container: { type: 'view' }, view: { type: 'home' }, actions: [{ action_id: 'declare', value: 'd' }] });
    expect(typeof payload['trigger_id']).toBe('string');
    expect(payload['response_url']).toBeUndefined();
    expect(payload['channel']).toBeUndefined();
  });
});
