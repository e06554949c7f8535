import type { ErrorText } from './errors.js';
import { incidentRef, type Incident } from './incident.js';

/** What a person may try to do to an incident. */
export const INCIDENT_ACTIONS = [
  'post_update', 'add_note', 'add_followup', 'snooze', 'regenerate_postmortem', 'change_scenario',
  'resolve', 'reopen', 'change_severity', 'change_status', 'assign_role', 'tick_checklist', 'attach_runbook',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** By default these need a lead; every other action needs membership of the incident channel. */
export const DEFAULT_LEAD_ACTIONS: readonly IncidentAction[] = ['resolve', 'reopen', 'change_severity', 'change_status', 'assign_role'];

export interface AccessPolicy {
  leadActions: ReadonlySet<IncidentAction>;
}

/** What is known of the person acting, looked up before the decision. */
export interface ActorFacts {
  isChannelMember: boolean;
  /** A workspace admin or owner (users.info). */
  isAdmin: boolean;
  /** In the configured responders (a user group, or listed users). */
  isResponder: boolean;
}

type Roles = Pick<Incident, 'id' | 'commanderId' | 'commsLeadId' | 'scribeId'>;

/** The incident's own people: its commander, comms lead and scribe. */
export function holdsRole(userId: string, incident: Roles): boolean {
  return [incident.commanderId, incident.commsLeadId, incident.scribeId].includes(userId);
}

/**
 * Who may do what: the incident's role holders, admins and responders may do everything; members
 * of its channel what is not reserved to leads. Facts are asked for lazily, cheapest first, since
 * each may cost a call to Slack.
 */
export async function mayAct(
  policy: AccessPolicy,
  action: IncidentAction,
  userId: string,
  incident: Roles,
  facts: { [K in keyof ActorFacts]: () => Promise<boolean> },
): Promise<boolean> {
  if (holdsRole(userId, incident)) return true;
  if (!policy.leadActions.has(action) && (await facts.isChannelMember())) return true;
  return (await facts.isResponder()) || (await facts.isAdmin());
}

/** Why not, and who can: shown to the person, ephemerally. */
export function refusal(policy: AccessPolicy, action: IncidentAction, incident: Roles): ErrorText {
  const ref = incidentRef(incident.id);
  return policy.leadActions.has(action)
    ? (t) => t.errors.onlyLeads(incident.commanderId, t.errors.actions[action](ref))
    : (t) => t.errors.onlyMembers(ref, t.errors.actions[action](ref));
}

/** Who may edit or remove a timeline entry: the person who wrote it and the incident's commander. */
export function mayChangeEntry(userId: string, authorId: string | null, incident: Pick<Incident, 'commanderId'>): boolean {
  return userId === authorId || userId === incident.commanderId;
}

export function entryRefusal(incident: Roles): ErrorText {
  return (t) => t.errors.onlyAuthorOrCommander(incidentRef(incident.id), incident.commanderId);
}

/** Who may mark an action item done: its owner and the incident's commander. */
export function mayCompleteActionItem(userId: string, item: { ownerId: string | null }, incident: Pick<Incident, 'commanderId'>): boolean {
  return userId === item.ownerId || userId === incident.commanderId;
}

export function actionItemRefusal(item: { ownerId: string | null }, incident: Pick<Incident, 'commanderId'>): ErrorText {
  const { ownerId } = item;
  return ownerId
    ? (t) => t.errors.onlyOwnerOrCommander(ownerId, incident.commanderId)
    : (t) => t.errors.onlyCommanderMarksDone(incident.commanderId);
}
