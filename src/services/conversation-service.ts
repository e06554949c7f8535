import type { Clock } from '../clock.js';
import type { Executor } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import { isOnTimeline, messageTime } from '../domain/conversation.js';
import { DomainError } from '../domain/errors.js';
import { incidentRef, type Incident } from '../domain/incident.js';
import type { MessageContent } from '../domain/timeline.js';
import { IncidentWriter, lockIncident, runInTransaction, type TransactionDeps } from './incident-transaction.js';
import { OpenIncidents } from './open-incidents.js';

export interface MessageRef {
  channelId: string;
  messageTs: string;
}

/** A Slack message, as far as its event or payload told us. */
export interface MessageInput extends MessageRef {
  authorId: string | null;
  /** Null when the event carried none (a reaction): delivery reads it from Slack. */
  content: MessageContent | null;
}

export type PinOutcome = { result: 'added' | 'already'; incident: Incident };

/** What an event did: `retry` for an event id seen before, `ignored` when it concerned no incident. */
export type EventOutcome = 'recorded' | 'retry' | 'ignored';

/**
 * The incident channel's conversation on the timeline: messages pinned with the timeline emoji or
 * the message shortcut, their edits, un-pinning and deletion, each one event in the incident's
 * transaction. Slack's events are applied once per event id (the id is written in the same
 * transaction). What an event carries is stored at once; the rest (text, permalink) is read
 * from Slack by delivery (`message.fetch`), so a Slack outage delays it but loses nothing.
 */
export class ConversationService {
  constructor(private readonly deps: TransactionDeps & { clock: Clock }) {}

  forRequest(key: string): ConversationService {
    return new ConversationService({ ...this.deps, requestKey: key });
  }

  /**
   * A 📌 added in an incident channel. No access check: whoever reacted sees the channel, and the
   * message stays in its own incident, so a private incident's words go nowhere else.
   */
  reactionAdded(eventId: string, reactorId: string, message: MessageInput): Promise<EventOutcome> {
    return runInTransaction(this.deps, async (tx, repos) => {
      const incident = await repos.incidents.findByChannel(tx, message.channelId);
      if (!incident) return 'ignored';
      if (!(await this.firstSeen(tx, repos, eventId))) return 'retry';
      await this.pin(tx, repos, incident.id, reactorId, 'reaction', message);
      return 'recorded';
    });
  }

  /** That person's 📌 is gone: the message leaves the timeline unless someone else's is still on it. */
  reactionRemoved(eventId: string, reactorId: string, ref: MessageRef): Promise<EventOutcome> {
    return runInTransaction(this.deps, async (tx, repos) => {
      const incident = await repos.incidents.findByChannel(tx, ref.channelId);
      if (!incident) return 'ignored';
      if (!(await this.firstSeen(tx, repos, eventId))) return 'retry';
      const writer = await this.locked(tx, repos, incident.id);
      const events = await repos.timeline.listForMessage(tx, incident.id, ref.channelId, ref.messageTs);
      const pinnedByThem = events.some((e) => e.kind === 'message_pinned' && e.actorId === reactorId && e.data.via === 'reaction');
      if (!pinnedByThem) return 'ignored';
      await writer.record('message_unpinned', reactorId, ref);
      return 'recorded';
    });
  }

  /** The message was edited: every incident that has it on its timeline keeps the new text. */
  messageEdited(eventId: string, editorId: string | null, ref: MessageRef, content: MessageContent): Promise<EventOutcome> {
    return this.onEveryIncidentWith(eventId, ref, (writer) => writer.record('message_edited', editorId, { ...ref, content }));
  }

  /** The message was deleted: its entries are marked removed (their history stays). */
  messageDeleted(eventId: string, ref: MessageRef): Promise<EventOutcome> {
    return this.onEveryIncidentWith(eventId, ref, (writer) => writer.record('message_deleted', null, ref));
  }

