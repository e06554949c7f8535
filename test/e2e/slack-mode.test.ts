import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startApplication, type Application } from '../../src/application.js';
import { createWorkspace, type Workspace } from 'local-slack-workspace';
import { localProfile } from '../../src/local-workspace/profile.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { NO_RUNBOOKS, START } from '../helpers/app.js';
import { ALICE, declare } from '../helpers/flows.js';

// Slack itself cannot be reached from here: a workspace on its own port plays Slack, and the app
// runs exactly as in production, with credentials and SLACK_API_URL.
let slack: Workspace;
let app: Application;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  slack = createWorkspace({ ...localProfile('incidents'), signingSecret: 'prod-secret', botToken: 'xoxb-prod', clock: new SteppedClock(START) });
  const slackUrl = await slack.listen();
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-prod',
    SLACK_SIGNING_SECRET: 'prod-secret',
    SLACK_API_URL: `${slackUrl}/workspace/api/`,
    DATABASE_URL: database.url,
    PORT: '0',
    LOG_LEVEL: 'silent',
    RUNBOOKS_DIR: NO_RUNBOOKS, // the card is the one pin this test counts
  });
  app = await startApplication({ config, logger: createLogger('silent'), clock: new SteppedClock(START), startScheduler: false });
  slack.setBotRequestUrl(`${app.url}/slack/events`);
});
afterAll(async () => {
  await app?.stop();
  await slack?.close();
  await database?.drop();
});

describe('with Slack credentials', () => {
  it('serves nothing of the local workspace', async () => {
    expect(app.workspace).toBeUndefined();
    expect((await fetch(`${app.url}/`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/chat.postMessage`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${app.url}/workspace/api/chat.postMessage`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
  });

  it('runs an incident against Slack’s Web API at SLACK_API_URL', async () => {
    await declare(slack, ALICE, 'sev1 Checkout failing', { title: 'Checkout failing' });
    await app.dispatcher.drain();
    const channel = slack.channel('inc-1-checkout-failing');
    expect(channel).toBeDefined();
    expect(slack.pins(channel!.id)).toHaveLength(1);
    expect(slack.messages('incidents')).toHaveLength(1);
    // who the bot is was asked at start-up (and once by the delivery side), never per request
    const authTests = () => slack.callLog().filter((c) => c.method === 'auth.test').length;
    const before = authTests();
    await declare(slack, ALICE, 'sev2 Search slow', { title: 'Search slow', severity: 'sev2' });
    await app.dispatcher.drain();
    expect(slack.channel('inc-2-search-slow')).toBeDefined();
    expect(authTests()).toBe(before);
  });
});

describe('with Slack credentials and SLACK_APP_TOKEN', () => {
  it('opens its Socket Mode connection at SLACK_API_URL and runs an incident over it', async () => {
    const socketSlack = createWorkspace({
      ...localProfile('incidents'), signingSecret: 'unused', botToken: 'xoxb-prod', appToken: 'xapp-1-prod', clock: new SteppedClock(START),
    });
    const slackUrl = await socketSlack.listen();
    // its own database: this Slack's view ids would repeat the other's, and a repeated view is a replay
    const socketDatabase = await createTestDatabase();
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-prod', SLACK_APP_TOKEN: 'xapp-1-prod', SLACK_API_URL: `${slackUrl}/workspace/api/`,
      DATABASE_URL: socketDatabase.url, PORT: '0', LOG_LEVEL: 'silent',
    });
    const socketApp = await startApplication({ config, logger: createLogger('silent'), clock: new SteppedClock(START), startScheduler: false });
    try {
      expect(socketSlack.socketMode.connectionCount()).toBe(1);
      expect((await fetch(`${socketApp.url}/slack/events`, { method: 'POST' })).status).toBe(404);
      await declare(socketSlack, ALICE, 'sev1 Login failing', { title: 'Login failing' });
      await socketApp.dispatcher.drain();
      expect(socketSlack.channels().map((c) => c.name)).toContain('inc-1-login-failing');
      expect(socketSlack.socketMode.deliveries().every((d) => d.acknowledged)).toBe(true);
    } finally {
      await socketApp.stop();
      await socketSlack.close();
      await socketDatabase.drop();
    }
  });
});
