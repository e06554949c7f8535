import { WebClient } from '@slack/web-api';
import { systemClock } from '../src/clock.js';
import { SteppedClock } from './stepped-clock.js';
import { createWorkspace, type Workspace } from '../src/index.js';
import { DEMO } from './profile.js';
import { SignedReceiver } from './signed-receiver.js';

export const TOKEN = 'xoxb-test';
export const SECRET = 'signing-secret';

export interface SandboxHarness {
  workspace: Workspace;
  /** The bot's Web API client, pointed at the workspace. */
  client: WebClient;
  /** A stand-in bot that verifies signatures and answers what the test sets. */
  bot: SignedReceiver;
  /** Starts at real time so the receiver's 5-minute freshness check passes; moves only when told to. */
  realClock: SteppedClock;
  stop(): Promise<void>;
}

export async function startSandboxHarness(): Promise<SandboxHarness> {
  const realClock = new SteppedClock(systemClock.now());
  const bot = new SignedReceiver(SECRET);
  const botUrl = await bot.start();
  const workspace = createWorkspace({ ...DEMO, signingSecret: SECRET, botToken: TOKEN, botRequestUrl: botUrl, realClock });
  const base = await workspace.listen();
  const client = new WebClient(TOKEN, { slackApiUrl: `${base}/workspace/api/`, retryConfig: { retries: 0 } });
  return {
    workspace,
    client,
    bot,
    realClock,
    stop: async () => {
      await workspace.close();
      await bot.stop();
    },
  };
}
