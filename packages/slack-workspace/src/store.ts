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

/** All of the workspace's state, and the small helpers every API module needs. */
export class SandboxStore extends EventEmitter {
  readonly users = new Map<string, SeedUser>();
  readonly channels = new Map<string, StoredChannel>();
  readonly messages = new Map<string, StoredMessage[]>();
  readonly pins = new Map<string, Pin[]>();
  readonly ephemerals: StoredEphemeral[] = [];
  readonly views = new Map<string, StoredView>();
  readonly viewStacks = new Map<string, string[]>();
  readonly files = new Map<string, StoredFile>();
  readonly triggers = new Map<string, { issuedAtMs: number; userId: string; used: boolean }>();
  readonly responseUrls = new Map<string, ResponseUrlTarget>();
  readonly callLog: CallLogEntry[] = [];
  private lastTsMicros = 0;
  private counter = 0;

  constructor(
    readonly clock: Clock,
    readonly realClock: Clock,
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
    this.channelMessages(message.channel).push(message);
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
    this.emitChange({ kind: 'ephemeral', channelId: e.channelId, userId: e.userId, ts: ephemeral.ts });
    return ephemeral;
  }

  issueTrigger(userId: string): string {
    const id = `${this.counter + 1}.${Math.floor(this.realClock.now().toMillis())}.local`;
    this.counter += 1;
    this.triggers.set(id, { issuedAtMs: this.realClock.now().toMillis(), userId, used: false });
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

  issueResponseUrl(base: string, target: ResponseUrlTarget): string {
    const id = this.newId('R');
    this.responseUrls.set(id, target);
    return `${base}/workspace/response/${id}`;
  }
}
