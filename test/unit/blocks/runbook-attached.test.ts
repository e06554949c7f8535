import { describe, expect, it } from 'vitest';
import { en, textsFor } from '../../../src/domain/texts/index.js';
import { runbookAttachedReply } from '../../../src/slack/blocks/runbook-attached.js';
import { englishLeftIn } from '../../helpers/catalog.js';
import { visibleText } from '../../helpers/flows.js';
import { expectMessageLimits, expectShownAsWritten, MARKUP, richTextLeaves } from './slack-checks.js';

const ko = textsFor('ko');

describe('the reply to attaching a runbook', () => {
  it('names the runbook bold and the incident, in the catalog\'s sentence', () => {
    const reply = runbookAttachedReply('Roll back a bad deploy', 'INC-7', en);
    expect(visibleText(reply)).toBe('Attached Roll back a bad deploy to INC-7; its checklist follows in the channel.');
    expect(reply.blocks).toMatchObject([{ type: 'rich_text' }]);
    expect(richTextLeaves(reply.blocks).slice(0, 2)).toEqual([{ type: 'text', text: 'Attached ' }, { type: 'text', text: 'Roll back a bad deploy', style: { bold: true } }]);
    expect(reply.text).toBe('Attached Roll back a bad deploy to INC-7; its checklist follows in the channel.');
    expect(runbookAttachedReply('A <!channel> & B', 'INC-7', en).text).toContain('A &lt;!channel&gt; &amp; B');
  });

  it.each([['English', en], ['Korean', ko]] as const)('shows `*`, `_`, `~` and backticks in the title as written (%s)', (_language, texts) => {
    const reply = runbookAttachedReply(MARKUP, 'INC-7', texts);
    expectShownAsWritten(reply.blocks, MARKUP, { bold: true });
    expectMessageLimits(reply);
    expectMessageLimits(runbookAttachedReply(MARKUP.repeat(200), 'INC-7', texts));
    if (texts === ko) {
      expect(visibleText(reply)).toBe(`${MARKUP} 런북을 INC-7에 붙였습니다. 체크리스트가 곧 채널에 올라갑니다.`);
      expect(englishLeftIn(JSON.stringify(reply), en)).toEqual([]);
    }
  });
});
