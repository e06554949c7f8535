import type { HomeView, KnownBlock, RichTextBlock } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import { incidentRef, type Role } from '../../domain/incident.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { HomeData } from '../../domain/home.js';
import type { Texts } from '../../domain/texts/index.js';
import { ACTION_ID } from '../ids.js';
import { actions, button, context, header, section } from './elements.js';
import { mrkdwnTitle, nextUpdateText, richTitle, SEVERITY_EMOJI, statusText, TITLE_MAX, mentionOrNone } from './incident-format.js';
import { channelMention, clip, slackDate } from './mrkdwn.js';
import { richChannel, richEmoji, richLines, richText } from './rich-text.js';
import { homeInsightsText } from './insights-summary.js';

/** Slack's limit for a Home tab. */
const HOME_BLOCKS = 100;

export interface AppHomeInput {
  data: HomeData;
  /** Each resolved incident's postmortem draft, when it has been shared. */
  draftLinks: ReadonlyMap<number, string>;
  /** The viewer's language. */
  texts: Texts;
}

function where(incident: Incident): string {
  return incident.channelId ? ` · ${channelMention(incident.channelId)}` : '';
}

function overdue(incident: Incident, data: HomeData, texts: Texts): string {
  return incident.nextUpdateDueAt && incident.nextUpdateDueAt < data.now ? ` · ${texts.home.updateOverdue}` : '';
}

function openLine(incident: Incident, data: HomeData, texts: Texts): KnownBlock {
  return section(
    `${SEVERITY_EMOJI[incident.severity]} ${mrkdwnTitle(incident, TITLE_MAX, texts)}\n` +
      `${SEVERITY_INFO[incident.severity].label} · ${statusText(incident.status, texts)} · ${texts.home.commander(mentionOrNone(incident.commanderId, texts))}${where(incident)}\n` +
      `${texts.home.nextUpdate(nextUpdateText(incident))}${overdue(incident, data, texts)}`,
  );
}

function rolesOf(userId: string, incident: Incident): Role[] {
  const held: Array<[Role, string | null]> = [['commander', incident.commanderId], ['comms', incident.commsLeadId], ['scribe', incident.scribeId]];
  return held.filter(([, id]) => id === userId).map(([role]) => role);
}

function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s<>|]+$/.test(url) ? url : undefined;
}

/** A follow-up assigned to the viewer as rich text (its title shown as written), then when it is due and whose it is. */
function followUpBlock({ item, incident }: HomeData['followUps'][number], data: HomeData, texts: Texts): RichTextBlock {
  const t = texts.home;
  const pastDue = item.dueDate && item.dueDate < data.now.toISODate()! ? [richText(' · '), richEmoji('warning'), richText(' '), richText(t.pastDue, { bold: true })] : [];
  const due = [richText(item.dueDate ? t.due(item.dueDate) : t.noDueDate), ...pastDue, ...(incident ? [richText(` · ${incidentRef(incident.id)}`)] : [])];
  return { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: richLines([[richText('• '), richText(clip(item.title, 300))], due]) }] };
}

/**
 * The checklist items assigned to the viewer, one rich_text block: each item's text, then its
 * runbook and incident, all shown as written (a `*`, `_`, `~` or backtick is no formatting).
 */
function checklistItemsBlock(checklist: NonNullable<HomeData['checklistItems']>, texts: Texts): RichTextBlock {
  const lines = checklist.map(({ incident, runbookTitle, item }) => [
    [richText('• '), richText(clip(item.text, 200))],
    [
      richText(`   ${clip(runbookTitle, 80)} · `),
      ...richTitle(incident, 80, texts),
      ...(incident.channelId ? [richText(' · '), richChannel(incident.channelId)] : []),
    ],
  ]);
  return { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: richLines(lines.flat()) }] };
}

/** A person's App Home: open incidents, theirs, their follow-ups, the recently resolved, and Declare. */
export function appHome({ data, draftLinks, texts }: AppHomeInput): HomeView {
  const t = texts.home;
  const blocks: KnownBlock[] = [
    header(t.title),
    actions([button(t.declare, ACTION_ID.homeDeclare, 'declare', 'primary')]),
    context(t.asOf(slackDate(data.now))),
    header(t.openHeader(data.open.length + data.moreOpen, data.moreOpenCapped)),
  ];
  if (data.open.length === 0) blocks.push(section(t.noneOpen));
  for (const incident of data.open) blocks.push(openLine(incident, data, texts));
  if (data.moreOpen > 0) blocks.push(context(t.moreOpen(data.moreOpen, texts.lists.findOne, data.moreOpenCapped)));

  const moreMine = data.moreMine ?? 0;
  blocks.push(header(t.yoursHeader));
  if (data.mine.length === 0) blocks.push(context(t.noRole));
  for (const incident of data.mine) {
    const roles = rolesOf(data.userId, incident).map((r) => texts.terms.role[r]).join(', ');
    blocks.push(section(`${mrkdwnTitle(incident, TITLE_MAX, texts)} · *${roles}*${where(incident)}\n${t.nextUpdate(nextUpdateText(incident))}${overdue(incident, data, texts)}`));
  }
  if (moreMine > 0) blocks.push(context(t.moreYours(moreMine, data.moreMineCapped)));

  blocks.push(header(t.followUpsHeader));
  if (data.followUps.length === 0) blocks.push(context(t.noFollowUps));
  for (const followUp of data.followUps) blocks.push(followUpBlock(followUp, data, texts));

  blocks.push(header(t.checklistHeader));
  const checklist = data.checklistItems ?? [];
  if (checklist.length === 0) blocks.push(context(t.noChecklistItems));
  else blocks.push(checklistItemsBlock(checklist, texts));

  blocks.push(header(t.resolvedHeader));
  if (data.recentlyResolved.length === 0) blocks.push(context(t.noneResolved));
  for (const incident of data.recentlyResolved) {
    const link = safeUrl(draftLinks.get(incident.id));
    const draft = link ? ` · <${link}|${t.postmortemDraft}>` : '';
    const resolvedAt = incident.resolvedAt ? ` · ${t.resolvedAt(slackDate(incident.resolvedAt))}` : '';
    blocks.push(section(`${mrkdwnTitle(incident, TITLE_MAX, texts)}${resolvedAt}${draft}`));
  }
  if (data.insights) blocks.push(header(t.insightsHeader), section(homeInsightsText(data.insights, texts)));
  return { type: 'home', blocks: blocks.slice(0, HOME_BLOCKS) };
}
