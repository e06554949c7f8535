import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/domain/texts/index.js';
import { SteppedClock } from '../../src/clock.js';
import { announcement } from '../../src/slack/blocks/announcement.js';
import { appHome } from '../../src/slack/blocks/app-home.js';
import { checklistMessages } from '../../src/slack/blocks/checklist-message.js';
import { checklistSkipModal } from '../../src/slack/blocks/checklist-skip-modal.js';
import { declareModal } from '../../src/slack/blocks/declare-modal.js';
import { errorMessage } from '../../src/slack/blocks/ephemeral-error.js';
import { eventNotice, type EventNotice } from '../../src/slack/blocks/event-notice.js';
import { followupList } from '../../src/slack/blocks/followup-list.js';
import { followupModal } from '../../src/slack/blocks/followup-modal.js';
import { helpMessage } from '../../src/slack/blocks/help.js';
import { SUBCOMMANDS } from '../../src/slack/commands/incident/registry.js';
import { incidentCard } from '../../src/slack/blocks/incident-card.js';
import { incidentList } from '../../src/slack/blocks/incident-list.js';
import { reminderMessage } from '../../src/slack/blocks/reminder.js';
import { resolveModal } from '../../src/slack/blocks/resolve-modal.js';
import { runbookAttachedReply } from '../../src/slack/blocks/runbook-attached.js';
import { statusUpdateMessage } from '../../src/slack/blocks/status-update-message.js';
import { updateModal } from '../../src/slack/blocks/update-modal.js';
import { HOSTILE, makeIncident, makeUpdate, T0 } from '../unit/blocks/fixtures.js';
import { serveLocalPage } from '../helpers/local-page.js';
import { CHROMIUM_ARGS } from './browser-app.js';

let local: Awaited<ReturnType<typeof serveLocalPage>> | undefined;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  local = await serveLocalPage(new SteppedClock(T0));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.goto(`${local.base}/?user=U_ALICE`);
  await page.waitForSelector('body[data-ready="true"]');
});
afterAll(async () => {
  await browser?.close();
  await local?.close();
});

interface Rendered {
  unsupported: string[];
  text: string;
  injected: number;
}

/** Renders blocks with the page's own renderer, in Asia/Seoul, and reports what a reader would see. */
function render(blocks: unknown[], surface: 'message' | 'modal' = 'message'): Promise<Rendered> {
  return page.evaluate(
    ({ blocks, surface }) => {
      const { renderBlocks } = (window as unknown as { sandboxRender: { renderBlocks: (...a: unknown[]) => string } }).sandboxRender;
      const users = [{ id: 'UCMDR', name: 'cmdr', realName: 'Casey Commander', tz: 'Asia/Seoul', isBot: false }];
      const box = document.createElement('div');
      box.innerHTML = renderBlocks(blocks, { users, channels: [], tz: 'Asia/Seoul', now: '2024-11-21T05:00:00Z' }, surface);
      document.body.append(box);
      const result = {
        unsupported: [...box.querySelectorAll<HTMLElement>('.unsupported')].map((e) => e.dataset.unsupported ?? ''),
        text: box.innerText,
        injected: box.querySelectorAll('script, img, iframe, [onerror]').length,
      };
      box.remove();
      return result;
    },
    { blocks, surface },
  );
}

const incident = makeIncident({ title: `Checkout ${HOSTILE}` });
const events: EventNotice[] = [
  { kind: 'severity_changed', actorId: 'UA', from: 'sev1', to: 'sev2', cadenceMinutes: 30, nextUpdateDueAt: T0.plus({ minutes: 30 }) },
  { kind: 'status_changed', actorId: 'UA', from: 'investigating', to: 'monitoring' },
  { kind: 'role_assigned', actorId: 'UA', role: 'comms', userId: 'UB' },
  { kind: 'note_added', authorId: 'UA', text: `rolled back\n${HOSTILE}` },
  { kind: 'resolved', actorId: 'UA', summary: 'Failed over', rootCause: 'Disk full', rootCauseConfirmed: true },
  { kind: 'reopened', actorId: 'UA' },
];
const reminder = {
  cycle: 1, stage: 1 as const, updateNumber: 1, dueAt: T0.toISO()!, remindedAt: T0.plus({ minutes: 2 }).toISO()!, severity: 'sev1' as const,
  cadenceMinutes: 15, commanderId: 'UCMDR', commsLeadId: null, snoozeCount: 0, snoozeLimit: 3,
};

const STEP = 'Run `kubectl rollout undo` on *all* pods_v2 ~now~';
const checklist = checklistMessages({
  texts: en,
  incident,
  runbook: {
    id: 1, incidentId: incident.id, runbookId: 'deploy', title: 'Roll back', attachedAt: T0,
    items: [
      {
        id: 'a', text: STEP, state: 'open', assigneeId: null, closedBy: null, closedAt: null, reason: null,
        warn: 'Check the *schema* of pods_v2', link: 'https://runbooks.example.com/deploy?a=1&b=2',
      },
      { id: 'b', text: STEP, state: 'done', assigneeId: null, closedBy: 'UCMDR', closedAt: T0, reason: null },
      { id: 'c', text: STEP, state: 'skipped', assigneeId: null, closedBy: 'UCMDR', closedAt: T0, reason: 'No _rollout_ <!channel>' },
    ],
  },
})[0]!;

