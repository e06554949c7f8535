import type { WorkspaceClock as Clock } from './clock.js';
import type { EventRetryOptions } from './event-retries.js';
import type { SocketModeOptions } from './socket-mode.js';
import type { StoreLimits } from './store.js';

export interface SeedUser {
  id: string;
  /** Handle, e.g. `alice`. */
  name: string;
  realName: string;
  /** IANA zone, e.g. `Asia/Seoul`. */
  tz: string;
  /** The person's Slack language (`ko-KR`); `en-US` when not given. users.info tells it only with include_locale. */
  locale?: string;
  isBot?: boolean;
  email?: string;
}

export interface WorkspaceOptions {
  signingSecret: string;
  botToken: string;
  /**
   * The app-level token (`xapp-…`). Given, Socket Mode is on: the app opens connections with it
   * (`apps.connections.open`) and every interaction and event reaches it over them, never by HTTP.
   */
  appToken?: string;
  /** Socket Mode's windows and retries (defaults are Slack's). */
  socketMode?: SocketModeOptions;
  /** The Events API's window and retries over HTTP (defaults are Slack's). */
  events?: EventRetryOptions;
  botRequestUrl?: string;
  clock?: Clock;
  realClock?: Clock;
  /** The app's bot user as people see it (its ids are always U_BOT / B_BOT). */
  bot?: { name: string; realName: string };
  /** The people in the workspace; each joins the seeded channels. */
  users?: SeedUser[];
  /** Public channels that exist from the start. Default: `general`. */
  channels?: string[];
  /** The slash command a `slashCommand()` call sends when it names none. */
  slashCommand?: string;
  publicUrl?: string;
  /** How long a `timeout` fault holds the socket before destroying it. Default 10 000 ms. */
  timeoutMs?: number;
  rateLimits?: RateLimits;
  /**
   * Keep the conversation in this JSON file: loaded at start, written (asynchronously, through a
   * temp file and a rename) shortly after each change, and on close.
   */
  persistPath?: string;
  /**
   * The app's event subscriptions (its manifest's `bot_events`, e.g. `reaction_added`,
   * `message.channels`). Only these are sent, as Slack does; default: every event the workspace sends.
   */
  botEvents?: string[];
  /** How much the store keeps: messages per channel, ephemerals per person, call log entries (defaults 2000, 2000, 5000). */
  limits?: Partial<StoreLimits>;
}

export interface RateLimits {
  /**
   * Slack: "1 per second per channel, short bursts >1 allowed". A bucket per channel holding
   * `burst` messages (default 3), refilled at `perChannelPerSecond`; empty, it answers 429 with Retry-After.
   */
  'chat.postMessage'?: { perChannelPerSecond: number; burst?: number };
}

export interface StoredChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  isArchived: boolean;
  created: number;
  creator: string;
  topic: string;
  purpose: string;
  members: string[];
}

export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  user: string;
  botId?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: MessageMetadata;
  threadTs?: string;
  /** A thread reply also shown in the channel. */
  broadcast?: boolean;
  replyCount: number;
  replyUsers: string[];
  latestReply?: string;
  edited?: { user: string; ts: string };
  /** How many times it was edited; earlier versions are not kept (nothing shows them, and a drill edits its cards often). */
  editCount: number;
  files?: string[];
  /** Emoji reactions in the order first added, each with the people (or bot) who reacted. */
  reactions?: Array<{ name: string; users: string[] }>;
}

export interface StoredEphemeral {
  ts: string;
  userId: string;
  channelId: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  source: 'api' | 'response_url' | 'ack';
  deleted?: boolean;
}

export interface StoredView {
  id: string;
  userId: string;
  externalId?: string;
  hash: string;
  rootViewId: string;
  previousViewId: string | null;
  /** The view payload as the app sent it (type, title, blocks, private_metadata, …). */
  view: Record<string, unknown>;
  /** Field errors from the last `response_action: 'errors'`, block_id → message. */
  errors: Record<string, string> | null;
  /** Last submitted values, Slack's `state.values` shape. */
  values: Record<string, Record<string, unknown>>;
  /**
   * The options the app last answered a `block_suggestion` with, by action_id: what the person
   * can pick from an external select (and what its `selected_option` is then made of).
   */
  suggested?: Record<string, SuggestedOption[]>;
}

/** An option as an app answers `block_suggestion` with it. */
export interface SuggestedOption {
  text: { type: 'plain_text'; text: string; emoji?: boolean };
  value: string;
}

export interface StoredFile {
  id: string;
  name: string;
  title: string;
  length: number;
  content: Buffer | null;
  channels: string[];
  created: number;
  user: string;
  shareTs?: string;
  /** files.completeUploadExternal was called: only then can the file be shared (or attached with chat.update). */
  completed?: boolean;
}

export interface CallLogEntry {
  method: string;
  params: Record<string, unknown>;
  outcome: 'ok' | 'error';
  error?: string;
  /** Injected or rate-limit fault, if any: '500' | '429' | 'timeout'. */
  fault?: string;
  at: string;
  /** When it was answered, in real milliseconds (rate limits run on real time, not a drill's clock). */
  realMs: number;
}

export interface ChangeEvent {
  kind: 'message' | 'channel' | 'ephemeral' | 'view' | 'pin' | 'file' | 'call' | 'reaction';
  channelId?: string;
  userId?: string;
  ts?: string;
  viewId?: string;
}

/** A Web API error as Slack reports it: `{ ok: false, error, ...extra }`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export interface BotResponse {
  status: number;
  body: unknown;
}
