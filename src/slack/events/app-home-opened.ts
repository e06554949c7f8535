import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';

/**
 * Opening the Home tab publishes it (through the outbox) and keeps it current from then on. Slack
 * sends this on every visit; a publish already waiting covers it, so nothing piles up.
 */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home' || !deps.homes) return;
    await deps.homes.opened(event.user);
  });
}
