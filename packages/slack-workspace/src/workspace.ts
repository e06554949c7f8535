import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { systemClock } from './clock.js';
import { chatMethods } from './api-chat.js';
import { conversationMethods } from './api-conversations.js';
import type { ApiContext } from './api-types.js';
import { userAndFileMethods } from './api-users-files.js';
import { viewMethods } from './api-views.js';
import { FaultInjector, RateLimiter } from './faults.js';
import { sendJson } from './http-io.js';
import {
  clickAction, globalShortcut, sendEvent, slashCommand, type ClickActionInput, type EventOptions, type GlobalShortcutInput,
  type InteractionContext, type SlashCommandInput,
} from './interactions.js';
import {
  readEphemerals, readMessages, readOpenViews, readPins, readReplies, viewSnapshot, type MessageSnapshot, type ViewSnapshot,
} from './readers.js';
import { BOT_USER_ID, DEFAULT_BOT, DEFAULT_CHANNELS, DEFAULT_SLASH_COMMAND } from './seed.js';
import { persistTo, restoreFrom } from './persistence.js';
import {
  deleteMessage, editMessage, messageShortcut, notifyNewMessage, react, unreact, type MessageShortcutInput, type ReactionInput,
} from './person-actions.js';
import { reactionMethods } from './reactions.js';
import { refusal, ownHosts } from './request-guard.js';
import { clickHomeAction, homeMethods, openAppHome, type HomeActionInput } from './home-tab.js';
import { EventRetries, type EventDelivery } from './event-retries.js';
import { SocketModeHub, type DisconnectReason } from './socket-mode.js';
import type { SocketDelivery } from './socket-delivery.js';
import { DEFAULT_LIMITS, SandboxStore } from './store.js';
import { closeView, submitView, type SubmitViewInput } from './submit-view.js';
import { clickViewAction, type ClickViewActionInput } from './view-actions.js';
import { blockSuggestion, type BlockSuggestionInput, type SuggestionResult } from './block-suggestion.js';
import type {
  BotResponse, CallLogEntry, ChangeEvent, SeedUser, StoredChannel, StoredEphemeral, StoredFile, WorkspaceOptions,
} from './types.js';
import { serveApi, serveResponseUrl, serveUpload, type ServerDeps } from './web-api-server.js';

export interface Workspace {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /**
   * Answers 403 and returns true when the request's Host is not this workspace's own (its public
   * URL or listening address; loopback names count as one) or it carries a browser Origin from
   * elsewhere. The Web API routes apply it themselves; `sandboxWebRoutes` applies it to the page.
   */
  refuseForeign(req: IncomingMessage, res: ServerResponse): boolean;
  /** Takes a WebSocket upgrade to a Socket Mode URL; false for any other path (the caller answers it). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Socket Mode, when the workspace has an app-level token: what Slack's side of the connections can do. */
  readonly socketMode: SocketModeControl;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  setBotRequestUrl(url: string): void;
  setPublicUrl(url: string): void;
  readonly faults: FaultInjector;

  slashCommand(input: SlashCommandInput): Promise<BotResponse>;
  clickAction(input: ClickActionInput): Promise<BotResponse>;
  /** The user clicks an element in their top modal, having entered `values` so far; returns the bot's ack. */
  clickViewAction(input: ClickViewActionInput): Promise<BotResponse>;
  /**
   * The user types `value` in (or opens) an external select in their top modal: the app's
   * `block_suggestion` answer, which is then what they may pick (see block-suggestion.ts).
   */
  blockSuggestion(input: BlockSuggestionInput): Promise<SuggestionResult>;
  /** The user runs a global shortcut from the shortcuts menu; returns the bot's ack. */
  globalShortcut(input: GlobalShortcutInput): Promise<BotResponse>;
  submitView(input: SubmitViewInput): Promise<BotResponse>;
  /** The user presses Close on their top view; returns the bot's ack when `notify_on_close` was set. */
  closeView(userId: string): Promise<BotResponse | null>;
  sendEvent(event: Record<string, unknown>, options?: EventOptions): Promise<BotResponse & { eventId: string }>;
  /** The person opens the app's Home tab (Slack sends `app_home_opened`). */
  openAppHome(userId: string): Promise<BotResponse & { eventId: string }>;
  /** The person clicks a button on the app's Home tab. */
  clickHomeAction(input: HomeActionInput): Promise<BotResponse>;
  /** The person's Home tab as last published, if any. */
  homeView(userId: string): ViewSnapshot | undefined;
  /** A person posts a message; the bot hears `message` (when subscribed) and `app_mention` when it is mentioned. */
  postAsUser(input: { userId: string; channelId: string; text: string; threadTs?: string }): Promise<MessageSnapshot>;
  /** A person adds a reaction to a message; the bot hears `reaction_added`. */
  react(input: ReactionInput): Promise<void>;
  /** A person takes their reaction away; the bot hears `reaction_removed`. */
  unreact(input: ReactionInput): Promise<void>;
  /** A person edits their own message; the bot hears `message_changed`. */
  editMessage(input: { userId: string; channelId: string; ts: string; text: string }): Promise<void>;
  /** A person deletes their own message; the bot hears `message_deleted`. */
  deleteMessage(input: { userId: string; channelId: string; ts: string }): Promise<void>;
  /** A person runs a message shortcut on a message; returns the bot's ack. */
  messageShortcut(input: MessageShortcutInput): Promise<BotResponse>;

