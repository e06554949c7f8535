/**
 * The conversation on the timeline: a 📌 on a message in an incident channel puts it in the
 * postmortem draft at the message's own time, with its author, text and link; edits follow,
 * un-pinning and deletion take it out; Slack's retries add nothing twice; the message shortcut
 * works from any channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_SHORTCUTS } from '../../src/slack/capabilities.js';
import { DECLARE_INPUT, TIMELINE_MESSAGE_INPUT } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, CAROL, channelId, command, declare, declareValues, lastEphemeral, openedView } from '../helpers/flows.js';

const DAVE = 'U_DAVE';
const CHANNEL = 'inc-1-checkout-failing';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { EXPORT_TIME_ZONE: 'Asia/Seoul' } });
  await declare(t.ws, ALICE, 'sev1 Checkout failing');
  await t.deliver();
  // Carol and Dave are in the channel too: everyone who can see it may pin.
  await command(t.ws, ALICE, CHANNEL, `assign scribe <@${CAROL}>`);
  await t.deliver();
});
afterAll(async () => t?.stop());

const incidentChannel = () => channelId(t.ws, CHANNEL);

/** `/incident postmortem` and the draft it uploads, as the channel's readers get it. */
async function draft(): Promise<string> {
  await command(t.ws, ALICE, CHANNEL, 'postmortem');
  await t.deliver();
  const files = t.ws.files().filter((f) => f.channels.includes(incidentChannel()) && f.name.endsWith('.md'));
  return files[files.length - 1]!.content!.toString('utf8');
}

async function say(userId: string, channel: string, text: string) {
  t.clock.advance({ minutes: 1 });
  return t.ws.postAsUser({ userId, channelId: channel, text });
}

/** What the timeline holds about one message, history included, in the order recorded. */
const recorded = async (ts: string) =>
  (await t.app.repos.timeline.listForIncident(t.app.database.db, 1)).filter((e) => 'messageTs' in e.data && e.data.messageTs === ts).sort((a, b) => a.id - b.id);

const timelineLines = (markdown: string) => markdown.split('\n').filter((l) => /^- \d{2}:\d{2}/.test(l));

describe('a 📌 on a message in the incident channel', () => {
  it('puts it on the timeline at its own time; an edit updates it, removing the 📌 takes it out', async () => {
    const message = await say(BOB, incidentChannel(), 'Failover to the replica *started*');
    t.clock.advance({ minutes: 7 });
    await t.ws.react({ userId: CAROL, channelId: incidentChannel(), ts: message.ts, name: 'pushpin' });
    await t.deliver();

    let markdown = await draft();
    const posted = new Date(Number(message.ts) * 1000);
    const kst = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit' }).format(posted);
    const line = timelineLines(markdown).find((l) => l.includes('Failover'));
    expect(line).toBe(
      `- ${kst} · Bob Smith: Failover to the replica \\*started\\* ([message](${t.app.url}/archives/${incidentChannel()}/p${message.ts.replace('.', '')}))`,
    );

    await t.ws.editMessage({ userId: BOB, channelId: incidentChannel(), ts: message.ts, text: 'Failover to the replica finished' });
    markdown = await draft();
    expect(markdown).toContain('Bob Smith: Failover to the replica finished');
    expect(markdown).not.toContain('started');

    await t.ws.unreact({ userId: CAROL, channelId: incidentChannel(), ts: message.ts, name: 'pushpin' });
    markdown = await draft();
    expect(markdown).not.toContain('Failover');
  });

  it('keeps it while someone else\'s 📌 is on it, and marks a deleted message removed', async () => {
    const message = await say(BOB, incidentChannel(), 'Rolled back build 4411');
    await t.ws.react({ userId: CAROL, channelId: incidentChannel(), ts: message.ts, name: 'pushpin' });
    await t.ws.react({ userId: ALICE, channelId: incidentChannel(), ts: message.ts, name: 'pushpin' });
    await t.ws.react({ userId: ALICE, channelId: incidentChannel(), ts: message.ts, name: 'eyes' });
    await t.ws.unreact({ userId: CAROL, channelId: incidentChannel(), ts: message.ts, name: 'pushpin' });
    expect(timelineLines(await draft()).filter((l) => l.includes('Rolled back build 4411'))).toHaveLength(1);

    await t.ws.deleteMessage({ userId: BOB, channelId: incidentChannel(), ts: message.ts });
    expect(await draft()).not.toContain('Rolled back build 4411');
    // The history stays: pinned twice, unpinned once, deleted.
    const kinds = (await recorded(message.ts)).map((e) => e.kind);
    expect(kinds.filter((k) => k !== 'message_fetched')).toEqual(['message_pinned', 'message_pinned', 'message_unpinned', 'message_deleted']);
  });

  it('lists pinned messages in the order they were posted, not pinned', async () => {
    const first = await say(CAROL, incidentChannel(), 'Error rate 38% on checkout');
    const second = await say(BOB, incidentChannel(), 'Error rate back under 1%');
    await t.ws.react({ userId: ALICE, channelId: incidentChannel(), ts: second.ts, name: 'pushpin' });
    await t.ws.react({ userId: ALICE, channelId: incidentChannel(), ts: first.ts, name: 'pushpin' });
    const lines = timelineLines(await draft());
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('Carol Jones: Error rate 38% on checkout')).toBeGreaterThan(-1);
    expect(at('Carol Jones: Error rate 38% on checkout')).toBeLessThan(at('Bob Smith: Error rate back under 1%'));
  });

  it('records a reaction event Slack retries once', async () => {
    const message = await say(BOB, incidentChannel(), 'Pool size raised to 200');
    const event = {
      type: 'reaction_added', user: CAROL, reaction: 'pushpin', item_user: BOB,
      item: { type: 'message', channel: incidentChannel(), ts: message.ts },
    };
    const first = await t.ws.sendEvent(event);
    expect(first.status).toBe(200);
    for (const retryNum of [1, 2, 3]) {
      const retry = await t.ws.sendEvent(event, { eventId: first.eventId, retryNum, retryReason: 'http_timeout' });
      expect(retry.status).toBe(200);
    }
    await t.app.slack.settled();
    expect(timelineLines(await draft()).filter((l) => l.includes('Pool size raised to 200'))).toHaveLength(1);
    const pinned = await recorded(message.ts);
    expect(pinned.filter((e) => e.kind === 'message_pinned')).toHaveLength(1);
  });

  it('ignores other reactions and reactions outside incident channels', async () => {
    const elsewhere = await say(BOB, channelId(t.ws, 'general'), 'Lunch at noon?');
    await t.ws.react({ userId: ALICE, channelId: channelId(t.ws, 'general'), ts: elsewhere.ts, name: 'pushpin' });
    const here = await say(BOB, incidentChannel(), 'Looking at the load balancer');
    await t.ws.react({ userId: ALICE, channelId: incidentChannel(), ts: here.ts, name: 'eyes' });
    const markdown = await draft();
    expect(markdown).not.toContain('Lunch at noon');
    expect(markdown).not.toContain('Looking at the load balancer');
  });
});

