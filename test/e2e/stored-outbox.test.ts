/**
 * Outbox rows outlive deploys: one written by the release before versioning still renders, and
 * one that cannot be read is dead-lettered and counted instead of retried, without holding up
 * its incident's later messages.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, command, declare, textOf } from '../helpers/flows.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function declaredIncident(): Promise<{ t: TestApp; channel: string }> {
  t = await startTestApp();
  await declare(t.ws, ALICE, 'sev2 Search is slow', { title: 'Search is slow' });
  await t.deliver();
  return { t, channel: t.ws.channel('inc-1-search-is-slow')!.id };
}

/** Writes a row as an older release (or a broken one) would have, bypassing the repository. */
async function insertRaw(t: TestApp, kind: string, payload: unknown): Promise<number> {
  const at = t.clock.now().toISO();
  const result = await t.app.database.db.execute(sql`
    insert into outbox (incident_id, kind, payload, available_at, created_at)
    values (1, ${kind}, ${JSON.stringify(payload)}::jsonb, ${at}::timestamptz, ${at}::timestamptz)
    returning id`);
  return Number(rowsOf<{ id: number }>(result)[0]!.id);
}

async function statusOf(t: TestApp, id: number) {
  const result = await t.app.database.db.execute(sql`select status, last_error from outbox where id = ${id}`);
  return rowsOf<{ status: string; last_error: string | null }>(result)[0]!;
}

describe('stored outbox rows', () => {
  it('renders a row written before payloads carried a version', async () => {
    const { t, channel } = await declaredIncident();
    // Exactly what release 0.1 wrote for `/incident note`: no `v`.
    const id = await insertRaw(t, 'notice.post', {
      kind: 'notice.post', target: 'incident', notice: { type: 'note_added', actorId: ALICE, text: 'written by the old release' },
    });
    await t.deliver();
    expect((await statusOf(t, id)).status).toBe('delivered');
    expect(t.ws.messages(channel).map(textOf).some((text) => text.includes('written by the old release'))).toBe(true);
  });

  it('dead-letters a row it cannot read, counts it, and delivers the incident’s next message', async () => {
    const { t, channel } = await declaredIncident();
    const broken = await insertRaw(t, 'notice.post', { kind: 'notice.post', target: 'incident', notice: { type: 'note_added' } });
    const newer = await insertRaw(t, 'card.sync', { kind: 'card.sync', v: 99 });
    await command(t.ws, ALICE, channel, 'note written after the broken rows');
    await t.deliver();

    expect(await statusOf(t, broken)).toMatchObject({ status: 'dead', last_error: expect.stringContaining('actorId') });
    expect(await statusOf(t, newer)).toMatchObject({ status: 'dead', last_error: expect.stringContaining('newer release') });
    expect(t.app.dispatcher.counts.deadLettered).toBe(2);
    expect(await t.app.repos.outbox.deadCount(t.app.database.db)).toBe(2);
    expect(t.ws.messages(channel).map(textOf).join('\n---\n')).toContain('written after the broken rows');
    // Dead letters are not retried: another drain leaves them as they are.
    await t.deliver();
    expect(t.app.dispatcher.counts.deadLettered).toBe(2);
  });
});
