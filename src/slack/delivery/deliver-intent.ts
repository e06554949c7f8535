import { channelNameFor } from '../../domain/channel-name.js';
import { incidentRef, type Incident } from '../../domain/incident.js';
import type { ReminderView } from '../../domain/reminder-view.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import { DeliveryDeferred, PermanentDeliveryError } from '../../outbox/failure.js';
import type { PostTarget } from '../../outbox/intents.js';
import type { OutboxMessage } from '../../outbox/outbox-repository.js';
import type { DeliveryOutcome } from '../../outbox/dispatcher.js';
import type { DeliveryService } from '../../services/delivery-service.js';
import type { HomeService } from '../../services/home-service.js';
import type { ReaderLanguages } from '../../services/reader-languages.js';
import { appHome } from '../blocks/app-home.js';
import { ANNOUNCEMENT_KEY, CARD_KEY, checklistMessageKey, POSTMORTEM_LINK_KEY, reminderMessageKey, reminderThreadKey } from './message-keys.js';
import type { FollowupReminder } from './followup-reminder.js';
import type { DigestPublisher } from './insights-digest-publisher.js';
import type { PostmortemPublisher } from './postmortem-publisher.js';
import type { OutboxRenderer } from './renderer.js';
import type { SlackMessageReader } from './slack-message-reader.js';
import type { RenderedMessage, SlackPoster } from './slack-poster.js';

export interface IntentDeliveryDeps {
  delivery: DeliveryService;
  poster: SlackPoster;
  renderer: OutboxRenderer;
  incidentsChannel: string;
  /** Where reminders go: #incidents under the announcement (the default), the incident's channel, or both. */
  remindersIn: RemindersIn;
  /** App Home: who sees what, and when each person's was last published. */
  homes: HomeService;
  /** Each person's App Home in their own language. */
  languages: Pick<ReaderLanguages, 'textsOf'>;
  /** Uploads the postmortem draft (`postmortem.publish`); without it those messages fail. */
  postmortems?: PostmortemPublisher;
  /** Reads messages put on the timeline (`message.fetch`); without it those messages fail. */
  messages?: SlackMessageReader;
  /** Sends due action items to their owners (`followup.remind`); without it those messages fail. */
  followups?: FollowupReminder;
  /** Posts the weekly insights digest (`insights.digest`); without it those messages fail. */
  digests?: DigestPublisher;
}

export type RemindersIn = 'incidents' | 'incident' | 'both';

interface ReminderCopy {
  target: { channel: string; threadTs?: string; broadcast?: boolean };
  /** Where its ts is kept (src/slack/delivery/message-keys.ts). */
  key: string;
}

/** A private incident's updates and notices stay in its own channel, out of #incidents. */
const keptPrivate = (incident: Incident, target: PostTarget): boolean => incident.isPrivate && target === 'announcement_thread';

/**
 * Sends one outbox intent to Slack, rendered from the incident as it is now. Records what Slack
 * answered (message ts, channel) through the delivery service; throws for the dispatcher's
 * failure policy.
 */
export class IntentDelivery {
  constructor(private readonly deps: IntentDeliveryDeps) {}