const stepDue = eventNotice({
  texts: en, incident, event: { kind: 'checklist_item_due', recipientId: 'UCMDR', runbookTitle: `Roll *back* ${HOSTILE}`, itemText: STEP, dueAt: T0, link: 'https://runbooks.example.com/deploy' },
});
const home = appHome({
  texts: en, draftLinks: new Map(),
  data: {
    userId: 'UCMDR', now: T0, open: [], moreOpen: 0, mine: [], recentlyResolved: [],
    followUps: [{ item: { id: 1, incidentId: incident.id, title: STEP, ownerId: 'UCMDR', horizon: 'short_term', dueDate: '2024-11-20', done: false, createdAt: T0 }, incident }],
    checklistItems: [{ incident: makeIncident({ title: `Checkout _eu_ ${HOSTILE}`, channelId: 'C_INC' }), runbookTitle: 'Roll *back*', item: { id: 'a', text: STEP, state: 'assigned', assigneeId: 'UCMDR', closedBy: null, closedAt: null, reason: null } }],
  },
});

const followups = followupList({
  incident,
  items: [
    { id: 1, incidentId: incident.id, title: STEP, ownerId: 'UCMDR', horizon: 'short_term', dueDate: '2024-11-28', done: false, createdAt: T0 },
    { id: 2, incidentId: incident.id, title: STEP, ownerId: null, horizon: 'long_term', dueDate: null, done: true, createdAt: T0 },
  ],
}, en);

const messages: Record<string, { blocks: unknown[] }> = {
  checklist,
  'follow-ups': followups,
  'notice checklist_item_due': stepDue,
  'runbook attached': runbookAttachedReply(STEP, 'INC-42', en),
  'app home': home,
  card: incidentCard({ texts: en, incident, cadenceMinutes: 15 }),
  'card (resolved drill)': incidentCard({ texts: en, incident: { ...incident, status: 'resolved', isDrill: true, resolvedAt: T0.plus({ hours: 1 }) } }),
  announcement: announcement({ texts: en, incident, postmortemUrl: 'https://example.com/pm' }),
  'status update': statusUpdateMessage({ texts: en, incident, update: makeUpdate() }),
  ...Object.fromEntries(events.map((event) => [`notice ${event.kind}`, eventNotice({ texts: en, incident, event })])),
  list: incidentList({ incidents: [incident, makeIncident({ id: 43, severity: 'sev3' })], now: T0.plus({ hours: 1 }) }, en),
  'empty list': incidentList({ incidents: [] }, en),
  help: helpMessage({ lines: SUBCOMMANDS, texts: en }),
  error: errorMessage('That did not work'),
  reminder: reminderMessage({ texts: en, incident, reminder }),
  'reminder (escalated)': reminderMessage({ texts: en, incident, reminder: { ...reminder, stage: 3 } }),
};
const modals: Record<string, { blocks: unknown[] }> = {
  declare: declareModal({ commanderId: 'UCMDR', title: 'Checkout', severity: 'sev1' }, en),
  update: updateModal({ incident, initial: { summary: 'x' } }, en),
  resolve: resolveModal({ incident }, en),
  followup: followupModal({ incident }, en),
  'checklist skip': checklistSkipModal(1, { id: 'a', text: STEP }, en),
};

