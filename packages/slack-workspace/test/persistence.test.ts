import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SteppedClock } from './stepped-clock.js';
import { createWorkspace } from '../src/index.js';
import { DEMO } from './profile.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempPath() {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
  dirs.push(dir);
  return join(dir, 'nested', 'sandbox.json');
}

const options = (persistPath: string) => ({ ...DEMO, signingSecret: 's', botToken: 'xoxb-t', clock: new SteppedClock('2026-11-25T03:00:00Z'), persistPath });

describe('a persisted workspace', () => {
  it('keeps channels, messages and threads across a restart, and does not reuse ids', async () => {
    const path = tempPath();
    const first = createWorkspace(options(path));
    const general = first.channel('general')!.id;
    const parent = await first.postAsUser({ userId: 'U_ALICE', channelId: general, text: 'checkout is down' });
    await first.postAsUser({ userId: 'U_BOB', channelId: general, text: 'looking', threadTs: parent.ts });
    await first.close();
    expect((JSON.parse(readFileSync(path, 'utf8')) as { version: number }).version).toBe(1);

    const second = createWorkspace(options(path));
    expect(second.channels().map((c) => c.name)).toEqual(['incidents', 'general']);
    expect(second.channel('general')!.id).toBe(general);
    const [restored] = second.messages('general');
    expect(restored).toMatchObject({ text: 'checkout is down', replyCount: 1 });
    expect(second.replies('general', parent.ts).map((m) => m.text)).toEqual(['looking']);
    const next = await second.postAsUser({ userId: 'U_ALICE', channelId: general, text: 'back' });
    expect(Number(next.ts)).toBeGreaterThan(Number(parent.ts));
    await second.close();
  });

  it('counts edits without keeping each earlier version, and reads a snapshot that kept them', async () => {
    const path = tempPath();
    const first = createWorkspace(options(path));
    const general = first.channel('general')!.id;
    const posted = await first.postAsUser({ userId: 'U_ALICE', channelId: general, text: 'draft one' });
    for (const text of ['draft two', 'draft three', 'the final words']) await first.editMessage({ userId: 'U_ALICE', channelId: general, ts: posted.ts, text });
    expect(first.messages('general')[0]).toMatchObject({ text: 'the final words', edited: true, editCount: 3 });
    await first.close();
    const saved = readFileSync(path, 'utf8');
    expect(saved).not.toContain('draft two');

    // A snapshot written before edits were counted held every earlier version.
    const older = JSON.parse(saved) as { messages: Record<string, Array<Record<string, unknown>>> };
    const [message] = older.messages[general]!;
    delete message!['editCount'];
    message!['history'] = [{ text: 'draft one' }, { text: 'draft two' }];
    writeFileSync(path, JSON.stringify(older));
    const second = createWorkspace(options(path));
    expect(second.messages('general')[0]).toMatchObject({ text: 'the final words', editCount: 2 });
    await second.editMessage({ userId: 'U_ALICE', channelId: general, ts: posted.ts, text: 'once more' });
    expect(second.messages('general')[0]!.editCount).toBe(3);
    await second.close();
  });

  it('starts fresh when there is no snapshot', async () => {
    const ws = createWorkspace(options(tempPath()));
    expect(ws.messages('general')).toEqual([]);
    await ws.close();
  });
});
