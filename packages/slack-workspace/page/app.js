// The local workspace page: a Slack client reduced to what the bot needs.
import { renderBlocks } from './blocks.js';
import { setupComposer } from './composer.js';
import { escapeHtml as esc, mrkdwnToHtml } from './mrkdwn.js';
import { collectValues, modalHtml, showErrors } from './modal.js';

const $ = (sel) => document.querySelector(sel);
const params = new URLSearchParams(location.search);
const ui = {
  me: params.get('user') || localStorage.getItem('sandbox.user') || '',
  channelId: null,
  wantChannel: params.get('channel'),
  thread: null,
  showPins: false,
  /** The app's Home tab is shown instead of a channel. */
  home: false,
  notices: [],
  state: null,
  fetchedAt: 0,
  modalKey: '',
  clientErrors: {},
  /** The message whose reaction picker or "More actions" menu is open: { ts, menu: 'react' | 'more' }. */
  menu: null,
  /** The message being edited: its ts, and the text typed so far (kept across re-renders). */
  editing: null,
  editText: '',
};

/** The reactions the picker offers, and how a few common names look. */
const EMOJI = { pushpin: '📌', eyes: '👀', white_check_mark: '✅', '+1': '👍', heavy_plus_sign: '➕', fire: '🔥' };
const PICKER = ['pushpin', 'eyes', 'white_check_mark', '+1'];
const emojiGlyph = (name) => EMOJI[name] ?? `:${name}:`;

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

const me = () => ui.state?.users.find((u) => u.id === ui.state.me);
const speed = () => ui.state?.drillSpeed ?? 1;
const virtualNow = () => new Date(Date.parse(ui.state.now) + (performance.now() - ui.fetchedAt) * speed());
const ctx = () => ({ users: ui.state.users, channels: ui.state.channels, tz: me()?.tz ?? 'UTC', now: virtualNow().toISOString() });

let loading = null;
let again = false;
export async function refresh() {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    do {
      again = false;
      const response = await fetch(`/sandbox/state?user=${encodeURIComponent(ui.me)}`);
      ui.state = await response.json();
      ui.fetchedAt = performance.now();
      document.title = `${ui.state.app.name} · local workspace`;
      ui.me = ui.state.me;
      render();
    } while (again);
  })().finally(() => (loading = null));
  return loading;
}

function notice(channelId, text) {
  ui.notices.push({ channelId, ts: String(virtualNow().getTime() / 1000), text });
  render();
}

function timeOf(ts) {
  return new Intl.DateTimeFormat('en-US', { timeZone: me()?.tz ?? 'UTC', hour: 'numeric', minute: '2-digit' }).format(new Date(Number(ts) * 1000));
}

function userName(id) {
  const user = ui.state.users.find((u) => u.id === id);
  return user ? user.realName : id;
}

const IMAGE_FILE = /\.(png|jpe?g|gif)$/i;

