import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient } from '@slack/web-api';
import { createWorkspace, type Workspace } from 'local-slack-workspace';
import { localProfile } from '../../src/local-workspace/profile.js';
import { fetchBotIdentity } from '../../src/slack/identity.js';

let ws: Workspace;
let base: string;
beforeAll(async () => {
  ws = createWorkspace({ ...localProfile('incidents'), signingSecret: 's', botToken: 'xoxb-right' });
  base = await ws.listen();
});
afterAll(async () => ws?.close());

const noWait = () => Promise.resolve();

describe('checking the bot token at start-up', () => {
  it('learns the bot user from auth.test', async () => {
    const client = new WebClient('xoxb-right', { slackApiUrl: `${base}/workspace/api/`, retryConfig: { retries: 0 } });
    expect(await fetchBotIdentity(client, 3, noWait)).toEqual({ botUserId: 'U_BOT', botId: expect.any(String) });
  });

  it('stops start-up with a clear message for a wrong token', async () => {
    const client = new WebClient('xoxb-wrong', { slackApiUrl: `${base}/workspace/api/`, retryConfig: { retries: 0 } });
    await expect(fetchBotIdentity(client, 3, noWait)).rejects.toThrow('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
  });

  it('retries while Slack answers 500, then goes on', async () => {
    ws.faults.set('auth.test', { rate: 1, kinds: ['500'] });
    const client = new WebClient('xoxb-right', { slackApiUrl: `${base}/workspace/api/`, retryConfig: { retries: 0 } });
    let waits = 0;
    const pending = fetchBotIdentity(client, 5, () => {
      waits += 1;
      if (waits === 2) ws.faults.clear();
      return Promise.resolve();
    });
    await expect(pending).resolves.toMatchObject({ botUserId: 'U_BOT' });
    expect(waits).toBe(2);
  });
});
