import { DateTime } from 'luxon';
import type { Db } from '../../src/db/client.js';
import type { Repositories } from '../../src/db/repositories/index.js';
import type { NewTimelineEvent } from '../../src/db/repositories/timeline-repository.js';
import type { Scenario } from '../../src/domain/incident.js';
import type { Severity } from '../../src/domain/severity.js';
import type { Milestone } from '../../src/domain/timeline.js';

/** A moment `minutes` after `base` (ISO, UTC). */
export const at = (base: string, minutes: number): DateTime => DateTime.fromISO(base, { zone: 'utc' }).plus({ minutes });

export interface SeededIncident {
  title?: string;
  severity?: Severity;
  scenario?: Scenario;
  /** Impact start (ISO, UTC); every other time is in minutes after it. */
  start: string;
  detect?: number;
  declare?: number;
  commander?: string;
  /** A person's first note, minutes after the start. */
  firstAction?: number;
  monitoring?: number;
  /** Resolutions, in order; with `reopen` between them. */
  resolve?: number[];
  reopen?: number[];
  raise?: { at: number; from: Severity; to: Severity }[];
  notes?: { at: number; milestone: Milestone | null; by?: string }[];
  drill?: boolean;
  private?: boolean;
}

/** Writes an incident and its timeline the way the services record them, at the times given. */
export async function seedIncident(db: Db, repos: Repositories, s: SeededIncident): Promise<number> {
  const t = (m: number) => at(s.start, m);
  const severity = s.severity ?? 'sev2';
  const declaredAt = t(s.declare ?? s.detect ?? 0);
  const id = await repos.incidents.insert(db, {
    title: s.title ?? 'Checkout errors', severity, scenario: s.scenario ?? 'other', impact: '', declaredBy: 'U_DECLARER',
    startedAt: t(0), detectedAt: t(s.detect ?? 0), declaredAt, nextUpdateDueAt: null, isDrill: s.drill ?? false, isPrivate: s.private ?? false,
  });
  const commander = s.commander ?? 'U_IC';
  const events: NewTimelineEvent[] = [
    { incidentId: id, kind: 'declared', actorId: 'U_DECLARER', occurredAt: declaredAt, data: { title: 'x', severity: s.raise?.[0]?.from ?? severity, scenario: s.scenario ?? 'other', commanderId: commander } },
  ];
  if (s.firstAction !== undefined) events.push({ incidentId: id, kind: 'note_added', actorId: 'U_RESPONDER', occurredAt: t(s.firstAction), data: { text: 'looking', milestone: null } });
  for (const r of s.raise ?? []) events.push({ incidentId: id, kind: 'severity_changed', actorId: commander, occurredAt: t(r.at), data: { from: r.from, to: r.to } });
  for (const n of s.notes ?? []) events.push({ incidentId: id, kind: 'note_added', actorId: n.by ?? commander, occurredAt: t(n.at), data: { text: 'marked', milestone: n.milestone } });
  if (s.monitoring !== undefined) events.push({ incidentId: id, kind: 'status_changed', actorId: commander, occurredAt: t(s.monitoring), data: { from: 'identified', to: 'monitoring' } });
  const resolutions = s.resolve ?? [];
  resolutions.forEach((r, i) => {
    events.push({ incidentId: id, kind: 'resolved', actorId: commander, occurredAt: t(r), data: { from: 'monitoring', summary: 'ok', rootCauseConfirmed: true } });
    const reopen = s.reopen?.[i];
    if (reopen !== undefined) events.push({ incidentId: id, kind: 'reopened', actorId: commander, occurredAt: t(reopen), data: {} });
  });
  await repos.timeline.appendMany(db, events);
  const last = resolutions[resolutions.length - 1];
  if (last !== undefined) await repos.incidents.update(db, id, { status: 'resolved', resolvedAt: t(last) });
  return id;
}
