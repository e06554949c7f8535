// Slack mrkdwn → HTML. Every piece of text is HTML-escaped before any markup is added.

const EMOJI = {
  alarm_clock: '⏰', arrows_counterclockwise: '🔄', bust_in_silhouette: '👤', construction: '🚧', dart: '🎯', eyes: '👀',
  large_orange_circle: '🟠', large_yellow_circle: '🟡', leftwards_arrow_with_hook: '↩️', mag: '🔍', memo: '📝',
  page_facing_up: '📄', pushpin: '📌', red_circle: '🔴', rotating_light: '🚨', warning: '⚠️', white_check_mark: '✅',
  white_large_square: '⬜', fast_forward: '⏩', bar_chart: '📊',
  zzz: '💤', fire: '🔥', x: '❌', bell: '🔔', hourglass: '⌛', wrench: '🔧', large_green_circle: '🟢', calendar: '📅', link: '🔗',
};

export function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Slack escapes only &, < and >; undo that before escaping for HTML. */
function unslack(text) {
  return String(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function emojify(html) {
  return html.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);
}

/** Plain text as HTML (plain_text objects): escaped, emoji shortcodes shown. */
export function plainHtml(text) {
  return emojify(escapeHtml(text ?? ''));
}

const ORDINAL = (n) => n + (['th', 'st', 'nd', 'rd'][((n % 100) - 20) % 10] || ['th', 'st', 'nd', 'rd'][n % 100] || 'th');

function parts(date, tz) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', hour: 'numeric', minute: '2-digit', second: '2-digit', hour12: true,
  });
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  const num = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  return { ...p, num };
}

function dayDiff(a, b, tz) {
  const day = (d) => Date.parse(`${parts(d, tz).num}T00:00:00Z`);
  return Math.round((day(a) - day(b)) / 86_400_000);
}

/** `<!date^unix^format|fallback>` in the viewer's zone, as Slack renders it. */
export function formatSlackDate(unix, format, ctx) {
  const date = new Date(unix * 1000);
  const tz = ctx.tz || 'UTC';
  const p = parts(date, tz);
  const shortMonth = p.month.slice(0, 3);
  const relative = () => {
    const diff = dayDiff(date, ctx.now ? new Date(ctx.now) : new Date(), tz);
    return diff === 0 ? 'Today' : diff === -1 ? 'Yesterday' : diff === 1 ? 'Tomorrow' : null;
  };
  const tokens = {
    date_num: p.num,
    date: `${p.month} ${ORDINAL(Number(p.day))}, ${p.year}`,
    date_short: `${shortMonth} ${p.day}, ${p.year}`,
    date_long: `${p.weekday}, ${p.month} ${ORDINAL(Number(p.day))}, ${p.year}`,
    date_pretty: relative() ?? `${p.month} ${ORDINAL(Number(p.day))}, ${p.year}`,
    date_short_pretty: relative() ?? `${shortMonth} ${p.day}, ${p.year}`,
    date_long_pretty: relative() ?? `${p.weekday}, ${p.month} ${ORDINAL(Number(p.day))}, ${p.year}`,
    time: `${p.hour}:${p.minute} ${p.dayPeriod}`,
    time_secs: `${p.hour}:${p.minute}:${p.second} ${p.dayPeriod}`,
  };
  return format.replace(/\{(\w+)\}/g, (whole, name) => tokens[name] ?? whole);
}

function renderToken(body, ctx) {
  const [target, label] = splitOnce(body, '|');
  if (target.startsWith('@')) {
    const user = ctx.users?.find((u) => u.id === target.slice(1));
    const name = user ? user.realName : label ? unslack(label) : target.slice(1);
    return `<span class="mention" data-user="${escapeHtml(target.slice(1))}">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith('#')) {
    const channel = ctx.channels?.find((c) => c.id === target.slice(1));
    const name = channel ? channel.name : label ? unslack(label) : target.slice(1);
    return `<a class="channel-mention" href="#" data-channel="${escapeHtml(target.slice(1))}">#${escapeHtml(name)}</a>`;
  }
  if (target.startsWith('!date^')) {
    const [, unix, format = '{date_short} {time}', link] = target.split('^');
    const seconds = Number(unix);
    const text = Number.isFinite(seconds) ? formatSlackDate(seconds, unslack(format), ctx) : unslack(label ?? '');
    const html = `<time class="slack-date" datetime="${new Date(seconds * 1000).toISOString()}" title="${escapeHtml(unslack(label ?? ''))}">${escapeHtml(text)}</time>`;
    return link && /^https?:/.test(link) ? `<a href="${escapeHtml(unslack(link))}" target="_blank" rel="noopener">${html}</a>` : html;
  }
  if (target.startsWith('!subteam^')) return `<span class="mention">@${escapeHtml(unslack(label ?? 'group'))}</span>`;
  if (target.startsWith('!')) return `<span class="mention">@${escapeHtml(unslack(label ?? target.slice(1)))}</span>`;
  const url = unslack(target);
  if (/^(https?:|mailto:)/i.test(url)) {
    return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label ? unslack(label) : url)}</a>`;
  }
  return escapeHtml(unslack(`<${body}>`));
}

function splitOnce(text, sep) {
  const i = text.indexOf(sep);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

/** mrkdwn → safe HTML: tokens and code become placeholders, the rest is escaped, then formatted. */
// Placeholders for held-back HTML use U+E000 (private use), which user text cannot produce here: it is stripped first.
const MARK = '\ue000';
const MARKS = /\ue000/g;
const HELD = /\ue000(\d+)\ue000/g;

export function mrkdwnToHtml(text, ctx = {}) {
  const held = [];
  const hold = (html) => `${MARK}${held.push(html) - 1}${MARK}`;
  let out = String(text ?? '').replace(MARKS, '');
  out = out.replace(/```([\s\S]*?)```/g, (_, code) => hold(`<pre class="code-block">${escapeHtml(unslack(code.replace(/^\n/, '')))}</pre>`));
  out = out.replace(/`([^`\n]+)`/g, (_, code) => hold(`<code>${escapeHtml(unslack(code))}</code>`));
  out = out.replace(/<([^<>\n]+)>/g, (_, body) => hold(renderToken(body, ctx)));
  out = escapeHtml(unslack(out));
  out = out.replace(/(^|[\s(>;~_])\*(?!\s)([^*\n]+?)\*(?=$|[\s).,!?:;<~_])/gm, '$1<b>$2</b>');
  out = out.replace(/(^|[\s(>;*~])_(?!\s)([^_\n]+?)_(?=$|[\s).,!?:;<*~])/gm, '$1<i>$2</i>');
  out = out.replace(/(^|[\s(>;*_])~(?!\s)([^~\n]+?)~(?=$|[\s).,!?:;<*_])/gm, '$1<s>$2</s>');
  out = emojify(out);
  const lines = out.split('\n');
  const html = [];
  let quote = [];
  const flush = () => {
    if (quote.length) html.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of lines) {
    const m = /^&gt;\s?(.*)$/.exec(line);
    if (m) quote.push(m[1]);
    else {
      flush();
      html.push(line);
    }
  }
  flush();
  return html.join('<br>').replace(/<\/blockquote><br>/g, '</blockquote>').replace(HELD, (_, i) => held[Number(i)]);
}
