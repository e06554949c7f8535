import type { WebClient } from '@slack/web-api';
import type { HomeView, KnownBlock } from '@slack/types';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { LeaseExpired, PermanentDeliveryError } from '../../outbox/failure.js';
import type { Clock } from '../../clock.js';
import type { ChannelPacer } from './channel-pacer.js';
import { platformError } from './slack-errors.js';

export interface RenderedMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface OutboxRef {
  id: number;
  attempts: number;
  createdAt: DateTime;
  /** The claim's lease: a post not sent by then is not sent at all (another replica may have it). */
  leaseUntil?: DateTime;
}

const METADATA_EVENT = 'incident_outbox';
/** What this bot puts in a post's metadata; anything else in a channel is someone else's. */
const postMetadata = z.object({ outbox_id: z.number(), installation_id: z.string(), part: z.number().optional() });
/** Messages per page of a lookup: Slack's usual page size (Tier 3 methods), so long threads take a few calls. */
const LOOKUP_PAGE = 200;

/**
 * Slack calls with the idempotency Slack itself does not offer: each post carries its outbox id in
 * message metadata, and a retry first looks for a post that went through before the answer was lost.
 */
export class SlackPoster {
  private readonly channelIds = new Map<string, string>();
  constructor(
    private readonly client: WebClient,
    private readonly botUserId: string,
    /** Marks this installation's posts, so a retry never adopts another installation's message. */
    private readonly installationId: string,
    /** Slack's pace per channel and its Retry-After; without it a 429 only delays its own message. */
    private readonly pacer?: ChannelPacer,
    /** Reads the lease of a post that waited its turn; without it leases are not checked. */
    private readonly clock?: Clock,
  ) {}

