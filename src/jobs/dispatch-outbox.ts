import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import type { OutboxMessage } from '../db/repositories/outbox-repository.js';
import { channelNameFor } from '../domain/channel-name.js';
import { incidentRef, type Incident } from '../domain/incident.js';
import { SEVERITY_INFO } from '../domain/severity.js';
import type { StatusUpdate } from '../domain/timeline.js';
import type { Logger } from '../logger.js';
import type { Notice, OutboxIntent, PostTarget } from '../services/outbox-messages.js';
import { reminderMessageKey, type ReminderEdit, type ReminderView } from '../services/reminder-messages.js';
import { POSTMORTEM_LINK_KEY, type PostmortemPublisher } from './publish-postmortem.js';
import { backoffSeconds, classifySlackError } from './slack-errors.js';
import type { RenderedMessage, SlackPoster } from './slack-poster.js';

export interface OutboxRenderer {
  card(incident: Incident): RenderedMessage;
  /** `postmortemUrl`: the uploaded postmortem draft, once there is one. */
  announcement(incident: Incident, extras?: { postmortemUrl?: string }): RenderedMessage;
  statusUpdate(incident: Incident, update: StatusUpdate): RenderedMessage;
  notice(incident: Incident, notice: Notice): RenderedMessage;
  reminder(incident: Incident, reminder: ReminderView, closed?: ReminderEdit['closed']): RenderedMessage;
}

export interface DispatcherDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  poster: SlackPoster;
  renderer: OutboxRenderer;
  incidentsChannel: string;
  logger: Logger;
  batchSize?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  /** Uploads the postmortem draft (`postmortem.publish`); without it those messages fail. */
  postmortems?: PostmortemPublisher;
}

class NotYetDeliverable extends Error {}

/**
 * Delivers the outbox to Slack: claims rows (one per incident at a time, so each incident's
 * messages keep their order), sends, records the message ts, and reschedules failures with
 * backoff or Slack's Retry-After. Any number of replicas may run it at once.
 */
export class OutboxDispatcher {
  private running: Promise<number> | undefined;
  private again = false;

  constructor(private readonly deps: DispatcherDeps) {}