function messageHtml(m, kind = 'message') {
  const c = ctx();
  const body = m.blocks?.length ? renderBlocks(m.blocks, c) : `<div class="bk-text">${mrkdwnToHtml(m.text, c)}</div>`;
  const files = (m.files ?? []).map((id) => {
    const f = ui.state.files.find((x) => x.id === id);
    if (!f) return '';
    const head = `<span>📄 ${esc(f.title)}</span> <span class="file-size">${f.length} bytes</span> <a class="file-download" href="/sandbox/files/${esc(f.id)}" download="${esc(f.name)}">Download</a>`;
    // Slack previews an image inline under its name.
    return IMAGE_FILE.test(f.name) && f.ready
      ? `<div class="file image"><div class="file-head">${head}</div><img class="file-image" src="/sandbox/files/${esc(f.id)}" alt="${esc(f.title)}"></div>`
      : `<div class="file">${head}</div>`;
  });
  const author = kind === 'notice' ? 'Slackbot' : m.isBot || kind === 'ephemeral' ? ui.state.app.name : userName(m.user);
  const app = kind !== 'notice' && (m.isBot || kind === 'ephemeral') ? '<span class="app-badge">APP</span>' : '';
  const thread = m.replyCount > 0 ? `<a href="#" class="thread-link" data-thread="${esc(m.ts)}">${m.replyCount} ${m.replyCount === 1 ? 'reply' : 'replies'}</a>` : '';
  const editing = kind === 'message' && ui.editing === m.ts;
  const shown = editing
    ? `<div class="edit-box"><textarea class="edit-text">${esc(ui.editText)}</textarea><button type="button" class="bk-button" data-edit="cancel">Cancel</button><button type="button" class="bk-button primary" data-edit="save">Save</button></div>`
    : body;
  return `<div class="message ${kind}${m.pinned ? ' pinned' : ''}" data-ts="${esc(m.ts)}" data-channel="${esc(m.channel ?? m.channelId)}" data-kind="${kind}">
    ${m.pinned ? '<div class="pin-label">📌 Pinned</div>' : ''}
    <div class="msg-head"><span class="author">${esc(author)}</span>${app}<span class="msg-time">${timeOf(m.ts)}</span>${m.edited ? '<span class="edited">(edited)</span>' : ''}</div>
    <div class="msg-body">${shown}</div>${files.join('')}${kind === 'message' ? reactionsHtml(m) : ''}${thread}
    ${kind === 'message' ? messageActionsHtml(m) : '<div class="ephemeral-label">👁 Only visible to you</div>'}</div>`;
}

function reactionsHtml(m) {
  if (!m.reactions?.length) return '';
  const pills = m.reactions.map((r) => {
    const mine = r.users.includes(ui.me);
    const who = r.users.map(userName).join(', ');
    return `<button type="button" class="reaction${mine ? ' mine' : ''}" data-reaction="${esc(r.name)}" data-mine="${mine}" title="${esc(who)} reacted with :${esc(r.name)}:">${emojiGlyph(r.name)} <span class="count">${r.count}</span></button>`;
  });
  return `<div class="reactions">${pills.join('')}</div>`;
}

/** Slack's hover bar: add a reaction, and "More actions" (the app's message shortcuts; edit and delete for your own). */
function messageActionsHtml(m) {
  const open = ui.menu?.ts === m.ts ? ui.menu.menu : null;
  const picker = open === 'react'
    ? `<div class="menu picker">${PICKER.map((n) => `<button type="button" data-pick="${esc(n)}" title=":${esc(n)}:">${emojiGlyph(n)}</button>`).join('')}</div>`
    : '';
  const own = m.user === ui.me && !m.isBot;
  const items = [
    ...(ui.state.app.messageShortcuts ?? []).map((s) => `<button type="button" data-shortcut="${esc(s.callbackId)}">${esc(s.name)}</button>`),
    ...(own ? ['<button type="button" data-edit="start">Edit message</button>', '<button type="button" class="danger" data-delete>Delete message…</button>'] : []),
  ];
  const more = open === 'more' ? `<div class="menu more">${items.length ? items.join('') : '<span class="empty">No actions</span>'}</div>` : '';
  return `<div class="msg-actions${open ? ' open' : ''}"><button type="button" data-menu="react" title="Add reaction" aria-label="Add reaction">☺︎+</button><button type="button" data-menu="more" title="More actions" aria-label="More actions">⋮</button>${picker}${more}</div>`;
}

