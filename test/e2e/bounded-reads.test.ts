/**
 * `/incident list` and App Home read at most what they show: with many open incidents, the most
 * severe and most recent come first, then "and N more" with how to find the rest, and the count is
 * what this person may see (private incidents only to their people). The message shortcut's picker
 * searches as the person types (Slack's block_suggestion) and answers at most 100.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { MESSAGE_SHORTCUTS } from '../../src/slack/capabilities.js';
import { TIMELINE_MESSAGE_INPUT } from '../../src/slack/ids.js';
import { ALICE, BOB, channelId, command, openedView, visibleText } from '../helpers/flows.js';
import { SEVERITY_INFO } from '../../src/domain/severity.js';

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

/** The text of the person's Home tab, once opened and published. */
async function homeText(app: TestApp, userId: string): Promise<string> {
  await app.ws.openAppHome(userId);
  await expect.poll(async () => {
    await app.deliver();
    return app.ws.homeView(userId) !== undefined;
  }).toBe(true);
  return visibleText({ text: '', blocks: app.ws.homeView(userId)!.blocks });
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

    // Dave declared one with no commander yet, so it is his; one he declared that Bob commands is not.
    await t.app.database.db.execute(sql`
      insert into incidents (title, severity, status, scenario, impact, declared_by, started_at, detected_at, declared_at, is_private)
      values ('Dave declared', 'sev2', 'investigating', 'other', '', ${DAVE}, now(), now(), now(), true),
             ('Dave handed over', 'sev2', 'investigating', 'other', '', ${DAVE}, now(), now(), now(), true)`);
    await t.app.database.db.execute(sql`insert into incident_roles (incident_id, role, user_id, assigned_at)
      select id, 'commander', ${BOB}, now() from incidents where title = 'Dave handed over'`);
    await t.ws.openAppHome(DAVE);
    await expect.poll(async () => {
      await t!.deliver();
      return t!.ws.homeView(DAVE) !== undefined;
    }).toBe(true);
    const daves = visibleText({ text: '', blocks: t.ws.homeView(DAVE)!.blocks });
    const yours = daves.slice(daves.indexOf('Yours'), daves.indexOf('Follow-ups assigned to you'));
    expect(yours).toContain('Dave declared');
    expect(yours).not.toContain('Dave handed over');
    expect(yours).not.toContain('more where you hold a role');

    // Alice commands 63 open incidents: "Yours" shows the 10 most severe and most recent, then how many more.
    const alices = await homeText(t, ALICE);
    const hers = alices.slice(alices.indexOf('Yours'), alices.indexOf('Follow-ups assigned to you'));
    expect([...hers.matchAll(/INC-\d+\* (Secret breach \d+|Checkout down \d+|Search slow \d+)/g)].map((m) => m[1])).toEqual([
      'Secret breach 4', 'Secret breach 3', 'Secret breach 2', 'Secret breach 1',
      'Checkout down 60', 'Checkout down 55', 'Checkout down 50', 'Checkout down 45', 'Checkout down 40', 'Checkout down 35',
    ]);
    expect(hers).toContain('…and 53 more where you hold a role, less severe or older');
  });

  it("the message shortcut's picker searches as the person types: at most 100 of 10,000, the most severe and most recent they may see", async () => {
    t = await startTestApp();
    await seed(t);
    await t.app.database.db.execute(sql`
      insert into incidents (title, severity, status, scenario, impact, declared_by, started_at, detected_at, declared_at)
      select 'Latency ' || g, 'sev2', 'investigating', 'other', '', 'U_ALICE', now(), now(), timestamptz '2026-11-24 00:00Z' + g * interval '1 second'
      from generate_series(1, 10000) g`);
    const general = channelId(t.ws, 'general');
    // The list counts up to a bound, not all 10,059: past it, "1000+".
    const listed = (await command(t.ws, DAVE, 'general', 'list'))!;
    expect(listed).toContain('1000+ open incidents');
    expect(listed).toContain('…and 980+ more');
    // Alice commands all 10,000 too: her "Yours" counts up to the bound, like the lists.
    await t.app.database.db.execute(sql`insert into incident_roles (incident_id, role, user_id, assigned_at)
      select id, 'commander', ${ALICE}, now() from incidents where title like 'Latency %'`);
    const hers = await homeText(t, ALICE);
    expect(hers.slice(hers.indexOf('Yours'))).toContain('…and 990+ more where you hold a role');
    const note = await t.ws.postAsUser({ userId: 'U_CAROL', channelId: general, text: 'Customers report errors' });
    const picker = async (userId: string) => {
      await t!.ws.messageShortcut({ userId, channelId: general, messageTs: note.ts, callbackId: MESSAGE_SHORTCUTS.addToTimeline });
      const modal = await openedView(t!.ws, userId, 'incident_timeline_message');
      const element = (modal.blocks as { block_id?: string; element?: Record<string, unknown> }[])
        .find((b) => b.block_id === TIMELINE_MESSAGE_INPUT.incident.block)!.element!;
      expect(element).toMatchObject({ type: 'external_select', min_query_length: 0 });
      expect(element['options']).toBeUndefined();
      return async (value: string) => {
        const answer = await t!.ws.blockSuggestion({ userId, viewId: modal.id, actionId: TIMELINE_MESSAGE_INPUT.incident.action, value });
        if (!answer.ok) throw new Error(answer.message);
        return answer.options;
      };
    };

    // Opening the menu (nothing typed): 100 of the 10,059 open public ones, SEV-1s first, most recent first.
    const daveTypes = await picker(DAVE);
    const opened = await daveTypes('');
    expect(opened).toHaveLength(100);
    expect(opened[0]).toEqual({ text: { type: 'plain_text', emoji: true, text: `INC-60 · ${SEVERITY_INFO.sev1.label} · Checkout down 60` }, value: '60' });
    expect(opened.slice(0, 12).map((o) => o.value)).toEqual(Array.from({ length: 12 }, (_, i) => String(60 - 5 * i)));
    expect(opened[12]!.text.text).toContain('Latency 10000');
    expect(opened.some((o) => o.text.text.includes('Secret breach'))).toBe(false);
    // Typed words narrow it; an INC-number finds that one; a private incident never shows to an outsider.
    expect((await daveTypes('checkout down 1')).map((o) => o.value)).toEqual(['15', '10']);
    expect((await daveTypes('inc-42')).map((o) => o.value)).toEqual(['42']);
    expect(await daveTypes('breach')).toEqual([]);
    expect(await daveTypes('INC-65')).toEqual([]);
    await t.ws.closeView(DAVE);

    // Bob commands Secret breach 5: it is his first option, and found by its words; the others stay hidden.
    const bobTypes = await picker(BOB);
    expect((await bobTypes(''))[0]!.text.text).toContain('Secret breach 5');
    expect((await bobTypes('secret')).map((o) => o.text.text)).toEqual([`INC-65 · ${SEVERITY_INFO.sev1.label} · Secret breach 5`]);
    // What he picked from the search goes on that timeline.
    const submitted = await t.ws.submitView({
      userId: BOB, viewId: t.ws.openViews(BOB)[0]!.id, values: { [TIMELINE_MESSAGE_INPUT.incident.block]: { [TIMELINE_MESSAGE_INPUT.incident.action]: '65' } },
    });
    expect(submitted.status).toBe(200);
    expect(t.ws.openViews(BOB)).toEqual([]);
    const pinned = rowsOf<{ incident_id: number }>(await t.app.database.db.execute(sql`select incident_id from timeline_events where kind = 'message_pinned'`));
    expect(pinned).toEqual([{ incident_id: 65 }]);
  });
});
