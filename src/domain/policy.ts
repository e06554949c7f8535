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

const ACTION_WORDS: Record<IncidentAction, string> = {
  post_update: 'post status updates for', add_note: 'add notes to', add_followup: 'add follow-ups to', snooze: 'snooze reminders of',
  regenerate_postmortem: 'write the postmortem draft of', change_scenario: 'change the scenario of', resolve: 'resolve', reopen: 'reopen', change_severity: 'change the severity of',
  change_status: 'change the status of', assign_role: 'hand over roles in', tick_checklist: 'work the checklists of',
  attach_runbook: 'attach runbooks to',
};

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
export function refusal(policy: AccessPolicy, action: IncidentAction, incident: Roles): string {
  const who = policy.leadActions.has(action)
    ? `the commander (<@${incident.commanderId}>), the incident's comms lead and scribe, workspace admins and responders`
    : `members of ${incidentRef(incident.id)}'s channel and its leads`;
  return `Only ${who} can ${ACTION_WORDS[action]} ${incidentRef(incident.id)}.`;
}

/** Who may edit or remove a timeline entry: the person who wrote it and the incident's commander. */
export function mayChangeEntry(userId: string, authorId: string | null, incident: Pick<Incident, 'commanderId'>): boolean {
  return userId === authorId || userId === incident.commanderId;
}

export function entryRefusal(incident: Roles): string {
  return `Only the person who wrote an entry and ${incidentRef(incident.id)}'s commander (<@${incident.commanderId}>) can edit or remove it.`;
}

/** Who may mark an action item done: its owner and the incident's commander. */
export function mayCompleteActionItem(userId: string, item: { ownerId: string | null }, incident: Pick<Incident, 'commanderId'>): boolean {
  return userId === item.ownerId || userId === incident.commanderId;
}

export function actionItemRefusal(item: { ownerId: string | null }, incident: Pick<Incident, 'commanderId'>): string {
  const owner = item.ownerId ? `its owner (<@${item.ownerId}>) or ` : '';
  return `Only ${owner}the commander (<@${incident.commanderId}>) can mark this action item done.`;
}