  readonly deliver = async (message: OutboxMessage): Promise<DeliveryOutcome | void> => {
    const { delivery, poster, renderer } = this.deps;
    const intent = message.intent;
    if (intent.kind === 'alert.post') return this.postAlert(message, intent.alertId);
    if (intent.kind === 'home.refresh') return void (await this.deps.homes.queuePublishes());
    if (intent.kind === 'home.publish') return this.publishHome(intent.userId);
    if (intent.kind === 'insights.digest') {
      if (!this.deps.digests) throw new PermanentDeliveryError('the insights digest is not configured');
      return this.deps.digests.publish(message, await this.incidentsChannel(), intent);
    }
    const incident = message.incidentId === null ? undefined : await delivery.incident(message.incidentId);
    if (!incident) throw new PermanentDeliveryError(`incident ${message.incidentId} is gone`);

    switch (intent.kind) {
      case 'channel.create':
        return this.createChannel(incident, intent.inviteUserIds);
      case 'channel.invite':
        return poster.invite(this.channelOf(incident), intent.userIds);
      case 'card.sync': {
        const channel = this.channelOf(incident);
        return this.sync(message, incident, CARD_KEY, channel, renderer.card(incident, await delivery.severityHistory(incident)), true);
      }
      case 'announcement.sync': {
        const channel = await this.incidentsChannel();
        const link = await delivery.message(incident.id, POSTMORTEM_LINK_KEY);
        const severity = await delivery.severityHistory(incident);
        return this.sync(message, incident, ANNOUNCEMENT_KEY, channel, renderer.announcement(incident, { postmortemUrl: link?.ts, severity }), false);
      }
      case 'postmortem.publish':
        if (!this.deps.postmortems) throw new PermanentDeliveryError('postmortem publishing is not configured');
        return this.deps.postmortems.publish(message, incident, { locale: intent.locale, variant: intent.variant ?? 'internal' });
      case 'checklist.sync':
        return this.syncChecklist(message, incident, intent.attachmentId);
      case 'followup.remind':
        if (!this.deps.followups) throw new PermanentDeliveryError('follow-up reminders are not configured');
        return this.deps.followups.remind(message, incident, intent.actionItemId);
      case 'update.post': {
        if (keptPrivate(incident, intent.target)) return;
        const update = await delivery.statusUpdate(intent.updateId);
        if (!update) throw new PermanentDeliveryError(`status update ${intent.updateId} is gone`);
        await poster.post(message, await this.target(incident, intent.target), renderer.statusUpdate(incident, update));
        return;
      }
      case 'notice.post': {
        if (keptPrivate(incident, intent.target)) return;
        const severity = intent.notice.type === 'resolved' ? await delivery.severityHistory(incident) : undefined;
        await poster.post(message, await this.target(incident, intent.target), renderer.notice(incident, intent.notice, severity));
        return;
      }
      case 'reminder.post':
        return this.postReminder(message, incident, intent.reminder);
      case 'alert.notice': {
        const alert = await delivery.alert(intent.alertId);
        if (!alert) throw new PermanentDeliveryError(`alert ${intent.alertId} is gone`);
        await poster.post(message, { channel: this.channelOf(incident) }, renderer.alertNotice(incident, alert, intent.suggestResolve));
        return;
      }
      case 'message.fetch':
        return this.fetchMessage(incident, intent.channelId, intent.messageTs, intent.content);
      case 'reminder.edit': {
        // Every copy, wherever it was posted, says the same (answered by …, snoozed until …).
        const { view, closed } = intent.edit;
        for (const key of [reminderMessageKey(view.cycle, view.stage), reminderThreadKey(view.cycle, view.stage)]) {
          const sent = await delivery.message(incident.id, key);
          if (sent) await poster.update(sent.channelId, sent.ts, renderer.reminder(incident, view, closed));
        }
        return;
      }
    }
  };

  /**
   * Where REMINDERS_IN says: in #incidents as a reply to the incident's announcement, broadcast to
   * the channel (the default: the people watching #incidents see what is due), in the incident's
   * own channel (its overdue notice then goes to #incidents), or both. A private incident's stay in
   * its own channel. Each copy's ts is kept for the edits.
   */
  private async postReminder(message: OutboxMessage, incident: Incident, view: ReminderView): Promise<DeliveryOutcome> {
    const { delivery, poster, renderer } = this.deps;
    const copies = await this.reminderCopies(incident, view);
    if (message.withdrawing) return this.keepOrWithdraw(message, incident, copies);
    const rendered = renderer.reminder(incident, view);
    for (const { target, key } of copies) {
      const ts = await poster.post(message, target, rendered);
      await delivery.recordMessage(incident.id, key, { channelId: target.channel, ts });
    }
    return 'sent';
  }

  private async reminderCopies(incident: Incident, view: ReminderView): Promise<ReminderCopy[]> {
    const where = incident.isPrivate ? 'incident' : this.deps.remindersIn;
    const copies: ReminderCopy[] = [];
    if (where === 'incidents' || where === 'both') {
      const target = await this.target(incident, 'announcement_thread');
      copies.push({ target: { ...target, broadcast: true }, key: reminderThreadKey(view.cycle, view.stage) });
    }
    if (where === 'incident' || where === 'both') {
      const toIncidents = where === 'incident' && view.stage === 3 && !incident.isPrivate;
      const channel = toIncidents ? await this.incidentsChannel() : this.channelOf(incident);
      copies.push({ target: { channel }, key: reminderMessageKey(view.cycle, view.stage) });
    }
    return copies;
  }

  /**
   * A reminder replaced after a send whose answer was lost: what reached Slack is kept (its ts
   * recorded, so the closing edits find it), and if nothing did it is withdrawn, never posted late.
   */
  private async keepOrWithdraw(message: OutboxMessage, incident: Incident, copies: ReminderCopy[]): Promise<DeliveryOutcome> {
    const { delivery, poster } = this.deps;
    let found = false;
    for (const { target, key } of copies) {
      const ts = await poster.findEarlierPost(message, target);
      if (!ts) continue;
      found = true;
      await delivery.recordMessage(incident.id, key, { channelId: target.channel, ts });
    }
    if (found) return 'sent';
    await delivery.withdrawUnsentReminder(incident.id, message.id);
    return 'withdrawn';
  }

