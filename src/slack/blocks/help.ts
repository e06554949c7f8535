import type { KnownBlock } from '@slack/types';
import type { Texts } from '../../domain/texts/index.js';
import { SLASH_COMMAND } from '../capabilities.js';
import { section } from './elements.js';
import type { BlockMessage } from './message.js';

export type SubcommandName = keyof Texts['help']['subcommands'];

/** One subcommand as help shows it: its English name and its Korean one (the registry's entries). */
export interface HelpLine {
  name: SubcommandName;
  korean: string;
}

export interface HelpInput {
  /** The subcommands, from the registry in src/slack/commands/incident/registry.ts. */
  lines: readonly HelpLine[];
  /** The reader's texts: help names each subcommand in their language first, the other beside it. */
  texts: Texts;
  /** The slash command as installed; defaults to `/incident`. */
  command?: string;
}

/** Ephemeral reply to `/incident help`: both names of every subcommand, what it does in the reader's language. */
export function helpMessage({ lines: subcommands, texts, command = SLASH_COMMAND }: HelpInput): BlockMessage {
  const { help } = texts;
  const koreanFirst = texts.locale === 'ko';
  const lines = subcommands.map(({ name, korean }) => {
    const { args, does } = help.subcommands[name];
    const [first, other] = koreanFirst ? [korean, name] : [name, korean];
    return `\`${command} ${first}${args ? ` ${args}` : ''}\` · ${help.alsoNamed(other)}\n${does}`;
  });
  const blocks: KnownBlock[] = [section(help.heading(command))];
  for (let i = 0; i < lines.length; i += 6) blocks.push(section(lines.slice(i, i + 6).join('\n')));
  const text = help.fallback(command, subcommands.map((s) => (koreanFirst ? s.korean : s.name)).join(', '));
  return { text, blocks };
}
