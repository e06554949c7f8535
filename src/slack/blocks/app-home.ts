import type { HomeView, KnownBlock } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import { incidentRef, ROLE_LABEL, type Role } from '../../domain/incident.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { HomeData } from '../../domain/home.js';
import { ACTION_ID } from '../ids.js';
import { actions, button, context, header, section } from './elements.js';
import { mentionOrNone, mrkdwnTitle, nextUpdateText, SEVERITY_EMOJI, statusText } from './incident-format.js';
import { channelMention, safe, slackDate } from './mrkdwn.js';
import { homeInsightsText } from './insights-summary.js';

/** Slack's limit for a Home tab. */
const HOME_BLOCKS = 100;

export interface AppHomeInput {
  data: HomeData;
  /** Each resolved incident's postmortem draft, when it has been shared. */
  draftLinks: ReadonlyMap<number, string>;
}

function where(incident: Incident): string {
  return incident.channelId ? ` · ${channelMention(incident.channelId)}` : '';
}

function overdue(incident: Incident, data: HomeData): string {
  return incident.nextUpdateDueAt && incident.nextUpdateDueAt < data.now ? ' · :rotating_light: *update overdue*' : '';
}

function openLine(incident: Incident, data: HomeData): KnownBlock {
  return section(
    `${SEVERITY_EMOJI[incident.severity]} ${mrkdwnTitle(incident)}\n` +
      `${SEVERITY_INFO[incident.severity].label} · ${statusText(incident.status)} · commander ${mentionOrNone(incident.commanderId)}${where(incident)}\n` +
      `Next update ${nextUpdateText(incident)}${overdue(incident, data)}`,
  );
}

function rolesOf(userId: string, incident: Incident): Role[] {
  const held: Array<[Role, string | null]> = [['commander', incident.commanderId], ['comms', incident.commsLeadId], ['scribe', incident.scribeId]];
  return held.filter(([, id]) => id === userId).map(([role]) => role);
}

function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s<>|]+$/.test(url) ? url : undefined;
}

/** A person's App Home: open incidents, theirs, their follow-ups, the recently resolved, and Declare. */
export function appHome({ data, draftLinks }: AppHomeInput): HomeView {
  const blocks: KnownBlock[] = [
    header('Incidents'),
    actions([button('Declare incident', ACTION_ID.homeDeclare, 'declare', 'primary')]),
    context(`As of ${slackDate(data.now)}`),
    header(`Open incidents (${data.open.length + data.moreOpen})`),
  ];
  if (data.open.length === 0) blocks.push(section(':white_check_mark: No open incidents.'));
  for (const incident of data.open) blocks.push(openLine(incident, data));
  if (data.moreOpen > 0) blocks.push(context(`…and ${data.moreOpen} more, less severe or older: \`/incident list <words from the title or INC-number>\` finds one`));

  blocks.push(header('Yours'));
  if (data.mine.length === 0) blocks.push(context('You hold no role in an open incident.'));
  for (const incident of data.mine) {
    const roles = rolesOf(data.userId, incident).map((r) => ROLE_LABEL[r]).join(', ');
    blocks.push(section(`${mrkdwnTitle(incident)} · *${roles}*${where(incident)}\nNext update ${nextUpdateText(incident)}${overdue(incident, data)}`));
  }

  blocks.push(header('Follow-ups assigned to you'));
  if (data.followUps.length === 0) blocks.push(context('Nothing assigned to you.'));
  for (const { item, incident } of data.followUps) {
    const due = item.dueDate ? `due ${item.dueDate}${item.dueDate < data.now.toISODate()! ? ' · :warning: *past due*' : ''}` : 'no due date';
    const from = incident ? ` · ${incidentRef(incident.id)}` : '';
    blocks.push(section(`• ${safe(item.title, 300)}\n${due}${from}`));
  }

  blocks.push(header('My checklist items'));
  const checklist = data.checklistItems ?? [];
  if (checklist.length === 0) blocks.push(context('No checklist item is assigned to you.'));
  else blocks.push(section(checklist.map(({ incident, runbookTitle, item }) => `• ${safe(item.text, 200)}\n   ${safe(runbookTitle, 80)} · ${mrkdwnTitle(incident, 80)}${where(incident)}`).join('\n')));

  blocks.push(header('Recently resolved'));
  if (data.recentlyResolved.length === 0) blocks.push(context('Nothing resolved in the last 7 days.'));
  for (const incident of data.recentlyResolved) {
    const link = safeUrl(draftLinks.get(incident.id));
    const draft = link ? ` · <${link}|postmortem draft>` : '';
    const resolvedAt = incident.resolvedAt ? ` · resolved ${slackDate(incident.resolvedAt)}` : '';
    blocks.push(section(`${mrkdwnTitle(incident)}${resolvedAt}${draft}`));
  }
  if (data.insights) blocks.push(header('The last 28 days'), section(homeInsightsText(data.insights)));
  return { type: 'home', blocks: blocks.slice(0, HOME_BLOCKS) };
}
