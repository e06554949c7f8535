import type { App } from '@slack/bolt';
import { helpMessage } from '../blocks/help.js';
import { SUBCOMMANDS } from '../commands/incident/registry.js';
import type { SlackDeps } from '../deps.js';

/** Mentioning the bot answers with the help, once per event however often Slack retries it. */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !(await deps.events.firstSeen(eventId))) return;
    if (!event.user) return;
    await client.chat.postEphemeral({ channel: event.channel, user: event.user, ...helpMessage({ lines: SUBCOMMANDS }) });
  });
}
