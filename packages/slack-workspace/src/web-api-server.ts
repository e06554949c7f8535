import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readContent } from './api-chat.js';
import type { ApiContext, ApiMethod } from './api-types.js';
import type { FaultInjector, RateLimiter } from './faults.js';
import { bearerToken, parseParams, readBody, sendJson } from './http-io.js';
import { BOT_ID, BOT_USER_ID } from './seed.js';
import type { SocketModeHub } from './socket-mode.js';
import { ApiError, type CallLogEntry } from './types.js';

export interface ServerDeps {
  ctx: ApiContext;
  methods: Record<string, ApiMethod>;
  botToken: string;
  socketMode: SocketModeHub;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  timeoutMs: number;
  /** Sockets held open by `timeout` faults, so close() can drop them. */
  held: Set<() => void>;
}

function log(deps: ServerDeps, entry: Omit<CallLogEntry, 'at' | 'realMs'>): void {
  const { token: _token, ...params } = entry.params;
  deps.ctx.store.logCall({ ...entry, params, at: deps.ctx.store.clock.now().toISO() ?? '', realMs: deps.ctx.store.realClock.now().toMillis() });
  deps.ctx.store.emitChange({ kind: 'call' });
}

/** `/workspace/api/<method>`: auth, injected faults, rate limits, then the method itself. */
export async function serveApi(deps: ServerDeps, method: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const body = await readBody(req);
  let params: Record<string, unknown>;
  try {
    params = parseParams(req, body, url);
  } catch {
    return sendJson(res, 200, { ok: false, error: 'invalid_json' });
  }
  // The header only: a `token` field in the body or query is not read, as if it were absent.
  const token = bearerToken(req);
  const fail = (error: string, extra: Record<string, unknown> = {}, status = 200, fault?: string, headers?: Record<string, string>) => {
    log(deps, { method, params, outcome: 'error', error, fault });
    sendJson(res, status, { ok: false, error, ...extra }, headers);
  };
  if (!token) return fail('not_authed');
  if (method === 'apps.connections.open') {
    const opened = deps.socketMode.open(token, deps.ctx.publicUrl());
    if ('error' in opened) return fail(opened.error);
    log(deps, { method, params, outcome: 'ok' });
    return sendJson(res, 200, { ok: true, ...opened });
  }
  if (deps.socketMode.isAppToken(token)) return fail('not_allowed_token_type');
  if (!tokenMatches(token, deps.botToken)) return fail('invalid_auth');
  const impl = deps.methods[method];
  if (!impl) return fail('unknown_method');

  const fault = deps.faults.decide(method);
  if (fault?.kind === '500') {
    log(deps, { method, params, outcome: 'error', error: 'internal_error', fault: '500' });
    res.writeHead(500, { 'content-type': 'text/plain' });
    return void res.end('Internal Server Error');
  }
  const retryAfter = fault?.kind === '429' ? fault.retryAfterSeconds : deps.rateLimiter.check(method, params['channel']);
  if (retryAfter !== null) return fail('ratelimited', {}, 429, '429', { 'retry-after': String(retryAfter) });

  let result: Record<string, unknown>;
  try {
    result = { ok: true, ...impl(deps.ctx, params) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return fail(error.code, error.extra, 200, fault?.kind);
  }
  log(deps, { method, params, outcome: 'ok', fault: fault?.kind });
  if (fault?.kind === 'timeout') return holdUnanswered(deps, res);
  sendJson(res, 200, result);
}

/** Constant-time comparison (hashing first makes the lengths equal). */
function tokenMatches(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The call was applied; the client never hears so, and the socket is dropped after timeoutMs. */
function holdUnanswered(deps: ServerDeps, res: ServerResponse): void {
  const drop = () => {
    clearTimeout(timer);
    deps.held.delete(drop);
    res.socket?.destroy();
  };
  const timer = setTimeout(drop, deps.timeoutMs);
  deps.held.add(drop);
}

/** `/workspace/response/<id>`: what a Bolt `respond()` posts. */
export async function serveResponseUrl(deps: ServerDeps, id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { store } = deps.ctx;
  const raw = (await readBody(req)).toString('utf8');
  const target = store.useResponseUrl(id);
  if ('error' in target) return sendJson(res, 404, { ok: false, error: target.error });
  let payload: Record<string, unknown>;
  try {
    payload = raw.trim() ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return sendJson(res, 400, { ok: false, error: 'invalid_payload' });
  }
  try {
    if (payload['delete_original'] === true || payload['delete_original'] === 'true') {
      deleteOriginal(deps, target.channelId, target.messageTs, target.isEphemeral === true);
      return sendJson(res, 200, { ok: true });
    }
    const content = readContent(payload);
    const replace = payload['replace_original'] === true || payload['replace_original'] === 'true';
    const original = target.messageTs && !target.isEphemeral ? store.findMessage(target.channelId, target.messageTs) : undefined;
    const originalEphemeral = target.isEphemeral ? store.ephemerals.find((e) => e.ts === target.messageTs) : undefined;
    if (replace && original) {
      original.editCount += 1;
      Object.assign(original, { text: content.text, blocks: content.blocks, edited: { user: BOT_USER_ID, ts: store.nextTs() } });
      store.emitChange({ kind: 'message', channelId: original.channel, ts: original.ts });
    } else if (replace && originalEphemeral) {
      Object.assign(originalEphemeral, { text: content.text, blocks: content.blocks });
      store.emitChange({ kind: 'ephemeral', userId: originalEphemeral.userId, ts: originalEphemeral.ts });
    } else if (payload['response_type'] === 'in_channel') {
      store.addMessage({
        channel: target.channelId, ts: store.nextTs(), user: BOT_USER_ID, botId: BOT_ID, text: content.text, blocks: content.blocks,
        threadTs: typeof payload['thread_ts'] === 'string' ? payload['thread_ts'] : undefined, replyCount: 0, replyUsers: [], editCount: 0,
      });
    } else {
      store.addEphemeral({ userId: target.userId, channelId: target.channelId, text: content.text, blocks: content.blocks, source: 'response_url' });
    }
    sendJson(res, 200, { ok: true });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sendJson(res, 400, { ok: false, error: error.code, ...error.extra });
  }
}

function deleteOriginal(deps: ServerDeps, channelId: string, ts: string | undefined, ephemeral: boolean): void {
  const { store } = deps.ctx;
  if (!ts) throw new ApiError('message_not_found');
  if (ephemeral) {
    const e = store.ephemerals.find((x) => x.ts === ts);
    if (!e) throw new ApiError('message_not_found');
    e.deleted = true;
    return store.emitChange({ kind: 'ephemeral', userId: e.userId, ts });
  }
  const list = store.channelMessages(channelId);
  const index = list.findIndex((m) => m.ts === ts);
  if (index < 0) throw new ApiError('message_not_found');
  list.splice(index, 1);
  store.emitChange({ kind: 'message', channelId, ts });
}

/** `/workspace/upload/<fileId>`: the bytes for files.getUploadURLExternal. */
export async function serveUpload(deps: ServerDeps, fileId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const bytes = await uploadedBytes(req);
  const file = deps.ctx.store.files.get(fileId);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return void res.end('file not found');
  }
  file.content = bytes;
  file.length = bytes.length;
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`OK - ${bytes.length}`);
}

/** Raw bytes, or the first file part of a multipart/form-data body (what WebClient sends). */
async function uploadedBytes(req: IncomingMessage): Promise<Buffer> {
  const raw = await readBody(req);
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('multipart/form-data')) return raw;
  const form = await new Request('http://upload.local', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw) }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  const first = [...form.values()][0];
  return Buffer.from(typeof first === 'string' ? first : '');
}
