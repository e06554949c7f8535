import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { SteppedClock } from '../../src/clock.js';
import { rowsOf } from '../../src/db/client.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { DEFAULT_CADENCE } from '../../src/domain/severity.js';
import { DomainError } from '../../src/domain/errors.js';
import { IncidentService } from '../../src/services/incident-service.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';

let m: MigratedDatabase;
let service: IncidentService;
const repos = createRepositories();
const clock = new SteppedClock('2026-11-25T03:00:00Z');

beforeAll(async () => {
  m = await migratedDatabase();
  service = new IncidentService({ db: m.database.db, repos, clock, cadence: DEFAULT_CADENCE, logger: pino({ level: 'silent' }) });
});
afterAll(async () => m?.close());

const count = async (table: string) =>
  rowsOf<{ n: number }>(await m.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

describe('IncidentService on Postgres', () => {
  it('hands out sequential INC numbers and records every step with its actor and time', async () => {
    const a = await service.declare({ title: 'A', severity: 'sev2', scenario: 'database', impact: 'x', commanderId: 'U_BOB', declaredBy: 'U_ALICE' });
    const b = await service.declare({ title: 'B', severity: 'sev3', scenario: 'other', impact: 'y', commanderId: 'U_ALICE', declaredBy: 'U_ALICE' });
    expect([a.id, b.id]).toEqual([1, 2]);
    expect(a.commanderId).toBe('U_BOB');
    expect(a.nextUpdateDueAt?.toISO()).toBe('2026-11-25T03:30:00.000Z');

    clock.advance({ minutes: 5 });
    await service.changeSeverity(a.id, 'U_CAROL', 'sev1');
    clock.advance({ minutes: 1 });
    await service.assignRole(a.id, 'U_BOB', 'comms', 'U_CAROL');
    clock.advance({ minutes: 1 });
    await service.addNote(a.id, 'U_DAVE', 'cache warmed');
    clock.advance({ minutes: 1 });
    await service.postUpdate({ incidentId: a.id, authorId: 'U_BOB', status: 'monitoring', fields: { impact_scope: 'EU' } });

    const timeline = await repos.timeline.listForIncident(m.database.db, a.id);
    expect(timeline.map((e) => [e.kind, e.actorId, e.occurredAt.toISO()])).toEqual([
      ['declared', 'U_ALICE', '2026-11-25T03:00:00.000Z'],
      ['severity_changed', 'U_CAROL', '2026-11-25T03:05:00.000Z'],
      ['role_assigned', 'U_BOB', '2026-11-25T03:06:00.000Z'],
      ['note_added', 'U_DAVE', '2026-11-25T03:07:00.000Z'],
      ['status_changed', 'U_BOB', '2026-11-25T03:08:00.000Z'],
      ['update_posted', 'U_BOB', '2026-11-25T03:08:00.000Z'],
    ]);
    expect(timeline[1]!.data).toEqual({ from: 'sev2', to: 'sev1' });
    const after = (await service.find(a.id))!;
    expect(after.commsLeadId).toBe('U_CAROL');
    expect(after.status).toBe('monitoring');
    expect(after.nextUpdateDueAt?.toISO()).toBe('2026-11-25T03:23:00.000Z');
  });

  it('writes nothing when a rule refuses the change', async () => {
    const before = await Promise.all(['timeline_events', 'outbox', 'status_updates'].map(count));
    await expect(service.changeSeverity(1, 'U_X', 'sev1')).rejects.toBeInstanceOf(DomainError);
    await expect(service.reopen(1, 'U_X')).rejects.toThrow('still open');
    await expect(service.addNote(999, 'U_X', 'hello')).rejects.toThrow('There is no INC-999.');
    expect(await Promise.all(['timeline_events', 'outbox', 'status_updates'].map(count))).toEqual(before);
  });

  it('writes the outbox in the same transaction as the change', async () => {
    const before = await count('outbox');
    await service.addNote(2, 'U_ALICE', 'one');
    expect(await count('outbox')).toBe(before + 1);
  });

  it('serialises concurrent changes to one incident', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => service.addNote(2, 'U_ALICE', `note ${i}`)));
    const notes = (await repos.timeline.listForIncident(m.database.db, 2)).filter((e) => e.kind === 'note_added');
    expect(notes).toHaveLength(11);
  });
});
