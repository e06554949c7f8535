import type { PostmortemInput } from './model.js';

/**
 * Every Slack user id the draft may name: role holders and the declarer, timeline actors and
 * the people roles went to, update authors and action-item owners. First-seen order, no repeats.
 */
export function peopleOf(input: Omit<PostmortemInput, 'userNames' | 'cadence'>): string[] {
  const ids = new Set<string>();
  const add = (id: unknown): void => {
    if (typeof id === 'string' && id !== '') ids.add(id);
  };
  const { incident } = input;
  add(incident.commanderId);
  add(incident.commsLeadId);
  add(incident.scribeId);
  add(incident.declaredBy);
  for (const e of input.timeline) {
    add(e.actorId);
    if (e.kind === 'message_pinned' || e.kind === 'message_fetched') add(e.data.authorId);
    if (e.kind === 'role_assigned') {
      add(e.data['userId']);
      add(e.data['previous']);
    }
  }
  for (const u of input.updates) add(u.authorId);
  for (const i of input.actionItems) add(i.ownerId);
  return [...ids];
}