/** What a person does to a message from its hover bar, reactions or edit box. */
async function messageAction(t, message) {
  const where = { userId: ui.me, channelId: message.dataset.channel, ts: message.dataset.ts };
  const fail = (result) => {
    if (!result.ok) notice(where.channelId, result.message ?? result.error);
  };
  const menu = t.closest('[data-menu]');
  if (menu) {
    ui.menu = ui.menu?.ts === where.ts && ui.menu.menu === menu.dataset.menu ? null : { ts: where.ts, menu: menu.dataset.menu };
    return render();
  }
  ui.menu = null;
  const pick = t.closest('[data-pick]');
  const pill = t.closest('[data-reaction]');
  if (pick || pill) {
    const name = pick ? pick.dataset.pick : pill.dataset.reaction;
    const mine = (ui.state.messages[where.channelId] ?? []).find((m) => m.ts === where.ts)?.reactions.find((r) => r.name === name)?.users.includes(ui.me);
    render();
    return fail(await post('/sandbox/react', { ...where, name, on: !mine }));
  }
  const shortcut = t.closest('[data-shortcut]');
  if (shortcut) {
    render();
    return fail(await post('/sandbox/message-shortcut', { ...where, callbackId: shortcut.dataset.shortcut }));
  }
  const edit = t.closest('[data-edit]')?.dataset.edit;
  if (edit === 'start' || edit === 'cancel') {
    ui.editing = edit === 'start' ? where.ts : null;
    ui.editText = (ui.state.messages[where.channelId] ?? []).find((m) => m.ts === where.ts)?.text ?? '';
    return render();
  }
  if (edit === 'save') {
    const text = ui.editText;
    ui.editing = null;
    render();
    return fail(await post('/sandbox/edit', { ...where, text }));
  }
  if (t.closest('[data-delete]')) {
    render();
    const confirmed = await confirmDialog({
      title: { text: 'Delete message' }, text: { text: 'Are you sure you want to delete this message? This cannot be undone.' },
      confirm: { text: 'Delete' }, style: 'danger',
    });
    if (confirmed) fail(await post('/sandbox/delete', where));
  }
}

function render() {
  const s = ui.state;
  if (!ui.channelId || !s.channels.some((c) => c.id === ui.channelId)) {
    const wanted = s.channels.find((c) => c.id === ui.wantChannel || c.name === ui.wantChannel);
    ui.channelId = (wanted ?? s.channels.find((c) => c.name === s.app.homeChannel) ?? s.channels[0])?.id ?? null;
  }
  renderTopbar();
  renderSidebar();
  if (ui.home) renderHome();
  else renderChannel();
  renderThread();
  renderModal();
}

function renderTopbar() {
  const switcher = $('#user-switcher');
  const people = ui.state.users.filter((u) => !u.isBot);
  const options = people.map((u) => `<option value="${esc(u.id)}">${esc(u.realName)} · ${esc(u.tz)}</option>`).join('');
  if (switcher.dataset.options !== options) {
    switcher.innerHTML = options;
    switcher.dataset.options = options;
  }
  switcher.value = ui.state.me;
  const drill = $('#drill-speed');
  drill.disabled = ui.state.drillSpeed === null;
  if (![...drill.options].some((o) => Number(o.value) === speed())) drill.add(new Option(`${speed()}x`, String(speed())));
  if (document.activeElement !== drill) drill.value = String(speed());
  document.body.classList.toggle('drilling', speed() > 1);
  $('#drill-badge').hidden = speed() <= 1;
  tick();
}

function tick() {
  if (!ui.state) return;
  const tz = me()?.tz ?? 'UTC';
  const text = new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short', hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(virtualNow());
  $('#clock').textContent = `${text} · ${tz}${speed() > 1 ? ` · ${speed()}x` : ''}`;
}

function channelLabel(c) {
  return c.isIm ? `💬 ${ui.state.app.name}` : `# ${c.name}`;
}

function renderSidebar() {
  const list = (items) => items.map((c) => `<li><a href="#" class="channel-link${!ui.home && c.id === ui.channelId ? ' active' : ''}${c.isArchived ? ' archived' : ''}${c.isMember ? '' : ' not-member'}" data-channel-id="${esc(c.id)}" data-name="${esc(c.isIm ? 'im' : c.name)}">${esc(channelLabel(c))}</a></li>`).join('');
  const channels = ui.state.channels.filter((c) => !c.isIm).sort((a, b) => a.name.localeCompare(b.name));
  const ims = ui.state.channels.filter((c) => c.isIm);
  const home = `<h2>Apps</h2><ul><li><a href="#" class="home-link${ui.home ? ' active' : ''}" data-home>🏠 ${esc(ui.state.app.name)}</a></li></ul>`;
  $('#sidebar').innerHTML = `${home}<h2>Channels</h2><ul>${list(channels)}</ul>${ims.length ? `<h2>Direct messages</h2><ul>${list(ims)}</ul>` : ''}`;
}