  channels(): StoredChannel[];
  channel(idOrName: string): StoredChannel | undefined;
  messages(channelIdOrName: string): MessageSnapshot[];
  replies(channelIdOrName: string, threadTs: string): MessageSnapshot[];
  pins(channelIdOrName: string): MessageSnapshot[];
  ephemerals(userId: string): StoredEphemeral[];
  openViews(userId: string): ViewSnapshot[];
  view(viewId: string): ViewSnapshot | undefined;
  files(): StoredFile[];
  users(): SeedUser[];
  callLog(): CallLogEntry[];
  /** Every HTTP delivery of an event, first attempts and Slack's retries, in order. */
  eventDeliveries(): EventDelivery[];
  on(event: 'change', listener: (change: ChangeEvent) => void): void;
  off(event: 'change', listener: (change: ChangeEvent) => void): void;
}

export interface SocketModeControl {
  readonly enabled: boolean;
  /** Sends `disconnect` with this reason to every connection, as Slack does before closing them. */
  disconnect(reason: DisconnectReason): void;
  /** Resolves once a connection takes envelopes (after `hello`). */
  connected(): Promise<void>;
  connectionCount(): number;
  /** The next `count` acknowledgements are lost on their way to Slack. */
  loseAcks(count: number): void;
  /** Every envelope sent, in order, with its retry attempt and whether it was acknowledged. */
  deliveries(): SocketDelivery[];
}

