import { describe, expect, it } from 'vitest';
import { en, textsFor } from '../../../src/domain/texts/index.js';
import { englishLeftIn } from '../../helpers/catalog.js';
import { errorMessage } from '../../../src/slack/blocks/ephemeral-error.js';
import { helpMessage } from '../../../src/slack/blocks/help.js';
import { SUBCOMMANDS } from '../../../src/slack/commands/incident/registry.js';
import { HOSTILE } from './fixtures.js';
import { expectMessageLimits, expectNoSmuggling, renderedText } from './slack-checks.js';

describe('helpMessage', () => {
  it('lists every subcommand with its syntax', () => {
    const msg = helpMessage({ lines: SUBCOMMANDS, texts: en });
    const text = renderedText(msg.blocks);
    for (const syntax of [
      'declare [sev1|sev2|sev3] [title]',
      'update',
      'severity <sev1|sev2|sev3>',
      'status <investigating|identified|monitoring>',
      'assign <commander|comms|scribe> @user',
      'note [time] <text>',
      'resolve',
      'reopen',
      'list',
      'help',
    ]) {
      expect(text).toContain(`\`/incident ${syntax}\``);
    }
    expectMessageLimits(msg);
  });

  it('names every subcommand in Korean first for a Korean reader, its English name beside it, and keeps no English sentence', () => {
    const msg = helpMessage({ lines: SUBCOMMANDS, texts: textsFor('ko') });
    const text = renderedText(msg.blocks);
    expect(text).toContain('`/incident 선언 [sev1|sev2|sev3] [제목]` · 영문 `declare`');
    expect(text).toContain('`/incident 도움말` · 영문 `help`');
    expect(englishLeftIn(JSON.stringify(msg), en)).toEqual([]);
    expect(englishLeftIn(JSON.stringify(helpMessage({ lines: SUBCOMMANDS, texts: en })), en).length).toBeGreaterThan(10);
    expectMessageLimits(msg);
  });
});

describe('errorMessage', () => {
  it('shows a warning with the message, escaped, code spans intact', () => {
    const msg = errorMessage('The incident is resolved. Use `/incident reopen` to reopen it first.');
    expect(renderedText(msg.blocks)).toBe(':warning: The incident is resolved. Use `/incident reopen` to reopen it first.');
    expectMessageLimits(msg);
    const hostile = errorMessage(`No incident called ${HOSTILE}`.repeat(200));
    expectNoSmuggling(hostile);
    expectMessageLimits(hostile);
  });

  it('keeps a refusal’s mention of the commander a mention, and nothing else', () => {
    const msg = errorMessage('Only the commander (<@U_ALICE>) can resolve INC-3. <!channel> <https://evil.example|x>');
    expect(renderedText(msg.blocks)).toBe(':warning: Only the commander (<@U_ALICE>) can resolve INC-3. &lt;!channel&gt; &lt;https://evil.example|x&gt;');
  });
});