function renderChannel() {
  const channel = ui.state.channels.find((c) => c.id === ui.channelId);
  if (!channel) return;
  $('#composer-wrap').hidden = false;
  const messages = ui.state.messages[channel.id] ?? [];
  const pinned = messages.filter((m) => m.pinned);
  $('#channel-header').innerHTML = `<div class="channel-title">${esc(channelLabel(channel))}${channel.isArchived ? ' <span class="archived-badge">archived</span>' : ''}</div>
    <div class="channel-topic">${mrkdwnToHtml(channel.topic, ctx())}</div>
    <span class="members">👥 ${channel.memberCount}</span>
    <button type="button" class="pins-toggle" data-pins>📌 ${pinned.length} pinned</button>`;
  const pins = $('#pins-panel');
  pins.hidden = !ui.showPins;
  pins.innerHTML = pinned.length ? pinned.map((m) => messageHtml(m)).join('') : '<p class="empty">Nothing is pinned yet.</p>';
  const ephemerals = ui.state.ephemerals.filter((e) => e.channelId === channel.id && !e.threadTs).map((e) => ({ ...e, kind: 'ephemeral' }));
  const notices = ui.notices.filter((n) => n.channelId === channel.id).map((n) => ({ ...n, kind: 'notice' }));
  const all = [...messages.map((m) => ({ ...m, kind: 'message' })), ...ephemerals, ...notices].sort((a, b) => Number(a.ts) - Number(b.ts));
  const box = $('#messages');
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  box.innerHTML = all.length ? all.map((m) => messageHtml(m, m.kind)).join('') : '<p class="empty">No messages yet.</p>';
  if (atBottom || box.dataset.channel !== channel.id) box.scrollTop = box.scrollHeight;
  box.dataset.channel = channel.id;
  $('#composer').placeholder = `Message ${channel.isIm ? ui.state.app.name : `#${channel.name}`} — try ${ui.state.slashCommand} help`;
}

/** The app's Home tab, as the app last published it for this person (views.publish). */
function renderHome() {
  $('#channel-header').innerHTML = `<div class="channel-title">🏠 ${esc(ui.state.app.name)} · Home</div>`;
  $('#pins-panel').hidden = true;
  const home = ui.state.home;
  $('#messages').innerHTML = home
    ? `<div class="home-view" data-view-id="${esc(home.id)}">${renderBlocks(home.blocks, ctx())}</div>`
    : '<p class="empty">The app has not published its Home tab yet.</p>';
  $('#messages').dataset.channel = '';
  $('#composer-wrap').hidden = true;
}

function renderThread() {
  const pane = $('#thread');
  const parent = ui.thread && (ui.state.messages[ui.thread.channelId] ?? []).find((m) => m.ts === ui.thread.ts);
  pane.hidden = !parent;
  if (!parent) return;
  pane.innerHTML = `<div class="thread-head">Thread <button type="button" data-close-thread aria-label="Close thread">×</button></div>
    ${messageHtml(parent)}<div class="thread-replies">${parent.replies.map((r) => messageHtml(r)).join('')}</div>`;
}

function renderModal() {
  const layer = $('#modal-layer');
  const stack = ui.state.views;
  const top = stack[stack.length - 1];
  layer.hidden = !top;
  if (!top) {
    ui.modalKey = '';
    layer.innerHTML = '';
    return;
  }
  const key = `${top.id}:${JSON.stringify(top.view)}`;
  if (key !== ui.modalKey) {
    ui.modalKey = key;
    ui.clientErrors = {};
    layer.innerHTML = modalHtml(top, ctx(), stack.length);
  }
  showErrors(layer.querySelector('.modal'), { ...(top.errors ?? {}), ...ui.clientErrors });
}

