/**
 * Render time and memory of the postmortem draft for an incident with 10,000 timeline events
 * (goal: ≤ 200 ms). Both variants and locales, median of several runs after a warm-up.
 */
import { DateTime } from 'luxon';
import type { Incident } from '../src/domain/incident.js';
import { renderPostmortem, type PostmortemInput, type RenderOptions } from '../src/domain/postmortem/index.js';
import { DEFAULT_CADENCE } from '../src/domain/severity.js';
import type { ActionItem, StatusUpdate, TimelineEvent } from '../src/domain/timeline.js';
import type { BenchModule } from './run.js';

const EVENTS = 10_000;
const GOAL_MS = 200;
const start = DateTime.fromISO('2024-11-15T05:23:00Z', { zone: 'utc' });

export function bigIncident(events = EVENTS): PostmortemInput {
  const users = ['U01ONCALL1', 'U02DBADMIN', 'U03COMMSXX', 'U04SRE0001'];
  const incident: Incident = {
    id: 42, title: 'Production database outage', severity: 'sev1', status: 'resolved', scenario: 'database',
    impact: 'All writes failed', commanderId: users[0]!, commsLeadId: users[2]!, scribeId: null, declaredBy: users[0]!,
    channelId: 'C07INCIDNT', channelName: 'inc-42-db', startedAt: start, detectedAt: start, declaredAt: start,
    lastUpdateAt: null, nextUpdateDueAt: null, resolvedAt: start.plus({ minutes: events / 10 }), isDrill: false, isPrivate: false,
  };
  const updates: StatusUpdate[] = [];
  const timeline: TimelineEvent[] = [{ id: 1, incidentId: 42, kind: 'declared', actorId: users[0]!, occurredAt: start, data: { title: incident.title, severity: 'sev1', scenario: 'database', commanderId: users[0]! } }];
  for (let i = 1; i < events - 1; i += 1) {
    const at = start.plus({ seconds: i * 6 });
    const actorId = users[i % users.length]!;
    if (i % 150 === 0) {
      updates.push({ id: i, incidentId: 42, authorId: actorId, status: 'identified', severity: 'sev1', postedAt: at, fields: { summary: `Update ${i}: <still> working_on it` } });
      timeline.push({ id: i + 1, incidentId: 42, kind: 'update_posted', actorId, occurredAt: at, data: { updateId: i, status: 'identified' } });
    } else if (i === 300) {
      timeline.push({ id: i + 1, incidentId: 42, kind: 'status_changed', actorId, occurredAt: at, data: { from: 'investigating', to: 'identified' } });
    } else {
      timeline.push({ id: i + 1, incidentId: 42, kind: 'note_added', actorId, occurredAt: at, data: { text: `Note ${i}: checked *replica* #${i % 7} & pool_${i % 13}` } });
    }
  }
  timeline.push({ id: events, incidentId: 42, kind: 'resolved', actorId: users[0]!, occurredAt: incident.resolvedAt!, data: { from: 'identified', summary: 'Fixed', rootCauseConfirmed: true } });
  const actionItems: ActionItem[] = Array.from({ length: 30 }, (_, i) => ({
    id: i + 1, incidentId: 42, title: `Follow-up ${i}`, ownerId: users[i % 4]!, horizon: (['immediate', 'short_term', 'long_term'] as const)[i % 3]!,
    dueDate: '2024-12-01', done: i % 3 === 0, createdAt: incident.resolvedAt!,
  }));
  return {
    incident, timeline, updates, actionItems, userNames: { [users[0]!]: 'Minji Park' }, cadence: DEFAULT_CADENCE,
    resolution: { summary: 'Killed the query', rootCause: 'Batch job', rootCauseConfirmed: true, contributingFactors: ['No timeout'], recoverySignal: 'Lag 0', recoveredAt: incident.resolvedAt, customerImpact: null, businessImpact: null },
  };
}

function measure(input: PostmortemInput, options: RenderOptions, runs: number): { medianMs: number; heapMb: number; bytes: number } {
  renderPostmortem(input, options); // warm-up
  const times: number[] = [];
  let bytes = 0;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    bytes = renderPostmortem(input, options).length;
    times.push(performance.now() - t0);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, heapMb: (peak - heapBefore) / 1024 / 1024, bytes };
}

export const postmortemBench: BenchModule = {
  name: `postmortem render, ${EVENTS.toLocaleString('en-US')} timeline events`,
  run: () => {
    const input = bigIncident();
    const small = bigIncident(100);
    const lines: string[] = [];
    for (const [locale, variant] of [['en', 'internal'], ['ko', 'internal'], ['en', 'external']] as const) {
      const options: RenderOptions = { locale, variant, timeZone: 'Asia/Seoul' };
      const big = measure(input, options, 7);
      const base = measure(small, options, 7);
      lines.push(
        `${locale}/${variant}: ${big.medianMs.toFixed(1)} ms median (goal ≤ ${GOAL_MS} ms, ${big.medianMs <= GOAL_MS ? 'met' : 'MISSED'}), ` +
          `${(big.bytes / 1024).toFixed(0)} KiB out, heap +${big.heapMb.toFixed(1)} MB; ` +
          `${(big.medianMs / base.medianMs).toFixed(0)}× the time of 100 events (${base.medianMs.toFixed(2)} ms)`,
      );
    }
    return lines;
  },
};
