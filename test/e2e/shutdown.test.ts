/**
 * SIGTERM during an incident: what was accepted is answered and saved, leases are handed back,
 * and the process stops within SHUTDOWN_TIMEOUT.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/app.js';
import { ALICE, channelId, command, declareValues, lastEphemeral, openedView } from '../helpers/flows.js';

describe('stopping', () => {
  it('finishes a slow command under way, tells its outcome, then stops', async () => {
    const t = await startTestApp({ env: { ACK_DEADLINE_MS: '500', SHUTDOWN_TIMEOUT: '10' } });
    let stopped = false;
    try {
      await command(t.ws, ALICE, 'general', 'declare sev2 Search slow');
      const form = await openedView(t.ws, ALICE, 'incident_declare');
      await t.ws.submitView({ userId: ALICE, viewId: form.id, values: declareValues({ title: 'Search slow', severity: 'sev2' }) });
      await t.deliver();
      const channel = channelId(t.ws, 'inc-1-search-slow');

      const holder = new pg.Client({ connectionString: t.database.url });
      await holder.connect();
      await holder.query('begin');
      await holder.query('lock table timeline_events in access exclusive mode');
      setTimeout(() => void holder.query('rollback').then(() => holder.end()), 2000);

      const ack = await t.ws.slashCommand({ userId: ALICE, channelId: channel, text: 'note saved during shutdown' });
      expect(ack.status).toBe(200);
      expect(lastEphemeral(t.ws, ALICE)).toContain('Working on it');
      // SIGTERM arrives while the note waits on the lock.
      const started = Date.now();
      await t.app.stop();
      stopped = true;
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(lastEphemeral(t.ws, ALICE)).toBe('Noted in the timeline.');
      const db = new pg.Client({ connectionString: t.database.url });
      await db.connect();
      const notes = (await db.query("select count(*)::int as n from timeline_events where kind = 'note_added'")).rows as { n: number }[];
      await db.end();
      expect(notes[0]!.n).toBe(1);
    } finally {
      if (!stopped) await t.app.stop();
      await t.database.drop();
    }
  });

  it('stops within SHUTDOWN_TIMEOUT even when work under way never ends', async () => {
    const t = await startTestApp({ env: { ACK_DEADLINE_MS: '300', SHUTDOWN_TIMEOUT: '1' } });
    const holder = new pg.Client({ connectionString: t.database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table incidents in access exclusive mode');
      await command(t.ws, ALICE, 'general', 'declare sev1 Stuck');
      const form = await openedView(t.ws, ALICE, 'incident_declare');
      await t.ws.submitView({ userId: ALICE, viewId: form.id, values: declareValues({ title: 'Stuck', severity: 'sev1' }) });
      const started = Date.now();
      const stopping = t.app.stop();
      // The lock outlives the timeout; release it only once stop has returned.
      await stopping;
      expect(Date.now() - started).toBeLessThan(8000); // the lock would hold it far longer
    } finally {
      await holder.query('rollback').catch(() => undefined);
      // The stuck statement now finishes and the app's pool, already told to end, lets it go.
      await expect
        .poll(async () => {
          const { rows } = await holder.query("select count(*)::int as n from pg_stat_activity where application_name = 'incident-bot' and datname = current_database()");
          return (rows as { n: number }[])[0]!.n;
        }, { timeout: 10_000 })
        .toBe(0);
      await holder.end();
      await t.database.drop();
    }
  });
});
