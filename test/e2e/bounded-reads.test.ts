/**
 * `/incident list` and App Home read at most what they show: with many open incidents, the most
 * severe and most recent come first, then "and N more" with how to find the rest, and the count is
 * what this person may see (private incidents only to their people).
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { MESSAGE_SHORTCUTS } from '../../src/slack/capabilities.js';
import { TIMELINE_MESSAGE_INPUT } from '../../src/slack/ids.js';
import { BOB, channelId, command, openedView, visibleText } from '../helpers/flows.js';

const DAVE = 'U_DAVE';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

/** 60 public incidents (every fifth a SEV-1, the rest SEV-3), declared a minute apart; 5 private ones, one commanded by Bob. */
async function seed(app: TestApp) {
  const db = app.app.database.db;
  await db.execute(sql`
    insert into incidents (title, severity, status, scenario, impact, declared_by, started_at, detected_at, declared_at, is_private)
    select case when g % 5 = 0 then 'Checkout down ' else 'Search slow ' end || g,
           case when g % 5 = 0 then 'sev1' else 'sev3' end, 'investigating', 'other', '', 'U_ALICE',
           now(), now(), timestamptz '2026-11-25 00:00Z' + g * interval '1 minute', false
    from generate_series(1, 60) g`);
  await db.execute(sql`
    insert into incidents (title, severity, status, scenario, impact, declared_by, started_at, detected_at, declared_at, is_private)
    select 'Secret breach ' || g, 'sev1', 'investigating', 'other', '', 'U_ALICE', now(), now(), timestamptz '2026-11-26 00:00Z' + g * interval '1 minute', true
    from generate_series(1, 5) g`);
  await db.execute(sql`insert into incident_roles (incident_id, role, user_id, assigned_at)
    select id, 'commander', case when title = 'Secret breach 5' then ${BOB} else 'U_ALICE' end, now() from incidents`);
  await db.execute(sql`update incidents set status = 'resolved', resolved_at = now() where title = 'Search slow 59'`);
}

describe('reads bounded by what is shown', () => {
  it('/incident list shows the 20 most severe and most recent, then how many more and how to find them', async () => {
    t = await startTestApp();
    await seed(t);
    const dave = (await command(t.ws, DAVE, 'general', 'list'))!;
    // 59 open public ones for an outsider; none of the private ones.
    expect(dave).toContain('59 open incidents');
    expect(dave).not.toContain('Secret breach');
    const shown = [...dave.matchAll(/INC-\d+\* (Checkout down|Search slow) (\d+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(shown).toHaveLength(20);
    // All twelve SEV-1s first, the most recent first, then the most recent SEV-3s.
    expect(shown.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => `Checkout down ${60 - 5 * i}`));
    expect(shown.slice(12)).toEqual(['Search slow 58', 'Search slow 57', 'Search slow 56', 'Search slow 54', 'Search slow 53', 'Search slow 52', 'Search slow 51', 'Search slow 49']);
    expect(dave).toContain('…and 39 more');
    expect(dave).toContain('/incident list <words from the title or INC-number>');

    // Bob commands one private incident: he sees it first (SEV-1, the most recent), and counts it.
    const bob = (await command(t.ws, BOB, 'general', 'list'))!;
    expect(bob).toContain('60 open incidents');
    expect(bob.indexOf('Secret breach 5')).toBeGreaterThan(-1);
    expect(bob.indexOf('Secret breach 5')).toBeLessThan(bob.indexOf('Checkout down 60'));
    expect(bob).not.toContain('Secret breach 4');
    expect(bob).toContain('…and 40 more');

    // Narrowed by words: only matching titles, private ones only for their people.
    const found = (await command(t.ws, DAVE, 'general', 'list breach'))!;
    expect(found).toContain('No open incident you can see matches');
    const one = (await command(t.ws, DAVE, 'general', 'list search slow 4'))!;
    expect([...one.matchAll(/Search slow (\d+)/g)].map((m) => m[1])).toEqual(['49', '48', '47', '46', '44', '43', '42', '41', '4']);
  });

  it('App Home shows 20 open incidents, the count the person may see, and how to find the rest', async () => {
    t = await startTestApp();
    await seed(t);
    await t.ws.openAppHome(BOB);
    await expect.poll(async () => {
      await t!.deliver();
      return t!.ws.homeView(BOB) !== undefined;
    }).toBe(true);
    const home = visibleText({ text: '', blocks: t.ws.homeView(BOB)!.blocks });
    expect(home).toContain('Open incidents (60)');
    expect(home).toContain('…and 40 more');
    const open = home.slice(home.indexOf('Open incidents'), home.indexOf('…and 40 more'));
    expect([...open.matchAll(/INC-\d+\*/g)]).toHaveLength(20);
    expect(open.indexOf('Secret breach 5')).toBeLessThan(open.indexOf('Checkout down 60'));
    expect(open).not.toContain('Secret breach 4');
    expect(home.slice(home.indexOf('Yours'))).toContain('Secret breach 5');
  });

  it("the message shortcut's picker offers at most 100, the most severe and most recent the person may see, and says how many there are", async () => {
    t = await startTestApp();
    await seed(t);
    await t.app.database.db.execute(sql`
      insert into incidents (title, severity, status, scenario, impact, declared_by, started_at, detected_at, declared_at)
      select 'Latency ' || g, 'sev2', 'investigating', 'other', '', 'U_ALICE', now(), now(), timestamptz '2026-11-24 00:00Z' + g * interval '1 minute'
      from generate_series(1, 50) g`);
    const general = channelId(t.ws, 'general');
    const offered = async (userId: string) => {
      const note = await t!.ws.postAsUser({ userId: 'U_CAROL', channelId: general, text: 'Customers report errors' });
      await t!.ws.messageShortcut({ userId, channelId: general, messageTs: note.ts, callbackId: MESSAGE_SHORTCUTS.addToTimeline });
      const modal = await openedView(t!.ws, userId, 'incident_timeline_message');
      const select = (modal.blocks as { block_id?: string; element?: { options?: { text: { text: string } }[] } }[])
        .find((b) => b.block_id === TIMELINE_MESSAGE_INPUT.incident.block)!.element!;
      await t!.ws.closeView(userId);
      return { options: select.options!.map((o) => o.text.text), text: visibleText({ text: '', blocks: modal.blocks }) };
    };
    const dave = await offered(DAVE);
    expect(dave.options).toHaveLength(100);
    expect(dave.options.some((o) => o.includes('Secret breach'))).toBe(false);
    expect(dave.options[0]).toContain('Checkout down 60');
    expect(dave.text).toContain('100 most severe and most recent of 109 open incidents');
    const bob = await offered(BOB);
    expect(bob.options[0]).toContain('Secret breach 5');
    expect(bob.options.filter((o) => o.includes('Secret breach'))).toHaveLength(1);
    expect(bob.text).toContain('of 110 open incidents');
  });
});
