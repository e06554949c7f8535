import type { Texts } from '../../domain/texts/index.js';
import type { BlockMessage } from './message.js';
import { clip, escapeMrkdwn, LIMITS } from './mrkdwn.js';
import { richSentence, richText } from './rich-text.js';

/**
 * The reply to `/incident runbook <id>`: the runbook's title bold in the catalog's sentence, as
 * rich text, so a `*`, `_`, `~` or backtick in the title shows as written.
 */
export function runbookAttachedReply(title: string, ref: string, texts: Texts): BlockMessage {
  const said = texts.commandReplies.runbookAttached;
  const sentence = richSentence(said, richText(clip(title, 300), { bold: true }), richText(ref));
  return {
    text: clip(said(escapeMrkdwn(title), ref), LIMITS.fallbackText),
    blocks: [{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: sentence }] }],
  };
}
