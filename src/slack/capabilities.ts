/**
 * What the app asks of Slack. Listeners register from these constants and the manifest test checks
 * that manifest.yml declares every one of them.
 */
export const SLASH_COMMAND = '/incident';

export const GLOBAL_SHORTCUTS = {
  declare: 'declare_incident_shortcut',
} as const;

/** Shortcuts on a message's "More actions" menu. */
export const MESSAGE_SHORTCUTS = {
  addToTimeline: 'add_to_timeline',
} as const;

export const BOT_EVENTS = [
  'app_home_opened',
  'app_mention',
  // The conversation on the timeline: the timeline emoji, edits and deletions (message_changed / message_deleted).
  'reaction_added',
  'reaction_removed',
  'message.channels',
  'message.groups',
] as const;

export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'channels:join',
  'channels:manage',
  'channels:read',
  'chat:write',
  'commands',
  'files:write',
  // Private incidents: create, invite, read and pin in private channels.
  'groups:history',
  'groups:read',
  'groups:write',
  // Follow-ups: a direct message to an action item's owner when it falls due (and a retry's look for it).
  'im:history',
  'im:write',
  'pins:write',
  // reaction_added / reaction_removed, and reactions.get to read a pinned message back.
  'reactions:read',
  // Who may do what: responders given as user groups.
  'usergroups:read',
  'users:read',
] as const;

/** Paths on the app's HTTP server that Slack calls in HTTP mode. */
export const SLACK_REQUEST_PATH = '/slack/events';