  /** The message shortcut used in an incident's own channel: added there, whoever can see the channel. */
  addFromIncidentChannel(actorId: string, message: MessageInput): Promise<PinOutcome | undefined> {
    return runInTransaction(this.deps, async (tx, repos) => {
      const incident = await repos.incidents.findByChannel(tx, message.channelId);
      return incident ? this.pin(tx, repos, incident.id, actorId, 'shortcut', message) : undefined;
    });
  }

  /** The message shortcut used elsewhere: added to the incident the person chose, if they may see it. */
  async addToIncident(incidentId: number, actorId: string, message: MessageInput): Promise<PinOutcome> {
    const incident = await this.deps.repos.incidents.findById(this.deps.db, incidentId);
    if (!incident || !(await this.canSee(actorId, incident))) {
      throw new DomainError('not_found', (t) => t.errors.noIncidentYouCanSee(incidentRef(incidentId)));
    }
    return runInTransaction(this.deps, (tx, repos) => this.pin(tx, repos, incidentId, actorId, 'shortcut', message));
  }

  /**
   * Incidents a person may add messages to from elsewhere: the first `limit` open ones they may
   * see whose title contains `search` or whose number it is (all when empty), most severe and
   * most recent first (a bounded read, for the picker that searches as they type).
   */
  choicesFor(userId: string, limit: number, search = ''): Promise<Incident[]> {
    return new OpenIncidents(this.deps).first(userId, limit, search);
  }

  private canSee(userId: string, incident: Incident): Promise<boolean> {
    // Without an access policy (the CLI, service tests) only public incidents are offered.
    return this.deps.access ? this.deps.access.canSee(userId, incident) : Promise.resolve(!incident.isPrivate);
  }

  private async pin(
    tx: Executor, repos: Repositories, incidentId: number, actorId: string, via: 'reaction' | 'shortcut', message: MessageInput,
  ): Promise<PinOutcome> {
    const writer = await this.locked(tx, repos, incidentId);
    const incident = (await repos.incidents.findById(tx, incidentId))!;
    const { channelId, messageTs } = message;
    const events = await repos.timeline.listForMessage(tx, incidentId, channelId, messageTs);
    if (via === 'shortcut' && isOnTimeline(events, channelId, messageTs)) return { result: 'already', incident };
    const at = messageTime(messageTs) ?? this.deps.clock.now();
    await writer.record('message_pinned', actorId, { channelId, messageTs, via, authorId: message.authorId, content: message.content }, at);
    const fetched = events.some((e) => e.kind === 'message_fetched');
    if (!fetched || message.content === null) await writer.enqueue({ kind: 'message.fetch', channelId, messageTs, content: message.content === null });
    return { result: 'added', incident };
  }

  private async locked(tx: Executor, repos: Repositories, incidentId: number): Promise<IncidentWriter> {
    await lockIncident(tx, repos, incidentId);
    return new IncidentWriter(tx, repos, incidentId, this.deps.clock.now());
  }

  /** False for Slack's retry of an event handled before; the id is kept in the caller's transaction. */
  private firstSeen(tx: Executor, repos: Repositories, eventId: string): Promise<boolean> {
    return repos.events.markFirstSeen(tx, eventId, this.deps.clock.now());
  }

  private onEveryIncidentWith(
    eventId: string, ref: MessageRef, record: (writer: IncidentWriter) => Promise<unknown>,
  ): Promise<EventOutcome> {
    // Most edits and deletions concern no incident: those are looked up, never written.
    return runInTransaction(this.deps, async (tx, repos) => {
      const ids = await repos.timeline.incidentsWithMessage(tx, ref.channelId, ref.messageTs);
      if (ids.length === 0) return 'ignored';
      if (!(await this.firstSeen(tx, repos, eventId))) return 'retry';
      for (const id of ids) await record(await this.locked(tx, repos, id));
      return 'recorded';
    });
  }
}
