import { text } from './api-types.js';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WorkspaceClock as Clock } from './clock.js';
import { isObject } from './element-validation.js';
import { readBody, sendJson } from './http-io.js';
import type { BotResponse } from './types.js';
import { pageState, type AppFace, type CommandHint } from './web-state.js';
import type { Workspace } from './workspace.js';

/** A clock whose speed the page may change while it runs (an app's drill clock). */
export interface SpeedControl {
  readonly speed: number;
  setSpeed(speed: number): void;
}

export interface WebRoutesOptions {
  workspace: Workspace;
  clock: Clock;
  /** Present when the page may change the clock's speed. */
  drill?: SpeedControl;
  /** The slash command the bot answers, and its subcommands for completion. */
  slashCommand: string;
  commands: CommandHint[];
  /** The app's name, home channel and command description, as the page shows them. */
  app: AppFace;
  /**
   * The same in other languages, by language (`ko`): a person whose Slack language it is (`ko-KR`)
   * sees that face; everyone else the default above.
   */
  faces?: Record<string, { app: AppFace; commands: CommandHint[] }>;
  pageDir?: URL;
}

type Route = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

/** The paths the page owns; others belong to whatever it is mounted beside. */
const OWNED = /^\/(?:index\.html)?$|^\/sandbox\//;
const STATIC = /^\/sandbox\/page\/([a-z-]+\.(js|css))$/;
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', html: 'text/html; charset=utf-8' };

/** The workspace page: static files, a JSON state endpoint, change notifications and the person's actions. */
export function sandboxWebRoutes(options: WebRoutesOptions): Route {
  const { workspace: ws } = options;
  const pageDir = options.pageDir ?? new URL('../page/', import.meta.url);

  const serveFile = async (res: ServerResponse, name: string, ext: string) => {
    const body = await readFile(new URL(name, pageDir));
    res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  };

  const posts: Record<string, (body: Record<string, unknown>) => Promise<unknown>> = {
    '/sandbox/command': (b) => runCommand(options, String(b['userId']), String(b['channelId']), text(b['text'])),
    '/sandbox/action': async (b) =>
      botResult(
        await ws.clickAction({
          userId: String(b['userId']), channelId: String(b['channelId']), messageTs: String(b['messageTs']), actionId: String(b['actionId']),
          ...(typeof b['blockId'] === 'string' && b['blockId'] ? { blockId: b['blockId'] } : {}),
          // Never `value`: that would override a button's own. A button's value comes from the message;
          // a select's choice is `selectedOption` (the workspace checks it is one of the element's options).
          ...(typeof b['selectedOption'] === 'string' ? { selectedOption: b['selectedOption'] } : {}),
        }),
        options.slashCommand,
      ),
    '/sandbox/home/open': async (b) => botResult(await ws.openAppHome(String(b['userId'])), 'App Home'),
    '/sandbox/home/action': async (b) =>
      botResult(await ws.clickHomeAction({ userId: String(b['userId']), actionId: String(b['actionId']) }), 'App Home'),
    '/sandbox/react': async (b) => {
      const input = { userId: String(b['userId']), channelId: String(b['channelId']), ts: String(b['ts']), name: String(b['name']) };
      await (b['on'] === false ? ws.unreact(input) : ws.react(input));
      return { ok: true };
    },
    '/sandbox/edit': async (b) => {
      await ws.editMessage({ userId: String(b['userId']), channelId: String(b['channelId']), ts: String(b['ts']), text: text(b['text']) });
      return { ok: true };
    },
    '/sandbox/delete': async (b) => {
      await ws.deleteMessage({ userId: String(b['userId']), channelId: String(b['channelId']), ts: String(b['ts']) });
      return { ok: true };
    },
    '/sandbox/message-shortcut': async (b) =>
      botResult(
        await ws.messageShortcut({ userId: String(b['userId']), channelId: String(b['channelId']), messageTs: String(b['ts']), callbackId: String(b['callbackId']) }),
        'the shortcut',
      ),
    '/sandbox/view-action': async (b) =>
      botResult(
        await ws.clickViewAction({ userId: String(b['userId']), viewId: String(b['viewId']), actionId: String(b['actionId']), values: b['values'] as never }),
        'the form',
      ),
    '/sandbox/suggest': async (b) => {
      const result = await ws.blockSuggestion({
        userId: String(b['userId']), viewId: String(b['viewId']), actionId: String(b['actionId']), value: text(b['value']),
        ...(isObject(b['values']) ? { values: b['values'] as never } : {}),
      });
      // What Slack's menu shows: the options, or that they could not be loaded.
      return result.ok ? result : { ok: false, error: result.error, message: `The options could not be loaded: ${result.message}` };
    },
    '/sandbox/submit': async (b) =>
      botResult(await ws.submitView({ userId: String(b['userId']), viewId: String(b['viewId']), values: b['values'] as never }), 'the form'),
    '/sandbox/close': async (b) => {
      await ws.closeView(String(b['userId']));
      return { ok: true };
    },
    '/sandbox/drill': (b) => {
      const speed = Number(b['speed']);
      if (!options.drill) return Promise.resolve({ ok: false, error: 'drill_unavailable', message: 'This clock cannot change speed.' });
      if (!Number.isFinite(speed) || speed < 1 || speed > 3600) {
        return Promise.resolve({ ok: false, error: 'invalid_speed', message: 'Speed is 1 to 3600.' });
      }
      options.drill.setSpeed(speed);
      return Promise.resolve({ ok: true, speed });
    },
  };

  return async (req, res, path) => {
    if (OWNED.test(path) && ws.refuseForeign(req, res)) return true;
    if (req.method === 'GET' && (path === '/' || path === '/index.html')) return serveFile(res, 'index.html', 'html').then(() => true);
    const asset = STATIC.exec(path);
    if (req.method === 'GET' && asset) return serveFile(res, asset[1]!, asset[2]!).then(() => true);
    if (req.method === 'GET' && path === '/sandbox/state') {
      const me = new URL(req.url ?? '/', 'http://local').searchParams.get('user') ?? '';
      const user = ws.users().find((u) => u.id === me && !u.isBot) ?? ws.users().find((u) => !u.isBot);
      const now = options.clock.now().toISO() ?? '';
      const language = user?.locale?.toLowerCase().split(/[-_]/)[0] ?? '';
      const { app, commands } = (Object.hasOwn(options.faces ?? {}, language) ? options.faces?.[language] : undefined) ?? options;
      sendJson(res, 200, pageState(ws, user?.id ?? '', { now, drillSpeed: options.drill?.speed ?? null, slashCommand: options.slashCommand, commands, app }));
      return true;
    }
    if (req.method === 'GET' && path === '/sandbox/events') return serveEvents(ws, req, res);
    const file = /^\/sandbox\/files\/([A-Za-z0-9]+)$/.exec(path);
    if (req.method === 'GET' && file) return serveDownload(ws, res, file[1]!);
    const handler = posts[path];
    if (req.method !== 'POST' || !handler) return false;
    // JSON only: another site's page cannot send that without a CORS preflight, which is never granted.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, { ok: false, error: 'json_required', message: 'Send Content-Type: application/json.' });
      return true;
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      sendJson(res, 400, { ok: false, error: 'invalid_json' });
      return true;
    }
    try {
      sendJson(res, 200, await handler(body));
    } catch (error) {
      sendJson(res, 200, { ok: false, error: 'rejected', message: error instanceof Error ? error.message.replace(/^sandbox: /, '') : String(error) });
    }
    return true;
  };
}

