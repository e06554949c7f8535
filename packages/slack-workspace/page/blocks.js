// Block Kit → HTML for messages and modals. Unknown blocks and elements show an explicit placeholder.
import { escapeHtml as esc, formatSlackDate, mrkdwnToHtml, plainHtml } from './mrkdwn.js';

export function textHtml(obj, ctx) {
  if (!obj) return '';
  if (typeof obj === 'string') return mrkdwnToHtml(obj, ctx);
  return obj.type === 'mrkdwn' ? mrkdwnToHtml(obj.text, ctx) : plainHtml(obj.text);
}

const unsupported = (kind, type) => `<div class="unsupported" data-unsupported="${esc(type)}">unsupported ${kind}: ${esc(type)}</div>`;

function optionsOf(el) {
  return [...(el.options ?? []), ...(el.option_groups ?? []).flatMap((g) => g.options ?? [])];
}

function dataAttrs(el, blockId) {
  return `data-action-id="${esc(el.action_id ?? '')}" data-block-id="${esc(blockId ?? '')}"`;
}

function optionTags(el, selected) {
  return optionsOf(el)
    .map((o) => `<option value="${esc(o.value)}"${selected.includes(o.value) ? ' selected' : ''}>${esc(o.text?.text ?? o.value)}</option>`)
    .join('');
}

function userOptions(ctx, selected) {
  return (ctx.users ?? [])
    .filter((u) => !u.isBot)
    .map((u) => `<option value="${esc(u.id)}"${selected.includes(u.id) ? ' selected' : ''}>${esc(u.realName)} (@${esc(u.name)})</option>`)
    .join('');
}

/**
 * A select whose options the app serves: a search field (the page asks the workspace, which sends
 * the app Slack's block_suggestion as the person types) and the options it answered to pick from.
 */
function externalSelectHtml(el, attrs, role, placeholder) {
  const min = Number.isInteger(el.min_query_length) ? el.min_query_length : 3;
  const initial = el.initial_option ? `<option value="${esc(el.initial_option.value)}" selected>${esc(el.initial_option.text?.text ?? el.initial_option.value)}</option>` : '';
  return `<div class="bk-external">
    <input type="search" class="bk-input bk-external-query" data-external-query ${attrs} data-min-query-length="${min}" placeholder="${placeholder}" aria-label="${placeholder}" autocomplete="off">
    <select class="bk-select" ${attrs} ${role} data-type="external_select" aria-label="${placeholder}"><option value="">Choose from the results</option>${initial}</select>
    <div class="bk-external-status" aria-live="polite"></div></div>`;
}