  /** Rendered from Postgres now, so a publish that waited out the throttle shows the latest. */
  private async publishHome(userId: string): Promise<void> {
    const { delivery, homes, poster, languages } = this.deps;
    const data = await homes.view(userId);
    const draftLinks = new Map<number, string>();
    for (const incident of data.recentlyResolved) {
      const link = await delivery.message(incident.id, POSTMORTEM_LINK_KEY);
      if (link) draftLinks.set(incident.id, link.ts);
    }
    await poster.publishHome(userId, appHome({ data, draftLinks, texts: await languages.textsOf(userId) }));
    await homes.published(userId);
  }

  private async postAlert(message: OutboxMessage, alertId: number): Promise<void> {
    const alert = await this.deps.delivery.alert(alertId);
    if (!alert) throw new PermanentDeliveryError(`alert ${alertId} is gone`);
    await this.deps.poster.post(message, { channel: await this.incidentsChannel() }, this.deps.renderer.alertPost(alert));
  }

  /** A message on the timeline, read back from Slack: its permalink, and its text when the pin carried none. */
  private async fetchMessage(incident: Incident, channelId: string, messageTs: string, content: boolean): Promise<void> {
    const reader = this.deps.messages;
    if (!reader) throw new PermanentDeliveryError('reading messages is not configured');
    const ref = { channelId, messageTs };
    const fetched = content
      ? await reader.read(channelId, messageTs)
      : { authorId: null, permalink: await reader.permalink(channelId, messageTs), content: null };
    await this.deps.delivery.recordMessageFetched(incident.id, { ...ref, ...fetched });
  }

  private async createChannel(incident: Incident, invite: string[]): Promise<void> {
    const { poster, delivery } = this.deps;
    let channelId = incident.channelId;
    if (!channelId) {
      const created = await poster.createChannel(
        (attempt) => channelNameFor(incident.id, incident.title, attempt === 0 ? undefined : attempt + 1),
        incident.isPrivate,
      );
      await delivery.recordChannel(incident.id, created);
      channelId = created.id;
    }
    await poster.invite(channelId, invite);
    await poster.setTopic(channelId, `${incidentRef(incident.id)} · ${SEVERITY_INFO[incident.severity].label} · ${incident.title}`);
  }

  /**
   * An attached runbook's checklist, always in the incident's own channel (a private incident's
   * never leaves it): each part posted and pinned the first time, edited in place afterwards.
   */
  private async syncChecklist(message: OutboxMessage, incident: Incident, attachmentId: number): Promise<void> {
    const runbook = await this.deps.delivery.attachedRunbook(attachmentId);
    if (!runbook || runbook.incidentId !== incident.id) throw new PermanentDeliveryError(`checklist ${attachmentId} is gone`);
    const channel = this.channelOf(incident);
    const parts = this.deps.renderer.checklist(incident, runbook);
    for (const [part, rendered] of parts.entries()) {
      await this.sync(message, incident, checklistMessageKey(attachmentId, part), channel, rendered, true, part);
    }
  }

  /** Posts the long-lived message the first time, edits it in place afterwards. */
  private async sync(message: OutboxMessage, incident: Incident, key: string, channel: string, rendered: RenderedMessage, pin: boolean, part = 0) {
    const { delivery, poster } = this.deps;
    const existing = await delivery.message(incident.id, key);
    if (existing) return poster.update(existing.channelId, existing.ts, rendered);
    const ts = await poster.post(message, { channel }, rendered, part);
    await delivery.recordMessage(incident.id, key, { channelId: channel, ts });
    if (pin) await poster.pin(channel, ts);
  }

  private async target(incident: Incident, target: PostTarget): Promise<{ channel: string; threadTs?: string }> {
    if (target === 'incident') return { channel: this.channelOf(incident) };
    const announcement = await this.deps.delivery.message(incident.id, ANNOUNCEMENT_KEY);
    if (!announcement) throw new DeliveryDeferred('the announcement is not posted yet');
    return { channel: announcement.channelId, threadTs: announcement.ts };
  }

  private incidentsChannel(): Promise<string> {
    return this.deps.poster.resolveChannel(this.deps.incidentsChannel);
  }

  private channelOf(incident: Incident): string {
    if (!incident.channelId) throw new DeliveryDeferred(`${incidentRef(incident.id)} has no channel yet`);
    return incident.channelId;
  }
}
