import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { DraftVersion } from '../db/repositories/postmortem-draft-repository.js';
import type { SlackMessageRef } from '../db/repositories/slack-message-repository.js';
import type { SlackUser } from '../db/repositories/slack-user-repository.js';
import type { RecordedAlert } from '../domain/alerts/alert.js';
import type { Incident } from '../domain/incident.js';
import type { AttachedRunbook } from '../domain/runbooks/index.js';
import type { Locale, Variant } from '../domain/postmortem/index.js';
import { SEVERITY_HISTORY_KINDS, severityHistory, type SeverityHistory } from '../domain/severity-history.js';
import type { ActionItem, MessageContent, StatusUpdate } from '../domain/timeline.js';
import { lockIncident, withLockedIncident, type TransactionDeps } from './incident-transaction.js';
import { withdrawalEvent } from './reminder-service.js';

export type { DraftVersion } from '../db/repositories/postmortem-draft-repository.js';
export type { SlackMessageRef } from '../db/repositories/slack-message-repository.js';
export type { SlackUser } from '../db/repositories/slack-user-repository.js';

/**
 * What outbox delivery reads from Postgres and what it learns from Slack (a channel, a message
 * ts, a shared file), each written in its own transaction, with a timeline event where a reader
 * of the timeline wants one.
 */
export class DeliveryService {
  constructor(private readonly deps: TransactionDeps & { clock: Clock }) {}

  incident(incidentId: number): Promise<Incident | undefined> {
    return this.deps.repos.incidents.findById(this.deps.db, incidentId);
  }

  alert(alertId: number): Promise<RecordedAlert | undefined> {
    return this.deps.repos.alerts.find(this.deps.db, alertId);
  }

  /** The incident's peak and current severity, from its timeline. */
  async severityHistory(incident: Incident): Promise<SeverityHistory> {
    const events = await this.deps.repos.timeline.listKinds(this.deps.db, incident.id, SEVERITY_HISTORY_KINDS);
    return severityHistory(events, incident.severity);
  }

  attachedRunbook(attachmentId: number): Promise<AttachedRunbook | undefined> {
    return this.deps.repos.runbooks.find(this.deps.db, attachmentId);
  }

  actionItem(actionItemId: number): Promise<ActionItem | undefined> {
    return this.deps.repos.actionItems.findById(this.deps.db, actionItemId);
  }

  statusUpdate(updateId: number): Promise<StatusUpdate | undefined> {
    return this.deps.repos.updates.findById(this.deps.db, updateId);
  }

  /** Where a long-lived message of the incident is (`card`, `announcement`, a reminder…). */
  message(incidentId: number, key: string): Promise<SlackMessageRef | undefined> {
    return this.deps.repos.messages.find(this.deps.db, incidentId, key);
  }

  recordMessage(incidentId: number, key: string, ref: SlackMessageRef): Promise<void> {
    return this.deps.repos.messages.save(this.deps.db, incidentId, key, ref);
  }

  /**
   * A replaced reminder whose earlier send is nowhere in Slack: superseded, never posted, and the
   * timeline says it was withdrawn (unless the row had stopped waiting meanwhile).
   */
  async withdrawUnsentReminder(incidentId: number, outboxId: number): Promise<void> {
    await withLockedIncident(this.deps, incidentId, lockIncident, async ({ tx, repos, now }) => {
      const withdrawn = await repos.outbox.withdrawUnsent(tx, outboxId);
      if (withdrawn) await repos.timeline.appendMany(tx, withdrawalEvent(withdrawn, now));
    });
  }

  /** The incident's channel exists: remembered on the incident and put on its timeline. */
  async recordChannel(incidentId: number, channel: { id: string; name: string }): Promise<void> {
    await withLockedIncident(this.deps, incidentId, lockIncident, async ({ tx, repos, writer }) => {
      await repos.incidents.update(tx, incidentId, { channelId: channel.id, channelName: channel.name });
      await writer.record('channel_created', null, { channelId: channel.id, channelName: channel.name });
    });
  }

  /** Every shared version of one draft, oldest first. */
  draftVersions(incidentId: number, locale: Locale, variant: Variant): Promise<DraftVersion[]> {
    return this.deps.repos.drafts.list(this.deps.db, incidentId, locale, variant);
  }

  /** The version an outbox row already uploaded (a retried delivery), if any. */
  draftVersionOf(outboxId: number): Promise<DraftVersion | undefined> {
    return this.deps.repos.drafts.forOutbox(this.deps.db, outboxId);
  }

  /** An uploaded draft becomes the next version, written now. */
  async recordDraftVersion(version: Omit<DraftVersion, 'writtenAt'>): Promise<DraftVersion> {
    const saved = { ...version, writtenAt: this.deps.clock.now() };
    await this.deps.repos.drafts.insert(this.deps.db, saved);
    return saved;
  }

  /**
   * A draft version is shown in the incident channel: on the timeline, and, for the internal
   * draft (`keys` given), remembered for the #incidents announcement and App Home, re-rendered with its link.
   */
  async recordPostmortemShared(
    incidentId: number,
    shared: { channelId: string; fileId: string; permalink: string | null },
    keys?: { file: string; link: string },
  ): Promise<void> {
    await withLockedIncident(this.deps, incidentId, lockIncident, async ({ tx, repos, writer }) => {
      if (keys) {
        await repos.messages.save(tx, incidentId, keys.file, { channelId: shared.channelId, ts: shared.fileId });
        if (shared.permalink) await repos.messages.save(tx, incidentId, keys.link, { channelId: shared.channelId, ts: shared.permalink });
        await writer.enqueue({ kind: 'announcement.sync' });
        await writer.refreshHomes();
      }
      await writer.record('postmortem_shared', null, { fileId: shared.fileId, permalink: shared.permalink });
    });
  }

  /** What Slack said of a message on the timeline (its permalink, and its content when asked for). */
  async recordMessageFetched(
    incidentId: number,
    fetched: { channelId: string; messageTs: string; authorId: string | null; permalink: string | null; content: MessageContent | null },
  ): Promise<void> {
    await withLockedIncident(this.deps, incidentId, lockIncident, async ({ writer }) => {
      await writer.record('message_fetched', null, fetched);
    });
  }

  /** Ids among `ids` whose cached name is missing or older than `freshSince`. */
  usersToLookUp(ids: readonly string[], freshSince: DateTime): Promise<string[]> {
    return this.deps.repos.slackUsers.staleOrMissing(this.deps.db, ids, freshSince);
  }

  rememberUser(user: SlackUser): Promise<void> {
    return this.deps.repos.slackUsers.upsert(this.deps.db, user, this.deps.clock.now());
  }
}