/** An interactive or display element; `interactive` elements in messages send block_actions when used. */
export function elementHtml(el, blockId, ctx, surface) {
  const attrs = dataAttrs(el, blockId);
  // In a modal, inputs are read on submit; a button in its actions blocks sends block_actions at once.
  const role = surface === 'modal-actions' ? 'data-view-action' : surface === 'modal' ? 'data-input' : 'data-interactive';
  const placeholder = el.placeholder?.text ? esc(el.placeholder.text) : 'Select an item';
  switch (el.type) {
    case 'button': {
      const confirm = el.confirm ? ` data-confirm="${esc(JSON.stringify(el.confirm))}"` : '';
      const url = el.url && /^https?:/.test(el.url) ? ` data-url="${esc(el.url)}"` : '';
      return `<button type="button" class="bk-button ${esc(el.style ?? '')}" ${attrs} ${role} data-type="button" data-value="${esc(el.value ?? '')}"${confirm}${url}>${plainHtml(el.text?.text)}</button>`;
    }
    case 'overflow':
      return `<select class="bk-overflow" ${attrs} ${role} data-type="overflow" aria-label="More actions"><option value="">⋯</option>${optionTags(el, [])}</select>`;
    case 'external_select':
      if (surface === 'modal') return externalSelectHtml(el, attrs, role, placeholder);
      return `<select class="bk-select" ${attrs} ${role} data-type="${el.type}"><option value="">${placeholder}</option>${optionTags(el, el.initial_option ? [el.initial_option.value] : [])}</select>`;
    case 'static_select':
      return `<select class="bk-select" ${attrs} ${role} data-type="${el.type}"><option value="">${placeholder}</option>${optionTags(el, el.initial_option ? [el.initial_option.value] : [])}</select>`;
    case 'multi_static_select':
      return `<select multiple class="bk-select" ${attrs} ${role} data-type="${el.type}">${optionTags(el, (el.initial_options ?? []).map((o) => o.value))}</select>`;
    case 'users_select':
      return `<select class="bk-select" ${attrs} ${role} data-type="users_select"><option value="">${placeholder}</option>${userOptions(ctx, el.initial_user ? [el.initial_user] : [])}</select>`;
    case 'multi_users_select':
      return `<select multiple class="bk-select" ${attrs} ${role} data-type="${el.type}">${userOptions(ctx, el.initial_users ?? [])}</select>`;
    case 'plain_text_input': {
      const common = `${attrs} ${role} data-type="plain_text_input" placeholder="${el.placeholder?.text ? esc(el.placeholder.text) : ''}"${el.max_length ? ` maxlength="${Number(el.max_length)}"` : ''}`;
      return el.multiline
        ? `<textarea class="bk-input" rows="3" ${common}>${esc(el.initial_value ?? '')}</textarea>`
        : `<input class="bk-input" type="text" ${common} value="${esc(el.initial_value ?? '')}">`;
    }
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input': {
      const type = { number_input: 'number', email_text_input: 'email', url_text_input: 'url' }[el.type];
      return `<input class="bk-input" type="${type}" ${attrs} ${role} data-type="${el.type}" value="${esc(el.initial_value ?? '')}">`;
    }
    case 'radio_buttons':
    case 'checkboxes': {
      const kind = el.type === 'radio_buttons' ? 'radio' : 'checkbox';
      const chosen = el.type === 'radio_buttons' ? [el.initial_option?.value] : (el.initial_options ?? []).map((o) => o.value);
      const name = `${blockId}/${el.action_id}`;
      const items = optionsOf(el).map((o) => `<label class="bk-choice"><input type="${kind}" name="${esc(name)}" value="${esc(o.value)}"${chosen.includes(o.value) ? ' checked' : ''}> ${textHtml(o.text, ctx)}${o.description ? `<span class="bk-hint">${textHtml(o.description, ctx)}</span>` : ''}</label>`);
      return `<div class="bk-choices" ${attrs} ${role} data-type="${el.type}">${items.join('')}</div>`;
    }
    case 'datepicker':
      return `<input class="bk-input" type="date" ${attrs} ${role} data-type="datepicker" value="${esc(el.initial_date ?? '')}">`;
    case 'timepicker':
      return `<input class="bk-input" type="time" ${attrs} ${role} data-type="timepicker" value="${esc(el.initial_time ?? '')}">`;
    case 'datetimepicker': {
      const initial = el.initial_date_time ? localDateTime(el.initial_date_time, ctx.tz) : '';
      return `<input class="bk-input" type="datetime-local" ${attrs} ${role} data-type="datetimepicker" data-tz="${esc(ctx.tz ?? 'UTC')}" value="${esc(initial)}">`;
    }
    case 'image':
      return `<span class="bk-image" title="${esc(el.alt_text ?? '')}">🖼 ${esc(el.alt_text ?? 'image')}</span>`;
    default:
      return unsupported('element', el.type);
  }
}

