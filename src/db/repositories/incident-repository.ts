import { and, asc, desc, eq, gte, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { DateTime } from 'luxon';
import { ROLES, type Incident, type Role, type Scenario, type Status } from '../../domain/incident.js';
import type { Severity } from '../../domain/severity.js';
import { resolutionSchema, type Resolution } from '../../domain/timeline.js';
import type { Executor } from '../client.js';
import { incidentRoles, incidents } from '../schema.js';
import { readOrThrow, storedCodec } from '../stored-json.js';

const RESOLUTION = storedCodec(resolutionSchema);

type IncidentRow = typeof incidents.$inferSelect;
type RoleRow = typeof incidentRoles.$inferSelect;

/** The incident's roles as one JSON array beside its row (read back through `rolesHeldSchema`). */
const ROLES_HELD = sql<unknown>`coalesce((
  select json_agg(json_build_object('role', r.role, 'userId', r.user_id)) from ${incidentRoles} r where r.incident_id = ${incidents.id}), '[]'::json)`;
const rolesHeldSchema = z.array(z.object({ role: z.enum(ROLES), userId: z.string() }));

export interface NewIncident {
  title: string;
  severity: Severity;
  scenario: Scenario;
  impact: string;
  declaredBy: string;
  startedAt: DateTime;
  detectedAt: DateTime;
  declaredAt: DateTime;
  nextUpdateDueAt: DateTime | null;
  isDrill: boolean;
  isPrivate: boolean;
}

export type IncidentPatch = Partial<{
  title: string;
  severity: Severity;
  status: Status;
  scenario: Scenario;
  channelId: string;
  channelName: string;
  lastUpdateAt: DateTime | null;
  nextUpdateDueAt: DateTime | null;
  resolvedAt: DateTime | null;
  resolution: Resolution | null;
}>;

export const toDate = (dt: DateTime | null | undefined): Date | null => (dt ? dt.toJSDate() : null);
export const fromDate = (d: Date | null): DateTime | null => (d ? DateTime.fromJSDate(d, { zone: 'utc' }) : null);
const must = (d: Date): DateTime => DateTime.fromJSDate(d, { zone: 'utc' });

export class IncidentRepository {
  async insert(ex: Executor, data: NewIncident): Promise<number> {
    const [row] = await ex
      .insert(incidents)
      .values({
        title: data.title,
        severity: data.severity,
        status: 'investigating',
        scenario: data.scenario,
        impact: data.impact,
        declaredBy: data.declaredBy,
        startedAt: data.startedAt.toJSDate(),
        detectedAt: data.detectedAt.toJSDate(),
        declaredAt: data.declaredAt.toJSDate(),
        nextUpdateDueAt: toDate(data.nextUpdateDueAt),
        isDrill: data.isDrill,
        isPrivate: data.isPrivate,
      })
      .returning({ id: incidents.id });
    return row!.id;
  }

  async findById(ex: Executor, id: number, options: { forUpdate?: boolean } = {}): Promise<Incident | undefined> {
    if (!options.forUpdate) return this.findOne(ex, eq(incidents.id, id));
    const [row] = await ex.select().from(incidents).where(eq(incidents.id, id)).for('update');
    return row ? (await this.withRoles(ex, [row]))[0] : undefined;
  }

  /** Many incidents in two statements (their rows, then their roles); those that do not exist are left out. */
  async findByIds(ex: Executor, ids: readonly number[]): Promise<Incident[]> {
    if (ids.length === 0) return [];
    return this.withRoles(ex, await ex.select().from(incidents).where(inArray(incidents.id, [...ids])));
  }

  async findByChannel(ex: Executor, channelId: string): Promise<Incident | undefined> {
    return this.findOne(ex, eq(incidents.channelId, channelId));
  }

  async listOpen(ex: Executor): Promise<Incident[]> {
    const rows = await ex.select().from(incidents).where(ne(incidents.status, 'resolved')).orderBy(asc(incidents.id));
    return this.withRoles(ex, rows);
  }

  /** Resolved since `since`, the latest first. */
  async listResolvedSince(ex: Executor, since: DateTime, limit: number): Promise<Incident[]> {
    const rows = await ex
      .select()
      .from(incidents)
      .where(and(eq(incidents.status, 'resolved'), gte(incidents.resolvedAt, since.toJSDate())))
      .orderBy(desc(incidents.resolvedAt), desc(incidents.id))
      .limit(limit);
    return this.withRoles(ex, rows);
  }

  async resolution(ex: Executor, id: number): Promise<Resolution | null> {
    const [row] = await ex.select({ resolution: incidents.resolution }).from(incidents).where(eq(incidents.id, id));
    return row?.resolution == null ? null : readOrThrow(RESOLUTION, row.resolution, `incident ${id}'s resolution`);
  }

  async update(ex: Executor, id: number, patch: IncidentPatch): Promise<void> {
    const values: Partial<typeof incidents.$inferInsert> = {};
    if (patch.title !== undefined) values.title = patch.title;
    if (patch.severity !== undefined) values.severity = patch.severity;
    if (patch.status !== undefined) values.status = patch.status;
    if (patch.scenario !== undefined) values.scenario = patch.scenario;
    if (patch.channelId !== undefined) values.channelId = patch.channelId;
    if (patch.channelName !== undefined) values.channelName = patch.channelName;
    if (patch.lastUpdateAt !== undefined) values.lastUpdateAt = toDate(patch.lastUpdateAt);
    if (patch.nextUpdateDueAt !== undefined) values.nextUpdateDueAt = toDate(patch.nextUpdateDueAt);
    if (patch.resolvedAt !== undefined) values.resolvedAt = toDate(patch.resolvedAt);
    if (patch.resolution !== undefined) values.resolution = patch.resolution && RESOLUTION.write(patch.resolution);
    if (Object.keys(values).length === 0) return;
    await ex.update(incidents).set(values).where(eq(incidents.id, id));
  }

  async setRole(ex: Executor, incidentId: number, role: Role, userId: string, at: DateTime): Promise<void> {
    await ex
      .insert(incidentRoles)
      .values({ incidentId, role, userId, assignedAt: at.toJSDate() })
      .onConflictDoUpdate({
        target: [incidentRoles.incidentId, incidentRoles.role],
        set: { userId, assignedAt: at.toJSDate() },
      });
  }

  /** One incident and its roles in one statement: every delivery reads its incident so. */
  private async findOne(ex: Executor, where: SQL): Promise<Incident | undefined> {
    const [found] = await ex.select({ row: incidents, roles: ROLES_HELD }).from(incidents).where(where).limit(1);
    return found ? toIncident(found.row, rolesHeldSchema.parse(found.roles)) : undefined;
  }

  private async withRoles(ex: Executor, rows: IncidentRow[]): Promise<Incident[]> {
    if (rows.length === 0) return [];
    const roleRows = await ex
      .select()
      .from(incidentRoles)
      .where(inArray(incidentRoles.incidentId, rows.map((r) => r.id)));
    const byIncident = new Map<number, RoleRow[]>();
    for (const r of roleRows) byIncident.set(r.incidentId, [...(byIncident.get(r.incidentId) ?? []), r]);
    return rows.map((row) => toIncident(row, byIncident.get(row.id) ?? []));
  }
}

function toIncident(row: IncidentRow, roles: ReadonlyArray<Pick<RoleRow, 'role' | 'userId'>>): Incident {
  const holder = (role: Role) => roles.find((r) => r.role === role)?.userId ?? null;
  return {
    id: row.id,
    title: row.title,
    severity: row.severity,
    status: row.status,
    scenario: row.scenario,
    impact: row.impact,
    commanderId: holder('commander') ?? row.declaredBy,
    commsLeadId: holder('comms'),
    scribeId: holder('scribe'),
    declaredBy: row.declaredBy,
    channelId: row.channelId,
    channelName: row.channelName,
    startedAt: must(row.startedAt),
    detectedAt: must(row.detectedAt),
    declaredAt: must(row.declaredAt),
    lastUpdateAt: fromDate(row.lastUpdateAt),
    nextUpdateDueAt: fromDate(row.nextUpdateDueAt),
    resolvedAt: fromDate(row.resolvedAt),
    isDrill: row.isDrill,
    isPrivate: row.isPrivate,
  };
}