export function createWorkspace(options: WorkspaceOptions): Workspace {
  const store = new SandboxStore(options.clock ?? systemClock, options.realClock ?? systemClock, { ...DEFAULT_LIMITS, ...options.limits });
  const bot: SeedUser = { id: BOT_USER_ID, ...(options.bot ?? DEFAULT_BOT), tz: 'UTC', isBot: true };
  for (const user of [...(options.users ?? []), bot]) store.users.set(user.id, user);
  const people = [...store.users.values()].filter((u) => !u.isBot).map((u) => u.id);
  if (options.persistPath) restoreFrom(store, options.persistPath);
  for (const name of options.channels ?? DEFAULT_CHANNELS) {
    if (!store.findChannel(name)) store.addChannel({ name, isPrivate: false, creator: people[0] ?? bot.id, members: people });
  }
  const persistence = options.persistPath ? persistTo(store, options.persistPath) : undefined;

  let publicUrl = options.publicUrl?.replace(/\/$/, '');
  let botRequestUrl = options.botRequestUrl;
  let server: Server | undefined;
  let listeningAt: string | undefined;
  const servedAt = new Set<string>();
  const refuseForeign = (req: IncomingMessage, res: ServerResponse): boolean => {
    const why = refusal(req, ownHosts([publicUrl, listeningAt, ...servedAt]));
    if (!why) return false;
    sendJson(res, 403, { ok: false, error: why });
    return true;
  };
  const ctx: ApiContext = { store, publicUrl: () => publicUrl ?? 'http://127.0.0.1' };
  const faults = new FaultInjector();
  const socketMode = new SocketModeHub(options.appToken, options.botToken, options.socketMode);
  const eventRetries = new EventRetries(options.events);
  const deps: ServerDeps = {
    ctx,
    methods: { ...chatMethods, ...conversationMethods, ...viewMethods, ...homeMethods, ...userAndFileMethods, ...reactionMethods },
    botToken: options.botToken,
    socketMode,
    faults,
    rateLimiter: new RateLimiter(options.rateLimits ?? {}, store.realClock),
    timeoutMs: options.timeoutMs ?? 10_000,
    held: new Set(),
  };
  const interactions: InteractionContext = {
    store, signingSecret: options.signingSecret, realClock: store.realClock, botUrl: () => botRequestUrl, publicUrl: ctx.publicUrl,
    slashCommand: options.slashCommand ?? DEFAULT_SLASH_COMMAND,
    botEvents: options.botEvents ? new Set(options.botEvents) : undefined,
    socketMode,
    eventRetries,
  };
  const mustChannel = (idOrName: string) => {
    const channel = store.findChannel(idOrName);
    if (!channel) throw new Error(`sandbox: no channel ${idOrName}`);
    return channel;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const match = /^\/workspace\/(api|response|upload)\/([^/]+)$/.exec(url.pathname);
    const kind = match?.[1];
    const name = match?.[2];
    if (!kind || !name) return false;
    if (refuseForeign(req, res)) return true;
    try {
      if (kind === 'api') await serveApi(deps, name, req, res, url);
      else if (kind === 'response') await serveResponseUrl(deps, name, req, res);
      else await serveUpload(deps, name, req, res);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error', detail: String(error) });
    }
    return true;
  }

  return {
    handle,
    refuseForeign,
    faults,
    handleUpgrade: (req, socket, head) => socketMode.handleUpgrade(req, socket, head),
    socketMode: {
      get enabled() {
        return socketMode.enabled;
      },
      disconnect: (reason) => socketMode.disconnect(reason),
      connected: () => socketMode.connected(),
      connectionCount: () => socketMode.connectionCount(),
      loseAcks: (count) => socketMode.loseAcks(count),
      deliveries: () => socketMode.deliveryLog(),
    },
    async listen(port = 0, host = '127.0.0.1') {
      server = createServer((req, res) => {
        void handle(req, res).then((owned) => {
          if (!owned) sendJson(res, 404, { ok: false, error: 'not_found' });
        });
      });
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (!socketMode.handleUpgrade(req, socket, head)) socket.destroy();
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      const base = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
      listeningAt = base;
      publicUrl ??= base;
      return base;
    },
    async close() {
      await persistence?.stop();
      socketMode.close();
      eventRetries.close();
      for (const drop of [...deps.held]) drop();
      if (!server) return;
      const s = server;
      server = undefined;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    setBotRequestUrl: (url) => void (botRequestUrl = url),
    setPublicUrl: (url) => {
      publicUrl = url.replace(/\/$/, '');
      // Several app processes may serve one workspace (replicas in tests): each one's host is its own.
      servedAt.add(publicUrl);
    },
    slashCommand: (input) => slashCommand(interactions, input),
    clickAction: (input) => clickAction(interactions, input),
    clickViewAction: (input) => clickViewAction(interactions, input),
    blockSuggestion: (input) => blockSuggestion(interactions, input),
    globalShortcut: (input) => globalShortcut(interactions, input),
    submitView: (input) => submitView(interactions, input),
    closeView: (userId) => closeView(interactions, userId),
    sendEvent: (event, opts) => sendEvent(interactions, event, opts),
    openAppHome: (userId) => openAppHome(interactions, userId),
    clickHomeAction: (input) => clickHomeAction(interactions, input),
    homeView: (userId) => {
      const home = store.homeViews.get(userId);
      return home ? viewSnapshot(home) : undefined;
    },
    async postAsUser({ userId, channelId, text, threadTs }) {
      const user = store.requireUser(userId);
      const channel = store.requireChannel(channelId);
      const message = store.addMessage({ channel: channel.id, ts: store.nextTs(), user: user.id, text, threadTs, replyCount: 0, replyUsers: [], editCount: 0 });
      await notifyNewMessage(interactions, channel, message);
      if (text.includes(`<@${bot.id}>`)) {
        await sendEvent(interactions, { type: 'app_mention', user: user.id, text, ts: message.ts, channel: channel.id, ...(threadTs ? { thread_ts: threadTs } : {}) });
      }
      return readMessages(store, channel).find((m) => m.ts === message.ts) ?? readReplies(store, channel, threadTs ?? '').find((m) => m.ts === message.ts)!;
    },
    react: (input) => react(interactions, input),
    unreact: (input) => unreact(interactions, input),
    editMessage: (input) => editMessage(interactions, input),
    deleteMessage: (input) => deleteMessage(interactions, input),
    messageShortcut: (input) => messageShortcut(interactions, input),
    channels: () => [...store.channels.values()].map((c) => ({ ...c, members: [...c.members] })),
    channel: (idOrName) => {
      const c = store.findChannel(idOrName);
      return c ? { ...c, members: [...c.members] } : undefined;
    },
    messages: (id) => readMessages(store, mustChannel(id)),
    replies: (id, threadTs) => readReplies(store, mustChannel(id), threadTs),
    pins: (id) => readPins(store, mustChannel(id)),
    ephemerals: (userId) => readEphemerals(store, userId),
    openViews: (userId) => readOpenViews(store, userId),
    view: (viewId) => {
      const v = store.views.get(viewId);
      return v ? viewSnapshot(v) : undefined;
    },
    files: () => [...store.files.values()].map((f) => ({ ...f, channels: [...f.channels] })),
    users: () => [...store.users.values()],
    callLog: () => [...store.callLog],
    eventDeliveries: () => eventRetries.log(),
    on: (event, listener) => void store.on(event, listener),
    off: (event, listener) => void store.off(event, listener),
  };
}
