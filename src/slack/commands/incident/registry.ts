import { helpMessage, type HelpLine } from '../../blocks/help.js';
import { assign } from './assign.js';
import type { Subcommand } from './context.js';
import { declare } from './declare.js';
import { followup } from './followup.js';
import { followups } from './followups.js';
import { insights, INSIGHTS_USAGE } from './insights.js';
import { list } from './list.js';
import { note } from './note.js';
import { postmortem } from './postmortem.js';
import { reopen } from './reopen.js';
import { resolve } from './resolve.js';
import { scenario, SCENARIO_USAGE } from './scenario.js';
import { severity } from './severity.js';
import { status } from './status.js';
import { timeline } from './timeline.js';
import { update } from './update.js';

export interface SubcommandEntry extends HelpLine {
  name: string;
  /** Other words that run it (`sev` for `severity`); not listed in help. */
  aliases?: readonly string[];
  run: Subcommand;
}

const help: Subcommand = async (ctx) => {
  await ctx.ack({ response_type: 'ephemeral', ...helpMessage({ lines: SUBCOMMANDS }) });
};

/** Every `/incident` subcommand, once: routing and help both read this list. */
export const SUBCOMMANDS: readonly SubcommandEntry[] = [
  { name: 'declare', syntax: 'declare [sev1|sev2|sev3] [title]', does: 'Declare an incident (opens a form, prefilled)', run: declare },
  { name: 'update', syntax: 'update', does: 'Post a status update (opens a form)', run: update },
  { name: 'severity', aliases: ['sev'], syntax: 'severity <sev1|sev2|sev3>', does: 'Change the severity and its update cadence', run: severity },
  { name: 'status', syntax: 'status <investigating|identified|monitoring>', does: 'Change the status', run: status },
  { name: 'assign', syntax: 'assign <commander|comms|scribe> @user', does: 'Assign a role', run: assign },
  { name: 'note', syntax: 'note [time] <text>', does: 'Add a note to the timeline; a leading `14:23`, `yesterday 23:50` or `2024-11-22 14:23` (your zone) says when it happened', run: note },
  { name: 'timeline', syntax: 'timeline [add|<page>]', does: 'Show the timeline, edit or remove entries; `add` opens a form for an entry with a milestone', run: timeline },
  { name: 'scenario', syntax: SCENARIO_USAGE, does: 'Change the scenario; the postmortem draft follows its template', run: scenario },
  { name: 'resolve', syntax: 'resolve', does: 'Resolve the incident (opens a form)', run: resolve },
  { name: 'reopen', syntax: 'reopen', does: 'Reopen a resolved incident', run: reopen },
  { name: 'followup', syntax: 'followup [title]', does: 'Add action items for the postmortem (opens a form, the title filled in)', run: followup },
  { name: 'followups', syntax: 'followups', does: 'List the action items with owner and due date; mark them done', run: followups },
  {
    name: 'postmortem',
    syntax: 'postmortem [en|ko] [internal|external]',
    does: 'Write the postmortem draft (internal, or external for customers) again; it replaces the current one in the channel',
    run: postmortem,
  },
  { name: 'list', syntax: 'list', does: 'List open incidents', run: list },
  { name: 'insights', syntax: INSIGHTS_USAGE, does: 'Time to detect, acknowledge, mitigate and resolve per severity, people and follow-ups (default the last 28 days), only to you', run: insights },
  { name: 'help', syntax: 'help', does: 'Show this help', run: help },
];

/** A Map, not an object: `__proto__` or `constructor` typed by a user finds nothing. */
const BY_NAME = new Map<string, SubcommandEntry>(
  SUBCOMMANDS.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])].map((name) => [name, entry] as const)),
);

export function findSubcommand(name: string): SubcommandEntry | undefined {
  return BY_NAME.get(name);
}
