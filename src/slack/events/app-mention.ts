import type { App } from '@slack/bolt';
import { helpMessage } from '../blocks/help.js';
import { SUBCOMMANDS } from '../commands/incident/registry.js';
import type { SlackDeps } from '../deps.js';
import { eventRecorded } from '../events-before-ack.js';

/** Mentioning the bot answers with the help, once per event however often Slack retries it. */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !(await deps.events.firstSeen(eventId))) return;
    // Its id is kept: Slack is answered now, before the help goes out.
    eventRecorded(context);
    if (!event.user) return;
    await client.chat.postEphemeral({ channel: event.channel, user: event.user, ...helpMessage({ lines: SUBCOMMANDS, texts: await deps.languages.textsOf(event.user) }) });
  });
}
