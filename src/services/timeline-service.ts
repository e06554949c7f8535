import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import { DomainError } from '../domain/errors.js';
import { assertNotFuture, TIME_FIELDS } from '../domain/incident-times.js';
import { incidentRef, type Incident } from '../domain/incident.js';
import { conversationEntries, type ConversationEntry } from '../domain/conversation.js';
import { CONVERSATION_KINDS, CORRECTION_KINDS, DELIVERY_RECORD_KINDS, EDITABLE_KINDS, type Milestone, type TimelineEvent } from '../domain/timeline.js';
import { currentTimeline } from '../domain/timeline-corrections.js';
import { checkEntryChange } from './access.js';
import { authorize, lockIncident, withLockedIncident, type IncidentChange, type TransactionDeps } from './incident-transaction.js';

/** What the timeline form gives: when it happened, what, and the milestone it marks (if any). */
export interface EntryInput {
  at: DateTime;
  text: string;
  milestone: Milestone | null;
}

export const ENTRY_TEXT_MAX_LENGTH = 3000;
/** The form's field names, for DomainError.field. */
export const ENTRY_FIELDS = { at: TIME_FIELDS.at, text: 'text' } as const;

/** The timeline as people read it: entries written after the fact, and their corrections. */
export interface TimelineView {
  incident: Incident;
  /** As it reads now (see currentTimeline), without delivery's own records or the conversation's. */
  entries: TimelineEvent[];
  /** Messages put on the timeline, one per message as it reads now (see conversationEntries). */
  messages: ConversationEntry[];
}

/**
 * Timeline entries people write (the timeline form), edit and remove. An edit or a removal is
 * itself recorded (`entry_edited`, `entry_removed`); the entry reads as last edited.
 */
export class TimelineService {
  constructor(private readonly deps: TransactionDeps & { clock: Clock }) {}

  forRequest(key: string): TimelineService {
    return new TimelineService({ ...this.deps, requestKey: key });
  }

  /** The timeline as `viewerId` may read it: a private incident's only for its people and channel members. */
  async view(incidentId: number, viewerId: string): Promise<TimelineView | undefined> {
    const { db, repos, access } = this.deps;
    const incident = await repos.incidents.findById(db, incidentId);
    if (!incident) return undefined;
    if (access && !(await access.canSee(viewerId, incident))) {
      throw new DomainError('forbidden', (t) => t.errors.privateTimeline(incidentRef(incident.id)));
    }
    const events = await repos.timeline.listForIncident(db, incidentId);
    const entries = currentTimeline(events).filter((e) => !DELIVERY_RECORD_KINDS.has(e.kind) && !CONVERSATION_KINDS.has(e.kind));
    return { incident, entries, messages: conversationEntries(events) };
  }

  /** One entry as it reads now, if it is one people may edit and it was not removed. */
  async editableEntry(incidentId: number, entryId: number, viewerId: string): Promise<TimelineEvent | undefined> {
    const view = await this.view(incidentId, viewerId);
    return view?.entries.find((e) => e.id === entryId && EDITABLE_KINDS.has(e.kind));
  }

  async addEntry(incidentId: number, actorId: string, entry: EntryInput): Promise<void> {
    const text = checkedText(entry.text);
    await authorize(this.deps, 'add_note', actorId, incidentId);
    await withLockedIncident(this.deps, incidentId, lockIncident, async ({ now, writer }) => {
      assertNotFuture(entry.at, now, ENTRY_FIELDS.at);
      await writer.recordBackdated('note_added', actorId, { text, milestone: entry.milestone }, entry.at);
      await writer.notice({ type: 'note_added', actorId, text });
    });
  }

  async editEntry(incidentId: number, entryId: number, actorId: string, entry: EntryInput): Promise<void> {
    const text = checkedText(entry.text);
    await withLockedIncident(this.deps, incidentId, lockIncident, async (change) => {
      await this.changeable(change, entryId, actorId);
      assertNotFuture(entry.at, change.now, ENTRY_FIELDS.at);
      await change.writer.record('entry_edited', actorId, { entryId, text, at: entry.at.toUTC().toISO()!, milestone: entry.milestone });
    });
  }

  async removeEntry(incidentId: number, entryId: number, actorId: string): Promise<void> {
    await withLockedIncident(this.deps, incidentId, lockIncident, async (change) => {
      await this.changeable(change, entryId, actorId);
      await change.writer.record('entry_removed', actorId, { entryId });
    });
  }

  /** The entry exists, is one people wrote, is still on the timeline, and `actorId` may change it. */
  private async changeable({ tx, repos, incident }: IncidentChange, entryId: number, actorId: string): Promise<void> {
    const events = await repos.timeline.listForIncident(tx, incident.id);
    const entry = events.find((e) => e.id === entryId);
    const gone = events.some((e) => e.kind === 'entry_removed' && e.data.entryId === entryId);
    if (!entry || !EDITABLE_KINDS.has(entry.kind) || CORRECTION_KINDS.has(entry.kind) || gone) {
      throw new DomainError('not_found', (t) => t.errors.entryGoneFrom(incidentRef(incident.id)));
    }
    (this.deps.access ?? { checkEntryChange }).checkEntryChange(actorId, entry.actorId, incident);
  }
}

function checkedText(raw: string): string {
  const text = raw.trim();
  if (!text) throw new DomainError('invalid_input', (t) => t.errors.entryTextMissing, ENTRY_FIELDS.text);
  if (text.length > ENTRY_TEXT_MAX_LENGTH) {
    throw new DomainError('invalid_input', (t) => t.errors.entryTextTooLong(ENTRY_TEXT_MAX_LENGTH), ENTRY_FIELDS.text);
  }
  return text;
}
