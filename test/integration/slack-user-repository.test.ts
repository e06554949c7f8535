import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client.js';
import { SlackUserRepository } from '../../src/db/repositories/slack-user-repository.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';

let m: MigratedDatabase;
const users = new SlackUserRepository();
const now = DateTime.fromISO('2026-11-25T03:00:00Z', { zone: 'utc' });
const alice = { id: 'U_ALICE', displayName: 'alice', realName: 'Alice Kim', tz: 'Asia/Seoul', locale: 'en-US' };

beforeAll(async () => {
  m = await migratedDatabase();
});
afterAll(async () => m?.close());
beforeEach(async () => {
  await m.database.db.execute(sql`delete from slack_users`);
});

describe('the Slack user cache', () => {
  it('gives the full name, else the display name, and leaves out unknown or nameless users', async () => {
    const db = m.database.db;
    await users.upsert(db, alice, now);
    await users.upsert(db, { id: 'U_BOB', displayName: 'bob', realName: null, tz: null }, now);
    await users.upsert(db, { id: 'U_GHOST', displayName: ' ', realName: '', tz: null }, now);
    expect(await users.namesFor(db, ['U_ALICE', 'U_BOB', 'U_GHOST', 'U_NOBODY', 'U_ALICE'])).toEqual({
      U_ALICE: 'Alice Kim',
      U_BOB: 'bob',
    });
    expect(await users.namesFor(db, [])).toEqual({});
  });

  it('replaces a user on upsert, name and freshness both', async () => {
    const db = m.database.db;
    await users.upsert(db, alice, now);
    await users.upsert(db, { ...alice, realName: 'Alice Kim-Lee' }, now.plus({ days: 2 }));
    expect(await users.namesFor(db, ['U_ALICE'])).toEqual({ U_ALICE: 'Alice Kim-Lee' });
    expect(await users.staleOrMissing(db, ['U_ALICE'], now.plus({ days: 1 }))).toEqual([]);
    const rows = await db.execute(sql`select count(*)::int as n from slack_users`);
    expect(rowsOf<{ n: number }>(rows)[0]!.n).toBe(1);
  });

  it('tells which ids are missing or older than the cut-off, once each and in order', async () => {
    const db = m.database.db;
    await users.upsert(db, alice, now.minus({ hours: 25 }));
    await users.upsert(db, { ...alice, id: 'U_CAROL' }, now.minus({ hours: 1 }));
    const dayAgo = now.minus({ days: 1 });
    expect(await users.staleOrMissing(db, ['U_DAVE', 'U_ALICE', 'U_CAROL', 'U_DAVE'], dayAgo)).toEqual(['U_DAVE', 'U_ALICE']);
    expect(await users.staleOrMissing(db, [], dayAgo)).toEqual([]);
  });

  it("keeps each person's Slack language, and looks again at anyone cached before it was asked for", async () => {
    const db = m.database.db;
    await users.upsert(db, { ...alice, id: 'U_MINJI', locale: 'ko-KR' }, now);
    await users.upsert(db, { id: 'U_OLD', displayName: 'old', realName: null, tz: 'UTC' }, now);
    expect(await users.localeOf(db, 'U_MINJI')).toBe('ko-KR');
    expect(await users.localeOf(db, 'U_OLD')).toBeNull();
    expect(await users.localeOf(db, 'U_NOBODY')).toBeNull();
    expect(await users.staleOrMissing(db, ['U_MINJI', 'U_OLD'], now.minus({ days: 1 }))).toEqual(['U_OLD']);
    // A later answer without a locale (a caller that did not ask) keeps the one known.
    await users.upsert(db, { id: 'U_MINJI', displayName: 'minji', realName: null, tz: 'Asia/Seoul' }, now);
    expect(await users.localeOf(db, 'U_MINJI')).toBe('ko-KR');
  });
});
