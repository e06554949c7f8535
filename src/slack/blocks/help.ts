import type { KnownBlock } from '@slack/types';
import { SLASH_COMMAND } from '../capabilities.js';
import { section } from './elements.js';
import type { BlockMessage } from './message.js';

export interface HelpInput {
  /** The slash command as installed; defaults to `/incident`. */
  command?: string;
}

/** Every subcommand: syntax and what it does. */
export const SUBCOMMANDS: readonly { syntax: string; does: string }[] = [
  { syntax: 'declare [sev1|sev2|sev3] [title]', does: 'Declare an incident (opens a form, prefilled)' },
  { syntax: 'update', does: 'Post a status update (opens a form)' },
  { syntax: 'severity <sev1|sev2|sev3>', does: 'Change the severity and its update cadence' },
  { syntax: 'status <investigating|identified|monitoring>', does: 'Change the status' },
  { syntax: 'assign <commander|comms|scribe> @user', does: 'Assign a role' },
  { syntax: 'note <text>', does: 'Add a note to the timeline' },
  { syntax: 'resolve', does: 'Resolve the incident (opens a form)' },
  { syntax: 'reopen', does: 'Reopen a resolved incident' },
  { syntax: 'followup', does: 'Add action items for the postmortem (opens a form)' },
  { syntax: 'postmortem [en|ko]', does: 'Write the postmortem draft again and upload it to the incident channel' },
  { syntax: 'list', does: 'List open incidents' },
  { syntax: 'help', does: 'Show this help' },
];

/** Ephemeral reply to `/incident help`. */
export function helpMessage({ command = SLASH_COMMAND }: HelpInput = {}): BlockMessage {
  const lines = SUBCOMMANDS.map((s) => `\`${command} ${s.syntax}\`\n${s.does}`);
  const blocks: KnownBlock[] = [
    section(`*${command}* — incident coordination`),
    section(lines.slice(0, 5).join('\n')),
    section(lines.slice(5).join('\n')),
  ];
  const text = `${command} commands: ${SUBCOMMANDS.map((s) => s.syntax.split(' ')[0]).join(', ')}`;
  return { text, blocks };
}
