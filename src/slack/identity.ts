import type { WebClient } from '@slack/web-api';
import { platformError } from './delivery/slack-errors.js';

export interface BotIdentity {
  botUserId: string;
  botId: string;
}

/**
 * Asks Slack who the bot is, once, at start-up: a bad token stops start-up with a clear message,
 * and Bolt gets the answer instead of calling auth.test in the background.
 */
export async function fetchBotIdentity(client: WebClient, attempts = 5, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<BotIdentity> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await client.auth.test();
      return { botUserId: result.user_id as string, botId: result.bot_id as string };
    } catch (err) {
      const error = platformError(err);
      if (error === 'invalid_auth' || error === 'not_authed' || error === 'account_inactive' || error === 'token_revoked') {
        throw new Error(`Slack rejected SLACK_BOT_TOKEN (${error}). Check the bot token of the installed app.`, { cause: err });
      }
      if (attempt >= attempts) throw new Error(`Slack's API could not be reached to check the bot token: ${(err as Error).message}`, { cause: err });
      await wait(500 * 2 ** attempt);
    }
  }
}
