import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { WorkspaceClock as Clock } from './clock.js';
import { BOT_USER_ID } from './seed.js';
import {
  ApiError,
  type CallLogEntry,
  type ChangeEvent,
  type SeedUser,
  type StoredChannel,
  type StoredEphemeral,
  type StoredFile,
  type StoredMessage,
  type StoredView,
} from './types.js';

export interface Pin {
  ts: string;
  created: number;
  createdBy: string;
}

export interface ResponseUrlTarget {
  userId: string;
  channelId: string;
  /** The message the interaction came from, if any. */
  messageTs?: string;
  isEphemeral?: boolean;
}

/** How much the store keeps, so a long run cannot grow the heap (or the snapshot) without bound. */
export interface StoreLimits {
  /** Messages (thread replies included) per channel; the oldest go first. */
  messagesPerChannel: number;
  /** Ephemeral messages per person; the oldest go first. */
  ephemeralsPerUser: number;
  /** Web API calls kept in the call log. */
  callLog: number;
  /** Trigger ids, response URLs and closed views remembered at once (beyond their own expiry). */
  pending: number;
}

export const DEFAULT_LIMITS: StoreLimits = { messagesPerChannel: 2000, ephemeralsPerUser: 2000, callLog: 5000, pending: 5000 };

/** As Slack's: a response URL takes five posts within thirty minutes. */
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

interface IssuedResponseUrl extends ResponseUrlTarget {
  issuedAtMs: number;
  uses: number;
}

/** All of the workspace's state, and the small helpers every API module needs. */
export class SandboxStore extends EventEmitter {
  readonly users = new Map<string, SeedUser>();
  readonly channels = new Map<string, StoredChannel>();
  readonly messages = new Map<string, StoredMessage[]>();
  readonly pins = new Map<string, Pin[]>();
  readonly ephemerals: StoredEphemeral[] = [];
  readonly views = new Map<string, StoredView>();
  readonly viewStacks = new Map<string, string[]>();
  /** Each person's Home tab, as last published (views.publish). */
  readonly homeViews = new Map<string, StoredView>();
  readonly files = new Map<string, StoredFile>();
  readonly triggers = new Map<string, { issuedAtMs: number; userId: string; used: boolean }>();
  readonly responseUrls = new Map<string, IssuedResponseUrl>();
  readonly callLog: CallLogEntry[] = [];
  private lastTsMicros = 0;
  private counter = 0;

  constructor(
    readonly clock: Clock,
    readonly realClock: Clock,
    readonly limits: StoreLimits = DEFAULT_LIMITS,
  ) {
    super();
  }