async function act(el) {
  if (el.closest('.home-view')) {
    const result = await post('/sandbox/home/action', { userId: ui.me, actionId: el.dataset.actionId });
    if (!result.ok) window.alert(result.message ?? result.error);
    return;
  }
  const message = el.closest('.message');
  if (!message) return;
  const body = { userId: ui.me, channelId: message.dataset.channel, messageTs: message.dataset.ts, actionId: el.dataset.actionId, blockId: el.dataset.blockId };
  // A button's value is read from the message by the workspace, never sent from here.
  if (el.dataset.type !== 'button') {
    if (!el.value) return;
    body.selectedOption = el.value;
  }
  if (el.dataset.confirm && !(await confirmDialog(JSON.parse(el.dataset.confirm)))) return;
  const result = await post('/sandbox/action', body);
  if (!result.ok) notice(message.dataset.channel, result.message ?? result.error);
}

function confirmDialog(confirm) {
  return new Promise((resolve) => {
    const layer = $('#confirm-layer');
    const c = ctx();
    layer.innerHTML = `<div class="modal confirm"><div class="modal-title"><span>${esc(confirm.title?.text ?? 'Are you sure?')}</span></div>
      <div class="modal-body">${mrkdwnToHtml(confirm.text?.text ?? '', c)}</div>
      <div class="modal-footer"><button type="button" class="bk-button" data-answer="no">${esc(confirm.deny?.text ?? 'Cancel')}</button>
      <button type="button" class="bk-button ${confirm.style === 'danger' ? 'danger' : 'primary'}" data-answer="yes">${esc(confirm.confirm?.text ?? 'Yes')}</button></div></div>`;
    layer.hidden = false;
    layer.onclick = (event) => {
      const answer = event.target.closest('[data-answer]')?.dataset.answer;
      if (!answer) return;
      layer.hidden = true;
      layer.innerHTML = '';
      resolve(answer === 'yes');
    };
  });
}

/** A button in the modal: block_actions with what has been entered so far; the app answers with views.update. */
async function viewAct(el) {
  const modal = el.closest('.modal');
  if (!modal) return;
  const { values } = collectValues(modal);
  const result = await post('/sandbox/view-action', { userId: ui.me, viewId: modal.dataset.viewId, actionId: el.dataset.actionId, values });
  if (!result.ok) showErrors(modal, { [modal.querySelector('[data-input-block]')?.dataset.inputBlock]: `We had some trouble connecting: ${result.message ?? result.error}` });
}

async function modalButton(kind) {
  const modal = $('#modal-layer .modal');
  if (!modal) return;
  if (kind === 'close') return void (await post('/sandbox/close', { userId: ui.me }));
  const { values, missing } = collectValues(modal);
  ui.clientErrors = missing;
  if (Object.keys(missing).length > 0) return showErrors(modal, missing);
  const result = await post('/sandbox/submit', { userId: ui.me, viewId: modal.dataset.viewId, values });
  if (!result.ok) showErrors(modal, { [modal.querySelector('[data-input-block]')?.dataset.inputBlock]: `We had some trouble connecting: ${result.message ?? result.error}` });
}

document.addEventListener('click', (event) => {
  const t = event.target;
  if (t.closest('[data-home]')) {
    event.preventDefault();
    ui.home = true;
    ui.thread = null;
    render();
    return void post('/sandbox/home/open', { userId: ui.me });
  }
  const link = t.closest('.channel-link, .channel-mention');
  if (link) {
    event.preventDefault();
    ui.home = false;
    ui.channelId = link.dataset.channelId ?? link.dataset.channel;
    ui.thread = null;
    return render();
  }
  const thread = t.closest('[data-thread]');
  if (thread) {
    event.preventDefault();
    ui.thread = { channelId: thread.closest('.message').dataset.channel, ts: thread.dataset.thread };
    return render();
  }
  if (t.closest('[data-close-thread]')) return void ((ui.thread = null), render());
  if (t.closest('[data-pins]')) return void ((ui.showPins = !ui.showPins), render());
  const ownMessage = t.closest('.message[data-kind="message"]');
  if (ownMessage && t.closest('.msg-actions, .reactions, .edit-box')) return void messageAction(t, ownMessage);
  const modalAction = t.closest('[data-modal]');
  if (modalAction) return void modalButton(modalAction.dataset.modal);
  const viewButton = t.closest('button[data-view-action]');
  if (viewButton) return void viewAct(viewButton);
  const button = t.closest('button[data-interactive]');
  if (button?.dataset.url) window.open(button.dataset.url, '_blank', 'noopener');
  if (button) void act(button);
});

