/** Longest link the bot keeps; past it a URL is more likely junk than a page. */
export const MAX_LINK_LENGTH = 2000;

/**
 * The text as an absolute http(s) URL in its normal form, or null: anything else (`javascript:`,
 * a relative path, a mangled string) is dropped rather than shown as a link. The normal form has
 * no space, `<` or `>`, and a `|` is percent-encoded (the same URL), so none can end a Slack link.
 */
export function httpUrl(text: string | undefined | null): string | null {
  const trimmed = text?.trim();
  if (!trimmed || trimmed.length > MAX_LINK_LENGTH || !URL.canParse(trimmed)) return null;
  const url = new URL(trimmed);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const href = url.href.replace(/\|/g, '%7C');
  return href.length > MAX_LINK_LENGTH ? null : href;
}
