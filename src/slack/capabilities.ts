/**
 * What the app asks of Slack. Listeners register from these constants and the manifest test checks
 * that manifest.yml declares every one of them.
 */
export const SLASH_COMMAND = '/incident';

export const GLOBAL_SHORTCUTS = {
  declare: 'declare_incident_shortcut',
} as const;

export const BOT_EVENTS = ['app_home_opened', 'app_mention'] as const;

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
  'pins:write',
  // Who may do what: responders given as user groups.
  'usergroups:read',
  'users:read',
] as const;

/** Paths on the app's HTTP server that Slack calls in HTTP mode. */
export const SLACK_REQUEST_PATH = '/slack/events';
