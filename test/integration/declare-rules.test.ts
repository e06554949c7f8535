import { DateTime } from 'luxon';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrillClock, SteppedClock } from '../../src/clock.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { DEFAULT_CADENCE } from '../../src/domain/severity.js';
import { IncidentService } from '../../src/services/incident-service.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';

let m: MigratedDatabase;
beforeAll(async () => {
  m = await migratedDatabase();
});
afterAll(async () => m?.close());

const service = (clock: SteppedClock | DrillClock) =>
  new IncidentService({ db: m.database.db, repos: createRepositories(), clock, cadence: DEFAULT_CADENCE, logger: pino({ level: 'silent' }) });
const declaration = { title: 'Checkout failing', severity: 'sev1' as const, scenario: 'other' as const, impact: '', commanderId: 'U1', declaredBy: 'U1' };

describe('rules the service keeps, whoever calls it', () => {
  it('marks what is declared while the drill clock runs fast as a drill', async () => {
    const drill = new DrillClock(60);
    expect((await service(drill).declare(declaration)).isDrill).toBe(true);
    drill.setSpeed(1);
    expect((await service(drill).declare(declaration)).isDrill).toBe(false);
    expect((await service(new SteppedClock(DateTime.utc())).declare({ ...declaration, isDrill: true })).isDrill).toBe(true);
  });

  it('leaves an update that says resolved at monitoring', async () => {
    const incidents = service(new SteppedClock(DateTime.utc()));
    const incident = await incidents.declare(declaration);
    const { incident: after } = await incidents.postUpdate({ incidentId: incident.id, authorId: 'U1', status: 'resolved', fields: { summary: 'fixed' } });
    expect(after.status).toBe('monitoring');
  });
});
