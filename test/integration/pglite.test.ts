import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SteppedClock } from '../../src/clock.js';
import { rowsOf } from '../../src/db/client.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startApplication } from '../../src/application.js';
import { START } from '../helpers/app.js';

const dir = mkdtempSync(path.join(tmpdir(), 'incident-bot-pglite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start() {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', PGLITE_DIR: dir });
  return startApplication({ config, logger: createLogger('silent'), clock: new SteppedClock(START), startScheduler: false });
}

describe('a laptop with no database server (PGlite)', () => {
  it('migrates, records an incident and keeps it across a restart', async () => {
    const first = await start();
    expect(first.database.kind).toBe('pglite');
    const incident = await first.incidents.declare({
      title: 'Checkout failing', severity: 'sev1', scenario: 'deploy', impact: 'All checkouts fail', commanderId: 'U_ALICE', declaredBy: 'U_ALICE',
    });
    expect(incident.id).toBe(1);
    await first.dispatcher.drain();
    expect(first.workspace!.channel('inc-1-checkout-failing')).toBeDefined();
    await first.stop();

    const second = await start();
    const open = await second.incidents.listOpen();
    expect(open.map((i) => i.title)).toEqual(['Checkout failing']);
    expect(open[0]!.channelName).toBe('inc-1-checkout-failing');
    // The insights triggers and their refresh run on PGlite as on Postgres.
    await second.incidents.resolve(1, 'U_ALICE', {
      summary: 'Rolled back', rootCause: 'A bad deploy', rootCauseConfirmed: true, contributingFactors: [], recoverySignal: null,
      recoveredAt: null, customerImpact: null, businessImpact: null,
    });
    expect(await second.repos.insights.refresh(second.database.db)).toBe(1);
    const stored = await second.database.db.execute(sql`select peak, resolve from incident_figures where incident_id = 1`);
    expect(rowsOf(stored)).toEqual([{ peak: 'sev1', resolve: 0 }]);
    await second.stop();
  }, 90_000); // two PGlite starts (initdb in a child process, every migration) and a declaration's checklists: ~10 s idle, 33 s seen on a loaded machine
});