describe('the "Add to incident timeline" message shortcut', () => {
  it('in the incident channel adds the message at once, files as links, and says so', async () => {
    await draft();
    const draftMessage = t.ws.messages(CHANNEL).filter((m) => m.files.length > 0).at(-1)!;
    const ack = await t.ws.messageShortcut({ userId: CAROL, channelId: incidentChannel(), messageTs: draftMessage.ts, callbackId: MESSAGE_SHORTCUTS.addToTimeline });
    expect(ack.status).toBe(200);
    await t.app.slack.settled();
    expect(lastEphemeral(t.ws, CAROL)).toBe("Added to INC-1's timeline, at the time it was posted.");
    const file = t.ws.files().find((f) => f.id === draftMessage.files[0])!;
    expect(file.name).toMatch(/^INC-1-postmortem-en-internal-v\d+\.md$/);
    expect(await draft()).toContain(`files: [${file.name}](${t.app.url}/files/U_BOT/${file.id}/${file.name})`);

    await t.ws.messageShortcut({ userId: CAROL, channelId: incidentChannel(), messageTs: draftMessage.ts, callbackId: MESSAGE_SHORTCUTS.addToTimeline });
    await t.app.slack.settled();
    expect(lastEphemeral(t.ws, CAROL)).toBe("That message is on INC-1's timeline already.");
  });

  it('from another channel asks which incident, offers only those the person may see, and adds it there', async () => {
    // A private incident Bob is not in: never offered to him.
    await command(t.ws, DAVE, 'general', 'declare sev2');
    const form = await openedView(t.ws, DAVE, 'incident_declare');
    const values = declareValues({ title: 'Secret rotation leak', severity: 'sev2', commander: DAVE });
    values[DECLARE_INPUT.drill.block] = { [DECLARE_INPUT.drill.action]: ['private'] };
    await t.ws.submitView({ userId: DAVE, viewId: form.id, values });
    await t.deliver();

    const report = await say(CAROL, channelId(t.ws, 'general'), 'Customers report checkout errors since 10:02');
    const ack = await t.ws.messageShortcut({ userId: BOB, channelId: channelId(t.ws, 'general'), messageTs: report.ts, callbackId: MESSAGE_SHORTCUTS.addToTimeline });
    expect(ack.status).toBe(200);
    const modal = await openedView(t.ws, BOB, 'incident_timeline_message');
    // The picker asks the bot as the menu opens (block_suggestion): the private incident is not offered.
    const offered = await t.ws.blockSuggestion({ userId: BOB, viewId: modal.id, actionId: TIMELINE_MESSAGE_INPUT.incident.action, value: '' });
    expect(offered.ok && offered.options.map((o) => o.text)).toEqual([{ type: 'plain_text', text: 'INC-1 · SEV-1 · Checkout failing', emoji: true }]);

    const submitted = await t.ws.submitView({
      userId: BOB, viewId: modal.id, values: { [TIMELINE_MESSAGE_INPUT.incident.block]: { [TIMELINE_MESSAGE_INPUT.incident.action]: '1' } },
    });
    expect(submitted.status).toBe(200);
    expect(t.ws.openViews(BOB)).toEqual([]);
    expect(await draft()).toContain(
      `Carol Jones: Customers report checkout errors since 10:02 ([message](${t.app.url}/archives/${channelId(t.ws, 'general')}/p${report.ts.replace('.', '')}))`,
    );
  });
});
