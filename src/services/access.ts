import { DomainError } from '../domain/errors.js';
import type { Incident } from '../domain/incident.js';
import {
  actionItemRefusal, entryRefusal, holdsRole, mayAct, mayChangeEntry, mayCompleteActionItem, refusal, type AccessPolicy, type IncidentAction,
} from '../domain/policy.js';
import type { ActionItem } from '../domain/timeline.js';

/** Where the facts about a person come from (Slack, through src/slack/delivery/actor-directory.ts). */
export interface ActorDirectory {
  isChannelMember(channelId: string, userId: string): Promise<boolean>;
  isAdmin(userId: string): Promise<boolean>;
  isResponder(userId: string): Promise<boolean>;
}

/** The one place a person's right to act on an incident is checked; services call it first. */
export class Access {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly directory: ActorDirectory,
  ) {}

  /** Whether `userId` may see the incident at all: anyone for a public one; its people and members for a private one. */
  async canSee(userId: string, incident: Incident): Promise<boolean> {
    if (!incident.isPrivate || holdsRole(userId, incident)) return true;
    return this.isPrivateChannelMember(userId, incident.channelId);
  }

  /** Whether `userId` may see a private incident in which they hold no role: a member of its channel. */
  isPrivateChannelMember(userId: string, channelId: string | null): Promise<boolean> {
    return channelId ? this.directory.isChannelMember(channelId, userId) : Promise.resolve(false);
  }

  async check(action: IncidentAction, userId: string, incident: Incident): Promise<void> {
    const { directory } = this;
    const channel = incident.channelId;
    const allowed = await mayAct(this.policy, action, userId, incident, {
      isChannelMember: () => (channel ? directory.isChannelMember(channel, userId) : Promise.resolve(false)),
      isAdmin: () => directory.isAdmin(userId),
      isResponder: () => directory.isResponder(userId),
    });
    if (!allowed) {
      throw new DomainError('forbidden', refusal(this.policy, action, incident));
    }
  }

  checkEntryChange(userId: string, authorId: string | null, incident: Incident): void {
    checkEntryChange(userId, authorId, incident);
  }
}

/** Editing or removing a timeline entry: its author and the commander only, so no Slack facts are needed. */
export function checkEntryChange(userId: string, authorId: string | null, incident: Incident): void {
  if (!mayChangeEntry(userId, authorId, incident)) throw new DomainError('forbidden', entryRefusal(incident));
}

/** Marking an action item done needs no facts from Slack: its owner or the commander, always checked. */
export function assertMayCompleteActionItem(userId: string, item: Pick<ActionItem, 'ownerId'>, incident: Incident): void {
  if (!mayCompleteActionItem(userId, item, incident)) throw new DomainError('forbidden', actionItemRefusal(item, incident));
}