  /** Starts a drain unless one is running; a running drain goes round once more. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainLoop().finally(() => {
      this.running = undefined;
    });
    this.running.catch((err: unknown) => this.deps.logger.error({ err }, 'outbox drain failed'));
  }

  /** Delivers everything deliverable now; resolves with how many messages were delivered. */
  async drain(): Promise<number> {
    if (this.running) await this.running.catch(() => 0);
    this.running = this.drainLoop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Waits for a running drain to finish, for shutdown. */
  async drainSettled(): Promise<void> {
    await this.running?.catch(() => 0);
  }

  private async drainLoop(): Promise<number> {
    let delivered = 0;
    do {
      this.again = false;
      for (;;) {
        const now = this.deps.clock.now();
        const batch = await this.deps.repos.outbox.claim(this.deps.db, now, this.deps.batchSize ?? 25, this.deps.leaseSeconds ?? 60);
        if (batch.length === 0) break;
        const results = await Promise.all(batch.map((m) => this.deliverOne(m)));
        delivered += results.filter(Boolean).length;
        if (!results.some(Boolean)) break;
      }
    } while (this.again);
    return delivered;
  }

  private async deliverOne(message: OutboxMessage): Promise<boolean> {
    const { repos, db, clock, logger } = this.deps;
    const log = logger.child({ outboxId: message.id, incidentId: message.incidentId, kind: message.kind });
    try {
      await this.deliver(message);
      await repos.outbox.markDelivered(db, message.id, clock.now());
      return true;
    } catch (err) {
      const failure = err instanceof NotYetDeliverable ? { type: 'transient' as const, message: err.message } : classifySlackError(err);
      const permanent = failure.type === 'permanent' || (err as { permanent?: boolean }).permanent === true;
      if (permanent || message.attempts >= (this.deps.maxAttempts ?? 60)) {
        log.error({ error: failure.message, attempts: message.attempts }, 'outbox message dropped: Slack will not accept it');
        await repos.outbox.markFailed(db, message.id, failure.message);
        return false;
      }
      const delay = failure.type === 'rate_limited' ? failure.retryAfterSeconds : backoffSeconds(message.attempts);
      log.warn({ error: failure.message, retryInSeconds: delay, attempts: message.attempts }, 'outbox delivery will be retried');
      await repos.outbox.retryLater(db, message.id, clock.now().plus({ seconds: delay }), failure.message);
      return false;
    }
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    const { repos, db, poster, renderer } = this.deps;
    const intent = message.payload as unknown as OutboxIntent;
    const incident = message.incidentId === null ? undefined : await repos.incidents.findById(db, message.incidentId);
    if (!incident) throw Object.assign(new Error(`incident ${message.incidentId} is gone`), { permanent: true });

    switch (intent.kind) {
      case 'channel.create':
        return this.createChannel(incident, intent.inviteUserIds);
      case 'channel.invite':
        return poster.invite(this.channelOf(incident), intent.userIds);
      case 'card.sync':
        return this.sync(message, incident, 'card', this.channelOf(incident), renderer.card(incident), true);
      case 'announcement.sync': {
        const channel = await poster.resolveChannel(this.deps.incidentsChannel);
        const link = await repos.messages.find(db, incident.id, POSTMORTEM_LINK_KEY);
        return this.sync(message, incident, 'announcement', channel, renderer.announcement(incident, { postmortemUrl: link?.ts }), false);
      }
      case 'postmortem.publish':
        if (!this.deps.postmortems) throw Object.assign(new Error('postmortem publishing is not configured'), { permanent: true });
        return this.deps.postmortems.publish(message, incident, intent.locale);
      case 'update.post': {
        const update = await repos.updates.findById(db, intent.updateId);
        if (!update) throw Object.assign(new Error(`status update ${intent.updateId} is gone`), { permanent: true });
        await poster.post(message, await this.target(incident, intent.target), renderer.statusUpdate(incident, update));
        return;
      }
      case 'notice.post':
        await poster.post(message, await this.target(incident, intent.target), renderer.notice(incident, intent.notice));
        return;
      case 'reminder.post':
        return this.postReminder(message, incident, intent.reminder);
      case 'reminder.edit': {
        const { view, closed } = intent.edit;
        const sent = await repos.messages.find(db, incident.id, reminderMessageKey(view.cycle, view.stage));
        if (sent) await poster.update(sent.channelId, sent.ts, renderer.reminder(incident, view, closed));
        return;
      }
    }
  }

  /** Stages 1–2 in the incident channel, the overdue notice (stage 3) in #incidents; ts kept for edits. */
  private async postReminder(message: OutboxMessage, incident: Incident, view: ReminderView): Promise<void> {
    const { repos, db, poster, renderer } = this.deps;
    const channel = view.stage === 3 ? await poster.resolveChannel(this.deps.incidentsChannel) : this.channelOf(incident);
    const ts = await poster.post(message, { channel }, renderer.reminder(incident, view));
    await repos.messages.save(db, incident.id, reminderMessageKey(view.cycle, view.stage), { channelId: channel, ts });
  }

  private async createChannel(incident: Incident, invite: string[]): Promise<void> {
    const { poster, repos, db } = this.deps;
    let channelId = incident.channelId;
    if (!channelId) {
      const created = await poster.createChannel((attempt) =>
        channelNameFor(incident.id, incident.title, attempt === 0 ? undefined : attempt + 1),
      );
      await repos.incidents.update(db, incident.id, { channelId: created.id, channelName: created.name });
      channelId = created.id;
    }
    await poster.invite(channelId, invite);
    await poster.setTopic(channelId, `${incidentRef(incident.id)} · ${SEVERITY_INFO[incident.severity].label} · ${incident.title}`);
  }

  /** Posts the long-lived message the first time, edits it in place afterwards. */
  private async sync(message: OutboxMessage, incident: Incident, key: string, channel: string, rendered: RenderedMessage, pin: boolean) {
    const { repos, db, poster } = this.deps;
    const existing = await repos.messages.find(db, incident.id, key);
    if (existing) return poster.update(existing.channelId, existing.ts, rendered);
    const ts = await poster.post(message, { channel }, rendered);
    await repos.messages.save(db, incident.id, key, { channelId: channel, ts });
    if (pin) await poster.pin(channel, ts);
  }

  private async target(incident: Incident, target: PostTarget): Promise<{ channel: string; threadTs?: string }> {
    if (target === 'incident') return { channel: this.channelOf(incident) };
    const announcement = await this.deps.repos.messages.find(this.deps.db, incident.id, 'announcement');
    if (!announcement) throw new NotYetDeliverable('the announcement is not posted yet');
    return { channel: announcement.channelId, threadTs: announcement.ts };
  }

  private channelOf(incident: Incident): string {
    if (!incident.channelId) throw new NotYetDeliverable(`${incidentRef(incident.id)} has no channel yet`);
    return incident.channelId;
  }
}
