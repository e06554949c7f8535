/**
 * Checklist steps with `due_after` still open when they fall due: each is posted once in its
 * incident channel, to its assignee, else its role's holder, else the commander; with three
 * replicas ticking together and one of them restarted half-way.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { ALICE, BOB, CAROL } from '../helpers/flows.js';
import { drainAll, startReplicas } from '../helpers/reminder-replicas.js';

const RUNBOOKS_DIR = fileURLToPath(new URL('../fixtures/runbooks/nudges', import.meta.url));
const ENV = { RUNBOOKS_DIR };

/** Nudges in the workspace, per incident channel: which step, and whom it mentions. */
function nudgesIn(t: TestApp, channel: string): Array<{ step: string; mentions: string[] }> {
  return t.ws.messages(channel)
    .filter((m) => m.text.includes('Step due:'))
    .map((m) => ({
      step: m.text.split('Step due: ')[1]!,
      mentions: [...JSON.stringify(m.blocks).matchAll(/"type":"user","user_id":"([A-Z0-9_]+)"/g)].map((x) => x[1]!),
    }));
}

describe('checklist nudges across replicas', () => {
  let database: TestDatabase;
  let replicas: TestApp[] = [];
  afterAll(async () => {
    for (const r of replicas) await r.stop();
    await database?.drop();
  });

  it('posts each step that fell due once, to the right person, with three replicas ticking and one restarted', async () => {
    database = await createTestDatabase();
    const started = await startReplicas(database, { env: ENV });
    replicas = started.replicas;
    const { clock } = started;
    const first = replicas[0]!;

    // Twelve incidents; in every third the versions step is Bob's; in every other one Carol is comms lead.
    const ids: number[] = [];
    for (let n = 0; n < 12; n++) {
      const incident = await first.app.incidents.declare({
        title: `Nudge ${n}`, severity: 'sev2', scenario: 'other', impact: '', commanderId: ALICE, declaredBy: ALICE,
      });
      ids.push(incident.id);
      const [runbook] = await first.app.checklists.list(incident.id);
      expect(runbook?.runbookId).toBe('steps-with-due-times');
      if (n % 3 === 0) await first.app.checklists.changeItem(runbook!.id, 'capture-versions', ALICE, { type: 'assign', userId: BOB });
      if (n % 2 === 0) await first.app.incidents.assignRole(incident.id, ALICE, 'comms', CAROL);
      await first.app.checklists.changeItem(runbook!.id, 'confirm-start', ALICE, { type: 'done' });
    }
    // One incident is resolved before anything falls due: its steps are never nudged.
    await first.app.incidents.resolve(ids[11]!, ALICE, {
      summary: 'Gone', rootCause: 'Unknown', rootCauseConfirmed: false, contributingFactors: [], recoverySignal: null,
      recoveredAt: null, customerImpact: null, businessImpact: null,
    });
    await drainAll(replicas, clock);

    // A tick every minute for 45 minutes on all three at once; the third replica restarts at minute 25.
    for (let minute = 1; minute <= 45; minute++) {
      clock.advance({ minutes: 1 });
      if (minute === 25) {
        await replicas[2]!.stop();
        replicas[2] = await startTestApp({ database, clock, env: { SLACK_POST_INTERVAL_MS: '0', ...ENV }, ws: first.ws });
      }
      await Promise.all(replicas.map((r) => r.app.checklistNudges.tick()));
      if (minute % 5 === 0) await drainAll(replicas, clock);
    }
    await drainAll(replicas, clock);

    for (const [n, id] of ids.entries()) {
      const channel = first.ws.channels().find((c) => c.name.startsWith(`inc-${id}-`))!.name;
      const got = nudgesIn(first, channel).sort((a, b) => a.step.localeCompare(b.step));
      if (n === 11) {
        expect(got, `INC-${id} (resolved)`).toEqual([]);
        continue;
      }
      expect(got, `INC-${id}`).toEqual([
        { step: 'Capture the affected versions', mentions: [n % 3 === 0 ? BOB : ALICE] },
        { step: 'Page the database on-call', mentions: [ALICE] },
        { step: 'Post the customer notice', mentions: [n % 2 === 0 ? CAROL : ALICE] },
        { step: 'Start the timeline document', mentions: [ALICE] },
      ]);
    }
    const queued = rowsOf<{ n: number }>(await first.app.database.db.execute(
      sql`select count(*)::int as n from outbox where kind = 'notice.post' and payload->'notice'->>'type' = 'checklist_item_due'`,
    ));
    expect(queued[0]!.n).toBe(11 * 4);
    expect(await Promise.all(replicas.map((r) => r.app.checklistNudges.tick()))).toEqual([0, 0, 0]);
  }, 240_000);
});
