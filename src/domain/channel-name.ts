const MAX_CHANNEL_NAME = 80;

/**
 * Slack channel names: at most 80 characters of lowercase letters, digits, `-` and `_`.
 * `inc-42-checkout-api-errors`. Accents are stripped (`café` → `cafe`); letters Slack would
 * reject in some workspaces (Hangul, emoji, punctuation) become separators, so a title with no
 * Latin letters leaves just `inc-42`.
 */
export function channelNameFor(incidentId: number, title: string, suffix?: number): string {
  const prefix = `inc-${incidentId}`;
  const tail = suffix === undefined ? '' : `-${suffix}`;
  const slug = slugify(title);
  const room = MAX_CHANNEL_NAME - prefix.length - tail.length - 1;
  const clipped = [...slug].slice(0, Math.max(0, room)).join('').replace(/-+$/u, '');
  return clipped ? `${prefix}-${clipped}${tail}` : `${prefix}${tail}`;
}

function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}
