import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/domain/texts/index.js';
import { helpMessage } from '../../src/slack/blocks/help.js';
import { findSubcommand, SUBCOMMANDS } from '../../src/slack/commands/incident/registry.js';

const names = SUBCOMMANDS.map((s) => s.name);
const helpText = () => JSON.stringify(helpMessage({ lines: SUBCOMMANDS, texts: en }).blocks);

describe('the /incident subcommand registry', () => {
  it('routes every registered name and alias to its own entry', () => {
    for (const entry of SUBCOMMANDS) {
      for (const name of [entry.name, entry.korean, ...(entry.aliases ?? [])]) expect(findSubcommand(name)).toBe(entry);
    }
    expect(new Set(names).size).toBe(names.length);
    const korean = SUBCOMMANDS.map((s) => s.korean);
    expect(new Set([...names, ...korean]).size).toBe(names.length * 2);
  });

  it('runs the Korean names whichever Unicode form Slack sends (composed or decomposed Hangul)', () => {
    expect(findSubcommand('선언'.normalize('NFD'))?.name).toBe('declare');
    expect(findSubcommand('DECLARE')?.name).toBe('declare');
  });

  it('help lists every subcommand once and nothing that is not registered', () => {
    const listed = [...helpText().matchAll(/`\/incident (\w+)/g)].map((m) => m[1]);
    expect(listed).toEqual(names);
  });

  it('has an entry for every subcommand module', () => {
    const dir = resolve(import.meta.dirname, '../../src/slack/commands/incident');
    const modules = readdirSync(dir)
      .map((f) => f.replace(/\.ts$/, ''))
      .filter((f) => !['index', 'context', 'registry'].includes(f));
    expect(modules.sort()).toEqual(names.filter((n) => n !== 'help').sort());
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', ''])('finds nothing for %j', (name) => {
    expect(findSubcommand(name)).toBeUndefined();
  });
});