/** `YYYY-MM-DDTHH:mm` of a unix time in a zone, for datetime-local inputs. */
export function localDateTime(unix, tz) {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: tz || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const p = Object.fromEntries(f.formatToParts(new Date(unix * 1000)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The unix time of a wall-clock `YYYY-MM-DDTHH:mm` in a zone. */
export function unixFromLocal(local, tz) {
  const asUtc = Date.parse(`${local}:00Z`);
  let guess = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const shown = Date.parse(`${localDateTime(guess / 1000, tz)}:00Z`);
    guess += asUtc - shown;
  }
  return Math.floor(guess / 1000);
}

function blockHtml(block, ctx, surface, errors) {
  const id = block.block_id ?? '';
  switch (block.type) {
    case 'header':
      return `<div class="bk-header">${plainHtml(block.text?.text)}</div>`;
    case 'section': {
      const text = block.text ? `<div class="bk-text">${textHtml(block.text, ctx)}</div>` : '';
      const fields = block.fields?.length ? `<div class="bk-fields">${block.fields.map((f) => `<div class="bk-field">${textHtml(f, ctx)}</div>`).join('')}</div>` : '';
      const accessory = block.accessory ? `<div class="bk-accessory">${elementHtml(block.accessory, id, ctx, surface === 'modal' ? 'message' : surface)}</div>` : '';
      return `<div class="bk-section"><div class="bk-section-body">${text}${fields}</div>${accessory}</div>`;
    }
    case 'context':
      return `<div class="bk-context">${(block.elements ?? []).map((e) => (e.type === 'image' ? elementHtml(e, id, ctx, surface) : `<span>${textHtml(e, ctx)}</span>`)).join(' ')}</div>`;
    case 'divider':
      return '<hr class="bk-divider">';
    case 'actions':
      return `<div class="bk-actions">${(block.elements ?? []).map((e) => elementHtml(e, id, ctx, surface === 'modal' ? 'modal-actions' : surface)).join('')}</div>`;
    case 'image':
      return `<div class="bk-image-block">${block.title ? `<div>${plainHtml(block.title.text)}</div>` : ''}<span class="bk-image" title="${esc(block.image_url ?? '')}">🖼 ${esc(block.alt_text ?? 'image')}</span></div>`;
    case 'rich_text':
      return `<div class="bk-text">${richTextHtml(block, ctx)}</div>`;
    case 'input': {
      const error = errors?.[id];
      const optional = block.optional ? ' <span class="bk-optional">(optional)</span>' : '';
      return `<div class="bk-input-block${error ? ' has-error' : ''}" data-input-block="${esc(id)}" data-optional="${block.optional ? 'true' : 'false'}">
        <label class="bk-label">${plainHtml(block.label?.text)}${optional}</label>
        ${elementHtml(block.element ?? {}, id, ctx, 'modal')}
        ${block.hint ? `<div class="bk-hint">${plainHtml(block.hint.text)}</div>` : ''}
        <div class="bk-error" data-error-for="${esc(id)}">${error ? esc(error) : ''}</div></div>`;
    }
    default:
      return unsupported('block', block.type);
  }
}

/**
 * Rich text as Slack shows it: each text in its own style, read literally (no mrkdwn in it), line
 * breaks kept; emoji, mentions by name, dates in the viewer's zone, and http(s) links.
 */
function richTextHtml(node, ctx) {
  const leaf = richLeafHtml(node, ctx);
  if (leaf === null) {
    const inner = (el) => (Array.isArray(el?.elements) ? el.elements.map((e) => richTextHtml(e, ctx)).join('') : '');
    switch (node?.type) {
      case 'rich_text_quote':
        return `<blockquote>${inner(node)}</blockquote>`;
      case 'rich_text_preformatted':
        return `<pre class="code-block">${inner(node)}</pre>`;
      case 'rich_text_list': {
        const tag = node.style === 'ordered' ? 'ol' : 'ul';
        return `<${tag} class="bk-rich-list">${(node.elements ?? []).map((e) => `<li>${inner(e)}</li>`).join('')}</${tag}>`;
      }
      default:
        return inner(node);
    }
  }
  const style = node.style ?? {};
  let html = leaf;
  if (style.code) html = `<code>${html}</code>`;
  if (style.bold) html = `<b>${html}</b>`;
  if (style.italic) html = `<i>${html}</i>`;
  if (style.strike) html = `<s>${html}</s>`;
  return html;
}

/** One leaf as HTML, or null for a container. */
function richLeafHtml(node, ctx) {
  switch (node?.type) {
    case 'text':
      return esc(node.text).replace(/\n/g, '<br>');
    case 'emoji':
      return plainHtml(`:${node.name}:`);
    case 'channel': {
      const channel = ctx?.channels?.find((c) => c.id === node.channel_id);
      return `<a class="channel-mention" href="#" data-channel="${esc(node.channel_id)}">#${esc(channel ? channel.name : node.channel_id)}</a>`;
    }
    case 'user': {
      const user = ctx?.users?.find((u) => u.id === node.user_id);
      return `<span class="mention" data-user="${esc(node.user_id)}">@${esc(user ? user.realName : node.user_id)}</span>`;
    }
    case 'date': {
      const seconds = Number(node.timestamp);
      if (!Number.isFinite(seconds)) return esc(node.fallback ?? '');
      const text = formatSlackDate(seconds, node.format ?? '', ctx ?? {});
      return `<time class="slack-date" datetime="${new Date(seconds * 1000).toISOString()}" title="${esc(node.fallback ?? '')}">${esc(text)}</time>`;
    }
    case 'link': {
      const label = esc(node.text || node.url || '');
      return /^https?:/i.test(node.url ?? '') ? `<a href="${esc(node.url)}" target="_blank" rel="noopener noreferrer">${label}</a>` : label;
    }
    default:
      return null;
  }
}

/** Blocks → HTML. `surface` is 'message' or 'modal'; `errors` are a modal's field errors by block_id. */
export function renderBlocks(blocks, ctx, surface = 'message', errors = null) {
  return (blocks ?? []).map((b) => `<div class="bk-block" data-block-type="${esc(b.type)}">${blockHtml(b, ctx, surface, errors)}</div>`).join('');
}
