import type { SlackDeps } from './deps.js';

/**
 * The services as one request sees them: every change applied once per `key` (a view's id and
 * hash, a command's trigger, a click), so Slack's retries and replayed requests change nothing twice.
 */
export function requestDeps(deps: SlackDeps, key: string): SlackDeps {
  return {
    ...deps,
    incidents: deps.incidents.forRequest(key),
    postmortems: deps.postmortems.forRequest(key),
    conversation: deps.conversation.forRequest(key),
    timeline: deps.timeline.forRequest(key),
    reminders: deps.reminders?.forRequest(key),
    followups: deps.followups.forRequest(key),
    checklists: deps.checklists.forRequest(key),
  };
}

/** A click's key: the action's own timestamp, per person (Slack sends a new one for every click). */
export function clickKey(args: { body: { user: { id: string } }; action: { action_ts: string; action_id: string } }): string {
  return `click:${args.body.user.id}:${args.action.action_id}:${args.action.action_ts}`;
}