/** Asks the app for an external select's options (block_suggestion, through the workspace) and shows them. */
const searches = new WeakMap();
async function suggest(field) {
  const modal = field.closest('.modal');
  const select = field.parentElement.querySelector('select[data-input]');
  const status = field.parentElement.querySelector('.bk-external-status');
  if (!modal || !select) return;
  const min = Number(field.dataset.minQueryLength);
  if (field.value.length < min) return void (status.textContent = `Type at least ${min} characters`);
  const asked = (searches.get(field) ?? 0) + 1;
  searches.set(field, asked);
  status.textContent = 'Searching…';
  const result = await post('/sandbox/suggest', { userId: ui.me, viewId: modal.dataset.viewId, actionId: field.dataset.actionId, value: field.value });
  if (searches.get(field) !== asked) return; // a later keystroke's answer wins
  if (!result.ok) return void (status.textContent = result.message ?? result.error);
  const chosen = select.value;
  const option = (o) => `<option value="${esc(o.value)}">${esc(o.text?.text ?? o.value)}</option>`;
  const groups = (result.option_groups ?? []).map((g) => `<optgroup label="${esc(g.label?.text ?? '')}">${g.options.map(option).join('')}</optgroup>`);
  const count = result.options.length + (result.option_groups ?? []).reduce((n, g) => n + g.options.length, 0);
  select.innerHTML = `<option value="">${count === 0 ? 'No results' : 'Choose from the results'}</option>${result.options.map(option).join('')}${groups.join('')}`;
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  status.textContent = count === 0 ? 'No results' : `${count} result${count === 1 ? '' : 's'}`;
}

const typing = new WeakMap();
document.addEventListener('focusin', (event) => {
  const field = event.target.closest?.('[data-external-query]');
  if (field && !searches.has(field)) void suggest(field);
});

document.addEventListener('input', (event) => {
  if (event.target.matches('.edit-text')) ui.editText = event.target.value;
  const field = event.target.closest('[data-external-query]');
  if (!field) return;
  clearTimeout(typing.get(field));
  typing.set(field, setTimeout(() => void suggest(field), 150));
});

document.addEventListener('change', (event) => {
  const el = event.target.closest('select[data-interactive]');
  if (el) void act(el);
});

$('#user-switcher').addEventListener('change', (event) => {
  ui.me = event.target.value;
  localStorage.setItem('sandbox.user', ui.me);
  params.set('user', ui.me);
  history.replaceState(null, '', `?${params}`);
  if (ui.home) void post('/sandbox/home/open', { userId: ui.me });
  void refresh();
});

$('#drill-speed').addEventListener('change', async (event) => {
  const result = await post('/sandbox/drill', { speed: Number(event.target.value) });
  if (!result.ok) notice(ui.channelId, result.message);
  await refresh();
});

setupComposer({
  element: $('#composer'),
  suggestions: $('#suggestions'),
  hints: () => ({ command: ui.state?.slashCommand ?? '', does: ui.state?.app.commandDescription ?? '', subcommands: ui.state?.commands ?? [] }),
  send: async (text) => {
    const channelId = ui.channelId;
    const result = await post('/sandbox/command', { userId: ui.me, channelId, text });
    if (!result.ok) notice(channelId, result.message ?? result.error);
  },
});

const events = new EventSource('/sandbox/events');
events.onmessage = () => void refresh();
setInterval(tick, 1000);
setInterval(() => void refresh(), 15_000);
await refresh();
// The renderers, for tests and for poking at Block Kit from the console.
window.sandboxRender = { renderBlocks, mrkdwnToHtml };
document.body.dataset.ready = 'true';