describe('the page renders every Block Kit builder', () => {
  it.each(Object.entries(messages))('message: %s', async (_name, message) => {
    const shown = await render(message.blocks);
    expect(shown.unsupported).toEqual([]);
    expect(shown.injected).toBe(0);
    expect(shown.text.trim()).not.toBe('');
    expect(shown.text).not.toMatch(/<!date|<@|<#|&lt;|&amp;/);
  });

  it.each(Object.entries(modals))('modal: %s', async (_name, view) => {
    const shown = await render(view.blocks, 'modal');
    expect(shown.unsupported).toEqual([]);
    expect(shown.injected).toBe(0);
  });

  it('shows an explicit placeholder for a block or element it does not know', async () => {
    const shown = await render([{ type: 'video', alt_text: 'x' }, { type: 'actions', elements: [{ type: 'workflow_button' }] }]);
    expect(shown.unsupported).toEqual(['video', 'workflow_button']);
  });
});

describe('mrkdwn in the page', () => {
  it('formats text, mentions and dates in the viewer’s zone, and never turns text into HTML', async () => {
    const card = await render(incidentCard({ texts: en, incident }).blocks);
    expect(card.text).toContain('@Casey Commander');
    expect(card.text).toContain(HOSTILE.replace('<!channel>', '<!channel>'));
    const html = await page.evaluate(() => {
      const { mrkdwnToHtml } = (window as unknown as { sandboxRender: { mrkdwnToHtml: (...a: unknown[]) => string } }).sandboxRender;
      const ctx = { tz: 'Asia/Seoul', now: '2024-11-21T05:00:00Z', users: [], channels: [{ id: 'C1', name: 'inc-1' }] };
      return {
        styles: mrkdwnToHtml('*bold* _it_ ~gone~ `a<b>` <https://x.test/?a=1&amp;b=2|site> <#C1>\n>quoted', ctx),
        date: mrkdwnToHtml('<!date^1732165200^{date_short_pretty} {time}|2024-11-21 05:00 UTC>', ctx),
        hostile: mrkdwnToHtml('<img src=x onerror=alert(1)> &lt;script&gt;alert(1)&lt;/script&gt; <javascript:alert(1)|x>', ctx),
      };
    });
    expect(html.styles).toContain('<b>bold</b> <i>it</i> <s>gone</s> <code>a&lt;b&gt;</code>');
    expect(html.styles).toContain('<a href="https://x.test/?a=1&amp;b=2"');
    expect(html.styles).toContain('#inc-1</a>');
    expect(html.styles).toContain('<blockquote>quoted</blockquote>');
    expect(html.date).toContain('Today 2:00 PM');
    expect(html.hostile).not.toMatch(/<img|<script|href="javascript/);
  });

  it('shows a checklist step bold while open and struck once done, its `*`, `_`, `~` and backticks as typed, with who, when, why, link and warning', async () => {
    const html = await page.evaluate((blocks) => {
      const { renderBlocks } = (window as unknown as { sandboxRender: { renderBlocks: (...a: unknown[]) => string } }).sandboxRender;
      const users = [{ id: 'UCMDR', name: 'cmdr', realName: 'Casey Commander', tz: 'Asia/Seoul', isBot: false }];
      return renderBlocks(blocks, { users, channels: [], tz: 'Asia/Seoul', now: '2024-11-21T05:00:00Z' }, 'message');
    }, checklist.blocks);
    const casey = '<span class="mention" data-user="UCMDR">@Casey Commander</span>';
    expect(html).toContain('⬜ <b>Run `kubectl rollout undo` on *all* pods_v2 ~now~</b><br>🔗 <a href="https://runbooks.example.com/deploy?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">Runbook link</a><br>⚠️ Check the *schema* of pods_v2');
    expect(html).toContain(`✅ <s>Run \`kubectl rollout undo\` on *all* pods_v2 ~now~</s><br>done by ${casey} <time class="slack-date" datetime="2024-11-21T05:00:00.000Z" title="2024-11-21 05:00 UTC">Today 2:00 PM</time>`);
    expect(html).toContain(`⏩ <s>Run \`kubectl rollout undo\` on *all* pods_v2 ~now~</s><br>skipped by ${casey}: <i>No _rollout_ &lt;!channel&gt;</i>`);
  });

  it('shows a due step, a runbook attached, App Home\'s lists and follow-ups as typed: quote, bold, strike, channel and links as Slack shows them', async () => {
    const html = await page.evaluate((views) => {
      const { renderBlocks } = (window as unknown as { sandboxRender: { renderBlocks: (...a: unknown[]) => string } }).sandboxRender;
      const users = [{ id: 'UCMDR', name: 'cmdr', realName: 'Casey Commander', tz: 'Asia/Seoul', isBot: false }];
      const ctx = { users, channels: [{ id: 'C_INC', name: 'inc-42-checkout' }], tz: 'Asia/Seoul', now: '2024-11-21T05:00:00Z' };
      return views.map((blocks) => renderBlocks(blocks, ctx, 'message'));
    }, [stepDue.blocks, runbookAttachedReply(STEP, 'INC-42', en).blocks, home.blocks, followups.blocks]);
    const [due, attached, homeHtml, followupsHtml] = html as [string, string, string, string];
    expect(due).toContain('⏰ <span class="mention" data-user="UCMDR">@Casey Commander</span>, this step of <b>Roll *back* &lt;!channel&gt; &amp; &lt;https://evil|click&gt;</b> was due <time');
    expect(due).toContain('<blockquote>Run `kubectl rollout undo` on *all* pods_v2 ~now~</blockquote><a href="https://runbooks.example.com/deploy"');
    expect(attached).toContain('Attached <b>Run `kubectl rollout undo` on *all* pods_v2 ~now~</b> to INC-42;');
    expect(homeHtml).toContain('• Run `kubectl rollout undo` on *all* pods_v2 ~now~<br>   Roll *back* · <b>INC-42</b> Checkout _eu_ &lt;!channel&gt;');
    expect(homeHtml).toContain('<a class="channel-mention" href="#" data-channel="C_INC">#inc-42-checkout</a>');
    expect(homeHtml).toContain('• Run `kubectl rollout undo` on *all* pods_v2 ~now~<br>due 2024-11-20 · ⚠️ <b>past due</b> · INC-42');
    expect(followupsHtml).toContain('⬜ <b>Run `kubectl rollout undo` on *all* pods_v2 ~now~</b><br><span class="mention" data-user="UCMDR">@Casey Commander</span> · due 2024-11-28 · Short-term');
    expect(followupsHtml).toContain('✅ <s>Run `kubectl rollout undo` on *all* pods_v2 ~now~</s><br><i>no owner</i> · no due date · Long-term');
  });
});