  /**
   * `broadcast`: a thread reply also shown in the channel (Slack's reply_broadcast). `part`: one of
   * several messages one outbox row posts to the same channel (a long checklist), told apart on retry.
   */
  async post(ref: OutboxRef, target: { channel: string; threadTs?: string; broadcast?: boolean }, message: RenderedMessage, part = 0): Promise<string> {
    if (ref.attempts > 1) {
      const earlier = await this.findEarlierPost(ref, target, part);
      if (earlier) return earlier;
    }
    const base = {
      channel: target.channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: METADATA_EVENT, event_payload: { outbox_id: ref.id, installation_id: this.installationId, ...(part > 0 ? { part } : {}) } },
    };
    const result = await this.paced('chat.postMessage', target.channel, () => {
      if (ref.leaseUntil && this.clock && this.clock.now() >= ref.leaseUntil) {
        return Promise.reject(new LeaseExpired(`outbox ${ref.id}: lease ran out while waiting to post`));
      }
      return target.threadTs
        ? this.client.chat.postMessage({ ...base, thread_ts: target.threadTs, reply_broadcast: target.broadcast === true })
        : this.client.chat.postMessage(base);
    });
    return result.ts as string;
  }

  /** Replaces a person's Home tab (views.publish); publishing again is harmless, so no idempotency key is needed. */
  async publishHome(userId: string, view: HomeView): Promise<void> {
    await this.client.views.publish({ user_id: userId, view });
  }

  /** `fileIds`: the files the message shows from now on (Slack shares them into its channel). */
  async update(channel: string, ts: string, message: RenderedMessage, options: { fileIds?: string[] } = {}): Promise<void> {
    await this.paced('chat.update', channel, () =>
      this.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks, ...(options.fileIds ? { file_ids: options.fileIds } : {}) }),
    );
  }

  /** The direct-message channel with a person (conversations.open), opened once and cached. */
  async directMessageChannel(userId: string): Promise<string> {
    const cached = this.channelIds.get(`dm:${userId}`);
    if (cached) return cached;
    const opened = await this.client.conversations.open({ users: userId });
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open answered without a channel');
    this.channelIds.set(`dm:${userId}`, id);
    return id;
  }

  async pin(channel: string, ts: string): Promise<void> {
    await this.ignoring(['already_pinned'], () => this.client.pins.add({ channel, timestamp: ts }));
  }

  async invite(channel: string, userIds: string[]): Promise<void> {
    const users = userIds.filter((u) => u !== this.botUserId);
    if (users.length === 0) return;
    await this.ignoring(['already_in_channel', 'cant_invite_self'], () =>
      this.client.conversations.invite({ channel, users: users.join(',') }),
    );
  }

  async setTopic(channel: string, topic: string): Promise<void> {
    await this.client.conversations.setTopic({ channel, topic: topic.slice(0, 250) });
  }

  /** Creates the channel; a name already taken by a channel this bot created (a crash after create) is adopted. */
  async createChannel(names: (attempt: number) => string, isPrivate = false): Promise<{ id: string; name: string }> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const name = names(attempt);
      try {
        const result = await this.client.conversations.create({ name, is_private: isPrivate });
        return { id: result.channel!.id!, name: result.channel!.name ?? name };
      } catch (err) {
        if (platformError(err) !== 'name_taken') throw err;
        const existing = await this.findChannelByName(name);
        if (existing && existing.creator === this.botUserId) return { id: existing.id, name };
      }
    }
    throw new Error('no free channel name after 20 attempts');
  }

  /** The channel id for a name or id, joining it so the bot can post. */
  async resolveChannel(nameOrId: string): Promise<string> {
    const cached = this.channelIds.get(nameOrId);
    if (cached) return cached;
    let id = nameOrId;
    if (!/^[CG][A-Z0-9]{5,}$/.test(nameOrId)) {
      const found = await this.findChannelByName(nameOrId);
      if (!found) throw new PermanentDeliveryError(`#${nameOrId} does not exist`);
      id = found.id;
    }
    await this.ignoring(['already_in_channel', 'method_not_supported_for_channel_type'], () =>
      this.client.conversations.join({ channel: id }),
    );
    this.channelIds.set(nameOrId, id);
    return id;
  }

  private async findChannelByName(name: string): Promise<{ id: string; creator?: string } | undefined> {
    let cursor: string | undefined;
    do {
      const page = await this.client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: 1000, cursor });
      const hit = page.channels?.find((c) => c.name === name);
      if (hit?.id) return { id: hit.id, creator: hit.creator };
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return undefined;
  }

  /**
   * The ts of this outbox row's post in `target`, if an earlier send reached Slack: every page of the
   * thread (conversations.replies) or of the channel since the row was made (conversations.history).
   */
  async findEarlierPost(ref: OutboxRef, target: { channel: string; threadTs?: string }, part = 0): Promise<string | undefined> {
    const oldest = String(Math.floor(ref.createdAt.toSeconds()) - 60);
    let cursor: string | undefined;
    do {
      const page = target.threadTs
        ? await this.client.conversations.replies({ channel: target.channel, ts: target.threadTs, include_all_metadata: true, limit: LOOKUP_PAGE, cursor })
        : await this.client.conversations.history({ channel: target.channel, oldest, include_all_metadata: true, limit: LOOKUP_PAGE, cursor });
      const hit = page.messages?.find((m) => this.isPostOf(ref, m.metadata, part));
      if (hit?.ts) return hit.ts;
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return undefined;
  }

  private isPostOf(ref: OutboxRef, metadata: { event_type?: string; event_payload?: unknown } | undefined, part: number): boolean {
    if (metadata?.event_type !== METADATA_EVENT) return false;
    const ours = postMetadata.safeParse(metadata.event_payload);
    return ours.success && ours.data.outbox_id === ref.id && ours.data.installation_id === this.installationId && (ours.data.part ?? 0) === part;
  }

  private paced<T>(method: string, channel: string, call: () => Promise<T>): Promise<T> {
    return this.pacer ? this.pacer.call(method, channel, call) : call();
  }

  private async ignoring(errors: string[], call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (err) {
      if (!errors.includes(platformError(err) ?? '')) throw err;
    }
  }
}
