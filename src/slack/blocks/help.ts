import type { KnownBlock } from '@slack/types';
import { SLASH_COMMAND } from '../capabilities.js';
import { section } from './elements.js';
import type { BlockMessage } from './message.js';

/** One subcommand as help shows it: syntax and what it does (the registry's entries). */
export interface HelpLine {
  syntax: string;
  does: string;
}

export interface HelpInput {
  /** The subcommands, from the registry in src/slack/commands/incident/registry.ts. */
  lines: readonly HelpLine[];
  /** The slash command as installed; defaults to `/incident`. */
  command?: string;
}

/** Ephemeral reply to `/incident help`. */
export function helpMessage({ lines: subcommands, command = SLASH_COMMAND }: HelpInput): BlockMessage {
  const lines = subcommands.map((s) => `\`${command} ${s.syntax}\`\n${s.does}`);
  const blocks: KnownBlock[] = [
    section(`*${command}* — incident coordination`),
    section(lines.slice(0, 5).join('\n')),
    section(lines.slice(5).join('\n')),
  ];
  const text = `${command} commands: ${subcommands.map((s) => s.syntax.split(' ')[0]).join(', ')}`;
  return { text, blocks };
}
