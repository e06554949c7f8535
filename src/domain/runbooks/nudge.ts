import type { Incident, Role } from '../incident.js';

/** Who a step that fell due is addressed to: its assignee, else the holder of its role, else the commander. */
export function nudgeRecipient(
  item: { assigneeId: string | null; role?: Role },
  incident: Pick<Incident, 'commanderId' | 'commsLeadId' | 'scribeId'>,
): string {
  if (item.assigneeId) return item.assigneeId;
  const holder = item.role === 'comms' ? incident.commsLeadId : item.role === 'scribe' ? incident.scribeId : null;
  return holder ?? incident.commanderId;
}
