import type { Role, Status } from '../domain/incident.js';
import type { Severity } from '../domain/severity.js';
import type { ReminderEdit, ReminderView } from './reminder-messages.js';

/**
 * What the outbox carries: intents, not rendered blocks. The dispatcher renders them from the
 * state in Postgres when it sends, so an edit after an outage shows the incident as it is now.
 */
export type OutboxIntent =
  | { kind: 'channel.create'; inviteUserIds: string[] }
  | { kind: 'channel.invite'; userIds: string[] }
  | { kind: 'card.sync' }
  | { kind: 'announcement.sync' }
  | { kind: 'update.post'; updateId: number; target: PostTarget }
  | { kind: 'notice.post'; notice: Notice; target: PostTarget }
  /** Stages 1 and 2 go to the incident channel, stage 3 (overdue) to #incidents. */
  | { kind: 'reminder.post'; reminder: ReminderView }
  | { kind: 'reminder.edit'; edit: ReminderEdit }
  /** Renders the postmortem draft from Postgres at delivery and uploads it to the incident channel. */
  | { kind: 'postmortem.publish'; locale?: 'en' | 'ko' };

/** The incident's own channel, or a reply under its announcement in #incidents. */
export type PostTarget = 'incident' | 'announcement_thread';

export type Notice =
  | { type: 'severity_changed'; actorId: string; from: Severity; to: Severity }
  | { type: 'status_changed'; actorId: string; from: Status; to: Status }
  | { type: 'role_assigned'; actorId: string; role: Role; userId: string }
  | { type: 'note_added'; actorId: string; text: string }
  | { type: 'resolved'; actorId: string; summary: string; rootCause: string; rootCauseConfirmed: boolean }
  | { type: 'reopened'; actorId: string };

export type OutboxKind = OutboxIntent['kind'];