  /** A Slack message timestamp from the app clock, unique and increasing: `1732572000.000100`. */
  nextTs(): string {
    const micros = Math.max(this.clock.now().toMillis() * 1000, this.lastTsMicros + 1);
    this.lastTsMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  nowSeconds(): number {
    return Math.floor(this.clock.now().toSeconds());
  }

  newId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(36).toUpperCase().padStart(9, '0')}`;
  }

  /** The id and timestamp counters, for a snapshot that must not reuse ids after a restart. */
  counters(): { counter: number; lastTsMicros: number } {
    return { counter: this.counter, lastTsMicros: this.lastTsMicros };
  }

  restoreCounters(saved: { counter: number; lastTsMicros: number }): void {
    this.counter = Math.max(this.counter, saved.counter);
    this.lastTsMicros = Math.max(this.lastTsMicros, saved.lastTsMicros);
  }

  emitChange(event: ChangeEvent): void {
    this.emit('change', event);
  }

  findChannel(idOrName: string): StoredChannel | undefined {
    const byId = this.channels.get(idOrName);
    if (byId) return byId;
    const name = idOrName.replace(/^#/, '');
    return [...this.channels.values()].find((c) => c.name === name && !c.isIm);
  }

  requireChannel(idOrName: unknown): StoredChannel {
    if (typeof idOrName !== 'string' || idOrName === '') throw new ApiError('channel_not_found');
    const channel = this.findChannel(idOrName) ?? (this.users.has(idOrName) ? this.imWith(idOrName) : undefined);
    if (!channel) throw new ApiError('channel_not_found');
    return channel;
  }

  /** The bot must be a member to write; archived channels take no writes. */
  requireWritable(channel: StoredChannel): void {
    if (channel.isArchived) throw new ApiError('is_archived');
    if (!channel.members.includes(BOT_USER_ID)) throw new ApiError('not_in_channel');
  }

  requireUser(id: unknown): SeedUser {
    const user = typeof id === 'string' ? this.users.get(id) : undefined;
    if (!user) throw new ApiError('user_not_found');
    return user;
  }

  /** The direct-message channel between the bot and a user, created on first use. */
  imWith(userId: string): StoredChannel {
    const existing = [...this.channels.values()].find((c) => c.isIm && c.members.includes(userId));
    if (existing) return existing;
    return this.addChannel({ name: userId, isPrivate: true, isIm: true, creator: BOT_USER_ID, members: [userId, BOT_USER_ID] });
  }

  addChannel(init: { name: string; isPrivate: boolean; isIm?: boolean; creator: string; members: string[] }): StoredChannel {
    const id = this.newId(init.isIm ? 'D0' : 'C0');
    const channel: StoredChannel = {
      id,
      name: init.name,
      isPrivate: init.isPrivate,
      isIm: init.isIm ?? false,
      isArchived: false,
      created: this.nowSeconds(),
      creator: init.creator,
      topic: '',
      purpose: '',
      members: [...new Set(init.members)],
    };
    this.channels.set(id, channel);
    this.messages.set(id, []);
    this.pins.set(id, []);
    this.emitChange({ kind: 'channel', channelId: id });
    return channel;
  }

  channelMessages(channelId: string): StoredMessage[] {
    return this.messages.get(channelId) ?? [];
  }

  findMessage(channelId: string, ts: unknown): StoredMessage | undefined {
    return this.channelMessages(channelId).find((m) => m.ts === ts);
  }

  requireMessage(channelId: string, ts: unknown): StoredMessage {
    const message = this.findMessage(channelId, ts);
    if (!message) throw new ApiError('message_not_found');
    return message;
  }

  addMessage(message: StoredMessage): StoredMessage {
    const list = this.channelMessages(message.channel);
    list.push(message);
    if (list.length > this.limits.messagesPerChannel) list.splice(0, list.length - this.limits.messagesPerChannel);
    if (message.threadTs && message.threadTs !== message.ts) {
      const parent = this.findMessage(message.channel, message.threadTs);
      if (parent) {
        parent.threadTs = parent.ts;
        parent.replyCount += 1;
        parent.latestReply = message.ts;
        if (!parent.replyUsers.includes(message.user)) parent.replyUsers.push(message.user);
      }
    }
    this.emitChange({ kind: 'message', channelId: message.channel, ts: message.ts });
    return message;
  }

  addEphemeral(e: Omit<StoredEphemeral, 'ts'>): StoredEphemeral {
    const ephemeral: StoredEphemeral = { ...e, ts: this.nextTs() };
    this.ephemerals.push(ephemeral);
    this.trimEphemerals(e.userId);
    this.emitChange({ kind: 'ephemeral', channelId: e.channelId, userId: e.userId, ts: ephemeral.ts });
    return ephemeral;
  }

  /** Drops the person's oldest ephemerals beyond the limit. */
  trimEphemerals(userId: string): void {
    let excess = -this.limits.ephemeralsPerUser;
    for (const e of this.ephemerals) if (e.userId === userId) excess += 1;
    for (let i = 0; excess > 0 && i < this.ephemerals.length; ) {
      if (this.ephemerals[i]!.userId === userId) {
        this.ephemerals.splice(i, 1);
        excess -= 1;
      } else {
        i += 1;
      }
    }
  }

  /** Forgets the oldest closed views beyond the limit; views on someone's stack stay. */
  trimViews(): void {
    let excess = this.views.size - this.limits.pending;
    if (excess <= 0) return;
    const open = new Set([...this.viewStacks.values()].flat());
    for (const id of this.views.keys()) {
      if (excess <= 0) return;
      if (open.has(id)) continue;
      this.views.delete(id);
      excess -= 1;
    }
  }

  logCall(entry: CallLogEntry): void {
    this.callLog.push(entry);
    if (this.callLog.length > this.limits.callLog) this.callLog.splice(0, this.callLog.length - this.limits.callLog);
  }

  issueTrigger(userId: string): string {
    const id = `${this.counter + 1}.${Math.floor(this.realClock.now().toMillis())}.local`;
    this.counter += 1;
    this.triggers.set(id, { issuedAtMs: this.realClock.now().toMillis(), userId, used: false });
    dropOldest(this.triggers, this.limits.pending);
    return id;
  }

  /** Single use, 3 seconds by the real clock. */
  consumeTrigger(triggerId: unknown): { userId: string } {
    const trigger = typeof triggerId === 'string' ? this.triggers.get(triggerId) : undefined;
    if (!trigger) throw new ApiError('invalid_trigger_id');
    if (trigger.used) throw new ApiError('exchanged_trigger_id');
    if (this.realClock.now().toMillis() - trigger.issuedAtMs > 3000) throw new ApiError('expired_trigger_id');
    trigger.used = true;
    return { userId: trigger.userId };
  }

  /** An unguessable URL, good for five posts within thirty minutes by the real clock. */
  issueResponseUrl(base: string, target: ResponseUrlTarget): string {
    const now = this.realClock.now().toMillis();
    for (const [id, issued] of this.responseUrls) {
      if (now - issued.issuedAtMs <= RESPONSE_URL_TTL_MS) break;
      this.responseUrls.delete(id);
    }
    const id = randomBytes(24).toString('base64url');
    this.responseUrls.set(id, { ...target, issuedAtMs: now, uses: 0 });
    dropOldest(this.responseUrls, this.limits.pending);
    return `${base}/workspace/response/${id}`;
  }

  /** One use of a response URL: its target, or why it can no longer be used (Slack's error names). */
  useResponseUrl(id: string): ResponseUrlTarget | { error: 'expired_url' | 'used_url' } {
    const issued = this.responseUrls.get(id);
    if (!issued || this.realClock.now().toMillis() - issued.issuedAtMs > RESPONSE_URL_TTL_MS) return { error: 'expired_url' };
    if (issued.uses >= RESPONSE_URL_USES) return { error: 'used_url' };
    issued.uses += 1;
    return issued;
  }
}

/** Maps keep insertion order: the first keys are the oldest. */
function dropOldest(map: Map<string, unknown>, limit: number): void {
  for (const key of map.keys()) {
    if (map.size <= limit) return;
    map.delete(key);
  }
}