/** What the Slack client shows when the app fails to answer or answers with an error status. */
function botResult(response: BotResponse, what: string): unknown {
  if (response.status === 200) return { ok: true };
  return { ok: false, error: 'dispatch_failed', message: `${what} failed with the error "dispatch_failed"` };
}

async function runCommand(options: WebRoutesOptions, userId: string, channelId: string, text: string): Promise<unknown> {
  const trimmed = text.trim();
  if (!trimmed.startsWith('/')) {
    await options.workspace.postAsUser({ userId, channelId, text: trimmed });
    return { ok: true };
  }
  const [command = '', ...rest] = trimmed.split(/\s+/);
  if (command !== options.slashCommand) {
    return {
      ok: false,
      error: 'not_a_command',
      message: `${command} is not a valid command. In Slack, all messages starting with "/" are interpreted as commands.`,
    };
  }
  return botResult(await options.workspace.slashCommand({ userId, channelId, command, text: rest.join(' ') }), command);
}

function serveEvents(ws: Workspace, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.write('retry: 1000\n\n');
  let pending: NodeJS.Timeout | undefined;
  const onChange = (change: { kind: string }) => {
    if (change.kind === 'call') return;
    pending ??= setTimeout(() => {
      pending = undefined;
      res.write('data: change\n\n');
    }, 30);
  };
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  ws.on('change', onChange);
  req.on('close', () => {
    ws.off('change', onChange);
    clearInterval(keepAlive);
    if (pending) clearTimeout(pending);
  });
  return Promise.resolve(true);
}

function serveDownload(ws: Workspace, res: ServerResponse, id: string): Promise<boolean> {
  const file = ws.files().find((f) => f.id === id);
  if (!file || !file.content) {
    sendJson(res, 404, { ok: false, error: 'file_not_found' });
    return Promise.resolve(true);
  }
  const name = file.name.replace(/["\\\r\n]/g, '_');
  res.writeHead(200, {
    'content-type': name.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'application/octet-stream',
    'content-disposition': `attachment; filename="${name}"`,
    'content-length': file.content.length,
  });
  res.end(file.content);
  return Promise.resolve(true);
}
