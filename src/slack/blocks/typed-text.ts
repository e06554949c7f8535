import type { KnownBlock, RichTextBlock, RichTextElement, RichTextText } from '@slack/types';
import type { Texts } from '../../domain/texts/index.js';
import { context } from './elements.js';
import type { BlockMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * What the person typed, as a code block Slack shows exactly: a preformatted rich-text element
 * holds plain text, so no `&`, `<`, `>` or backtick in it is read as formatting, and what is
 * copied from it is what was typed.
 */
export function typedTextBlock(typed: string): RichTextBlock {
  return { type: 'rich_text', elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text: typed }] }] };
}

/**
 * One line of user text in a style (bold, struck through), after `before` (an emoji): shown and
 * copied exactly as written. Mrkdwn has no escape, so a `*`, `_`, `~` or backtick in the text
 * would end a `*bold*` early, and an invisible character put in to stop it would be copied with
 * the text; a styled rich-text element reads nothing in its text as formatting.
 */
export function styledTextBlock(text: string, style: NonNullable<RichTextText['style']>, before: RichTextElement[] = []): RichTextBlock {
  // Slack refuses an empty text element.
  const styled: RichTextText = { type: 'text', text: text || ' ', style };
  return { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [...before, styled] }] };
}

/**
 * The same text inside a mrkdwn code fence, for the notification fallback: escaped, and a
 * zero-width space after every backtick so a run of them in the text cannot close the fence.
 */
export function typedTextFence(typed: string): string {
  return `\`\`\`${escapeMrkdwn(typed).replace(/`/g, `\`${ZERO_WIDTH_SPACE}`)}\`\`\``;
}

/** A refusal that gives the typed text back below its reason, ready to copy, then `more` (buttons). */
export function withTypedText(message: BlockMessage, typed: string, texts: Texts, more: KnownBlock[] = []): BlockMessage {
  return {
    text: `${message.text}\n${texts.replies.typedToCopy}\n${typedTextFence(typed)}`,
    blocks: [...message.blocks, context(texts.replies.typedToCopyNothingSaved), typedTextBlock(typed), ...more],
  };
}
