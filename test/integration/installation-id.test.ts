/**
 * Two installations sharing a channel (staging beside production, or a restored copy of the
 * database) number their outbox rows alike. A retry looks for its own earlier post by outbox id
 * and installation id, so it never adopts the other installation's message.
 */
import { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackPoster } from '../../src/slack/delivery/slack-poster.js';
import { createWorkspace, type Workspace } from 'local-slack-workspace';
import { localProfile } from '../../src/local-workspace/profile.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';
import { createRepositories } from '../../src/db/repositories/index.js';

let ws: Workspace;
let base: string;
beforeAll(async () => {
  ws = createWorkspace({ ...localProfile('incidents'), signingSecret: 's', botToken: 'xoxb-bot' });
  base = await ws.listen();
});
afterAll(async () => ws?.close());

const message = (text: string) => ({ text, blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }] });
const createdAt = DateTime.utc();

describe('installation id in message metadata', () => {
  it('is made once per database and kept', async () => {
    const m: MigratedDatabase = await migratedDatabase();
    try {
      const repos = createRepositories();
      const first = await repos.installation.ensureId(m.database.db, DateTime.utc());
      const again = await Promise.all([1, 2, 3].map(() => repos.installation.ensureId(m.database.db, DateTime.utc())));
      expect(first).toMatch(/^[0-9a-f-]{36}$/);
      expect(again).toEqual([first, first, first]);
    } finally {
      await m.close();
    }
  });

  it('keeps a retry from adopting another installation’s post with the same outbox id', async () => {
    const client = new WebClient('xoxb-bot', { slackApiUrl: `${base}/workspace/api/`, retryConfig: { retries: 0 } });
    const channel = await new SlackPoster(client, 'U_BOT', 'any').resolveChannel('incidents');
    const production = new SlackPoster(client, 'U_BOT', 'installation-production');
    const staging = new SlackPoster(client, 'U_BOT', 'installation-staging');

    const productionTs = await production.post({ id: 3, attempts: 1, createdAt }, { channel }, message('production INC-1'));
    // Staging's first attempt at its own outbox row 3 got no answer; its retry looks for it.
    const stagingTs = await staging.post({ id: 3, attempts: 2, createdAt }, { channel }, message('staging INC-1'));
    expect(stagingTs).not.toBe(productionTs);
    expect(ws.messages('incidents').map((m) => m.text)).toEqual(['production INC-1', 'staging INC-1']);

    // A later retry of staging's row finds staging's own post and posts nothing new.
    expect(await staging.post({ id: 3, attempts: 3, createdAt }, { channel }, message('staging INC-1'))).toBe(stagingTs);
    expect(ws.messages('incidents')).toHaveLength(2);
  });
});
